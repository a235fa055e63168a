import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ApiClient } from '../../helpers/api-client.js';
import { signedInOrganisation } from '../../helpers/api-session.js';
import { goodFile, goodFiles, issuePayloads } from '../../helpers/attachment-samples.js';
import { type ApiOrganisation, newIdentityCode } from '../../helpers/fixtures.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { rowCounts } from '../../helpers/stored-rows.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

describe('organisation API: mailboxes and attachments', () => {
  let h: TestHarness;
  let org: ApiOrganisation;
  let api: ApiClient;
  before(async () => {
    h = await createHarness({ now: '2026-03-02T08:00:00Z' });
    ({ org, api } = await signedInOrganisation(h));
  });
  after(() => h.close());

  test('POST /v1/mailboxes/active answers exactly the ids with an active mailbox, each once', async () => {
    const active = await h.fixtures.account();
    const closed = await h.fixtures.account({ identityCode: newIdentityCode(), status: 'closed' });
    const unknown = newIdentityCode();
    const response = await api.post('/v1/mailboxes/active', {
      endUsers: [
        { id: unknown },
        { id: active.identityCode },
        { id: closed.identityCode },
        { id: '9990001-6' },
        { id: active.identityCode },
      ],
    });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { endUsersWithActiveMailbox: [{ id: active.identityCode }] });
  });

  test('POST /v1/mailboxes/active takes 10,000 ids, refuses 10,001 and invalid ids naming the field', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => ({
      id: i === 9_999 ? '270570-901K' : newIdentityCode(),
    }));
    const many = await api.post('/v1/mailboxes/active', { endUsers: ids });
    assert.equal(many.statusCode, 200);
    const tooMany = await api.post('/v1/mailboxes/active', { endUsers: [...ids, { id: '270570-901K' }] });
    assert.equal(tooMany.statusCode, 400);
    const empty = await api.post('/v1/mailboxes/active', { endUsers: [] });
    assert.equal(empty.statusCode, 400);
    const invalid = await api.post('/v1/mailboxes/active', {
      endUsers: [{ id: '270570-901K' }, { id: '270570-901A' }],
    });
    assert.equal(invalid.statusCode, 400);
    const reason = invalid.json<{ reason: string }>().reason;
    assert.match(reason, /^endUsers\[1\]\.id: /);
    assert.ok(!reason.includes('270570'), 'identity codes are not echoed');
  });

  test('a PDF upload is stored encrypted with its hash, typed by content, named without directories', async () => {
    const pdf = tinyPdf('salainen sisältö');
    const response = await api.upload(pdf, '../../etc/päätös.pdf', { declaredType: 'text/plain' });
    assert.equal(response.statusCode, 201);
    const { attachmentId } = response.json<{ attachmentId: string }>();
    const row = await h.context.database.db
      .selectFrom('attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .executeTakeFirstOrThrow();
    assert.equal(row.organisation_id, org.id);
    assert.equal(row.media_type, 'application/pdf');
    assert.equal(row.file_name, 'päätös.pdf');
    assert.equal(row.size_bytes, pdf.length);
    assert.equal(row.sha256, createHash('sha256').update(pdf).digest('hex'));
    assert.equal(row.message_id, null);
    assert.ok(!Buffer.from(row.content_enc).includes(Buffer.from('salainen')), 'content is encrypted');
  });

  test('type is decided by content: text is text/plain, an executable named .pdf is refused with 415', async () => {
    const text = await api.upload(Buffer.from('Liite: selvitys\nRivi 2\n'), 'selvitys.txt');
    assert.equal(text.statusCode, 201);
    const before = await rowCounts(h);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 1)]);
    const disguised = await api.upload(exe, 'lasku.pdf', { declaredType: 'application/pdf' });
    assert.equal(disguised.statusCode, 415);
    const html = await api.upload(Buffer.from('\u0000\u0001binary'), 'x.txt');
    assert.equal(html.statusCode, 415);
    const empty = await api.upload(Buffer.alloc(0), 'empty.pdf');
    assert.equal(empty.statusCode, 400);
    const wrongField = await api.upload(tinyPdf(), 'a.pdf', { field: 'document' });
    assert.equal(wrongField.statusCode, 400);
    const notMultipart = await h.app.inject({
      method: 'POST',
      url: '/v2/attachments',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(notMultipart.statusCode, 415);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('the issue’s files answer 415 naming the file and both types, and nothing is stored', async () => {
    const before = await rowCounts(h);
    const expected: Array<[keyof typeof issuePayloads, string]> = [
      ['html', 'file "ohje.html": the content is text/html, which is not accepted'],
      ['svg', 'file "kuva.svg": the content is image/svg+xml, which is not accepted'],
      ['hta', 'file "lasku.hta": the content is text/html, which is not accepted'],
      [
        'doubleExtension',
        'file "lasku.pdf.js": the extension .js is not accepted; the content is text/plain',
      ],
      [
        'htmlAsPdf',
        'file "trick.pdf": the name says application/pdf but the content is text/html, which is not accepted',
      ],
    ];
    for (const [key, reason] of expected) {
      const payload = issuePayloads[key];
      const response = await api.upload(payload.content, payload.fileName, {
        declaredType: payload.declaredType,
      });
      assert.equal(response.statusCode, 415, payload.fileName);
      assert.deepEqual(response.json(), { reason });
    }
    const textAsPdf = await api.upload(Buffer.from('Lasku 12 €\n'), 'trick.pdf');
    assert.equal(textAsPdf.statusCode, 415);
    assert.deepEqual(textAsPdf.json(), {
      reason: 'file "trick.pdf": the name says application/pdf but the content is text/plain',
    });
    const declaredPng = await api.upload(tinyPdf(), 'paatos.pdf', { declaredType: 'image/png' });
    assert.equal(declaredPng.statusCode, 415);
    assert.deepEqual(declaredPng.json(), {
      reason: 'file "paatos.pdf": the declared Content-Type is image/png but the content is application/pdf',
    });
    assert.deepEqual(await rowCounts(h), before);
  });

  test('every accepted type is stored as detected; a name without an extension gets its type’s', async () => {
    for (const file of goodFiles) {
      const response = await api.upload(file.content, file.fileName, { declaredType: file.mediaType });
      assert.equal(response.statusCode, 201, `${file.fileName}: ${response.body}`);
      const row = await h.context.database.db
        .selectFrom('attachments')
        .select(['file_name', 'media_type'])
        .where('id', '=', response.json<{ attachmentId: string }>().attachmentId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { file_name: file.fileName, media_type: file.mediaType });
    }
    const unnamed = await api.upload(goodFile('image/jpeg').content, 'skannattu kuva');
    const row = await h.context.database.db
      .selectFrom('attachments')
      .select(['file_name'])
      .where('id', '=', unnamed.json<{ attachmentId: string }>().attachmentId)
      .executeTakeFirstOrThrow();
    assert.equal(row.file_name, 'skannattu kuva.jpg');
  });

  test('GET /v1/attachments/{id} serves a name whose extension matches the type, also for old rows', async () => {
    const citizen = await h.fixtures.account();
    // Stored before names were checked: HTML accepted as text/plain under the name "trick.pdf".
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const old = await h.fixtures.citizenMessage({
      organisation: org,
      accountId: citizen.id,
      attachment: { fileName: 'trick.pdf', mediaType: 'text/plain', content: html },
    });
    const file = await api.get(`/v1/attachments/${old.attachmentId}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'text/plain');
    assert.equal(
      file.headers['content-disposition'],
      `attachment; filename="trick.txt"; filename*=UTF-8''trick.txt`,
    );
    assert.deepEqual(file.rawPayload, html);
    const message = await api.get(`/v2/messages/${old.messageId}`);
    const listed = message.json<{ electronic: { attachments: Array<{ filename: string }> } }>();
    assert.equal(listed.electronic.attachments[0]?.filename, 'trick.txt');

    const named = await h.fixtures.citizenMessage({
      organisation: org,
      accountId: citizen.id,
      attachment: { fileName: 'Päätös (2).pdf', mediaType: 'application/pdf', content: tinyPdf() },
    });
    const kept = await api.get(`/v1/attachments/${named.attachmentId}`);
    assert.equal(
      kept.headers['content-disposition'],
      `attachment; filename="P__t_s (2).pdf"; filename*=UTF-8''P%C3%A4%C3%A4t%C3%B6s%20%282%29.pdf`,
    );
  });

  test('over 10,485,760 bytes answers 413 in plain text and stores nothing', async () => {
    const before = await rowCounts(h);
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(10_485_761 - tinyPdf().length + 1, 0x20)]);
    const response = await api.upload(big, 'big.pdf');
    assert.equal(response.statusCode, 413);
    assert.match(String(response.headers['content-type']), /^text\/plain/);
    assert.equal(response.body, 'HTTP content length exceeded 10485760 bytes.');
    const exact = Buffer.concat([tinyPdf(), Buffer.alloc(10_485_760 - tinyPdf().length, 0x20)]);
    assert.equal((await api.upload(exact, 'exact.pdf')).statusCode, 201);
    const after = await rowCounts(h);
    assert.equal(after.attachments, before.attachments! + 1);
  });

  test('unused uploads are purged after 24 hours, used ones are kept', async () => {
    const response = await api.upload(tinyPdf(), 'old.pdf');
    const { attachmentId } = response.json<{ attachmentId: string }>();
    h.setNow('2026-03-03T08:00:01Z');
    const removed = await h.services.messaging.purgeExpired();
    assert.ok(removed >= 1);
    const left = await h.context.database.db
      .selectFrom('attachments')
      .select('id')
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    assert.equal(left, undefined);
    h.setNow('2026-03-02T08:00:00Z');
  });
});
