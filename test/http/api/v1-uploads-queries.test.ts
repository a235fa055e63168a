import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ApiClient } from '../../helpers/api-client.js';
import { assertContractResponse, loadContract } from '../../helpers/contract.js';
import { type CitizenMessageInput } from '../../helpers/fixtures.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { useAccount } from '../../helpers/suite-harness.js';
import { rowCounts } from '../../helpers/stored-rows.js';
import { goodFile, issuePayloads } from '../../helpers/attachment-samples.js';
import { useSignedInOrganisations } from './signed-in-organisations.js';
import { multipartBody, uploadV1 } from './v1-test-support.js';

describe('organisation API v1: uploads and messages from end users', () => {
  const { h, org, api, otherApi } = useSignedInOrganisations('2026-03-02T08:00:00Z');
  const citizen = useAccount(h);

  const upload = (
    url: '/v1/files' | '/v1/attachments',
    content: Buffer,
    metadata?: unknown,
    client = api,
    fileName = 'tiedosto.pdf',
    declaredType?: string,
  ) => uploadV1(h, client.token, url, multipartBody(content, fileName, metadata, declaredType));
  const uploadRow = (id: string) =>
    h.context.database.db
      .selectFrom('attachments')
      .select(['organisation_id', 'media_type', 'file_name', 'message_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  /** GET /v1/messages/{id}; the shared client does not know this path template. */
  /** A message the citizen sent to `org`; `fields` as the fixture takes them. */
  const fromCitizen = (fields: Omit<CitizenMessageInput, 'organisation' | 'accountId'> = {}) =>
    h.fixtures.citizenMessage({ organisation: org, accountId: citizen.id, ...fields });
  const getMessage = async (id: string | number, client = api) => {
    const response = await client.get(`/v1/messages/${id}`, { unchecked: true });
    await assertContractResponse('GET', '/v1/messages/{id}', response);
    return response;
  };

  test('POST /v1/files stores a PDF for the caller and answers its fileId', async () => {
    const response = await upload('/v1/files', tinyPdf());
    assert.equal(response.statusCode, 201, response.body);
    const { fileId } = response.json<{ fileId: string }>();
    assert.deepEqual(await uploadRow(fileId), {
      organisation_id: org.id,
      media_type: 'application/pdf',
      file_name: 'tiedosto.pdf',
      message_id: null,
    });
  });

  test('POST /v1/files refuses anything but a PDF, an empty file and a missing part, storing nothing', async () => {
    const before = await rowCounts(h);
    const notPdf = await upload(
      '/v1/files',
      Buffer.from('tavallista tekstiä\n'),
      undefined,
      api,
      'teksti.txt',
    );
    assert.equal(notPdf.statusCode, 415);
    assert.equal(
      notPdf.json<{ reason: string }>().reason,
      'file "teksti.txt": must be a PDF document, the content is text/plain',
    );
    const empty = await upload('/v1/files', Buffer.alloc(0));
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json<{ reason: string }>().reason, /^file: /);
    const wrongPart = await uploadV1(h, api.token, '/v1/files', {
      payload: Buffer.from('--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--b--\r\n'),
      contentType: 'multipart/form-data; boundary=b',
    });
    assert.equal(wrongPart.statusCode, 400);
    assert.match(wrongPart.json<{ reason: string }>().reason, /^file: is required/);
    const unauthenticated = await upload('/v1/files', tinyPdf(), undefined, { token: null } as ApiClient);
    assert.equal(unauthenticated.statusCode, 401);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('over 10,485,760 bytes: /v1/attachments answers 413 in plain text, /v1/files (no 413 in the contract) a 400; nothing stored', async () => {
    const before = await rowCounts(h);
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(10_485_761 - tinyPdf().length, 0x20)]);
    const file = await uploadV1(h, api.token, '/v1/files', multipartBody(big, 'big.pdf'));
    assert.equal(file.statusCode, 400);
    assert.equal(file.json<{ reason: string }>().reason, 'file: is larger than 10485760 bytes');
    const attachment = await upload('/v1/attachments', big, { recipientId: citizen.identityCode });
    assert.equal(attachment.statusCode, 413);
    assert.equal(attachment.headers['content-type'], 'text/plain');
    assert.equal(attachment.body, 'HTTP content length exceeded 10485760 bytes.');
    assert.deepEqual(await rowCounts(h), before);
    const exact = Buffer.concat([tinyPdf(), Buffer.alloc(10_485_760 - tinyPdf().length, 0x20)]);
    assert.equal((await upload('/v1/files', exact)).statusCode, 201);
  });

  test('POST /v1/attachments needs the metadata with a valid recipientId, which it does not keep', async () => {
    const text = Buffer.from('liite\n');
    const ok = await upload('/v1/attachments', text, { recipientId: citizen.identityCode }, api, 'liite.txt');
    assert.equal(ok.statusCode, 201, ok.body);
    const { attachmentId } = ok.json<{ attachmentId: string }>();
    assert.equal((await uploadRow(attachmentId))?.media_type, 'text/plain');

    const before = await rowCounts(h);
    const cases: Array<[unknown, RegExp, number]> = [
      [undefined, /^metadata: is required/, 400],
      ['{not json', /^metadata: /, 400],
      [{}, /^metadata\.recipientId: is required/, 400],
      [{ recipientId: '123456-7890' }, /^metadata\.recipientId: /, 400],
    ];
    for (const [metadata, reason, status] of cases) {
      const response = await upload('/v1/attachments', text, metadata);
      assert.equal(response.statusCode, status, response.body);
      assert.match(response.json<{ reason: string }>().reason, reason);
    }
    const unsupported = await upload('/v1/attachments', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), {
      recipientId: citizen.identityCode,
    });
    assert.equal(unsupported.statusCode, 415);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('both v1 uploads refuse the issue’s files and contradicting names or types with 415, storing nothing', async () => {
    const before = await rowCounts(h);
    const metadata = { recipientId: citizen.identityCode };
    for (const url of ['/v1/files', '/v1/attachments'] as const) {
      for (const payload of Object.values(issuePayloads)) {
        const response = await upload(
          url,
          payload.content,
          metadata,
          api,
          payload.fileName,
          payload.declaredType,
        );
        assert.equal(response.statusCode, 415, `${url} ${payload.fileName}`);
        assert.match(response.json<{ reason: string }>().reason, new RegExp(`^file "${payload.fileName}": `));
      }
      const textAsPdf = await upload(url, Buffer.from('Lasku 12 €\n'), metadata, api, 'trick.pdf');
      assert.equal(textAsPdf.statusCode, 415);
      assert.equal(
        textAsPdf.json<{ reason: string }>().reason,
        'file "trick.pdf": the name says application/pdf but the content is text/plain',
      );
      const declaredPng = await upload(url, tinyPdf(), metadata, api, 'paatos.pdf', 'image/png');
      assert.equal(declaredPng.statusCode, 415);
      assert.equal(
        declaredPng.json<{ reason: string }>().reason,
        'file "paatos.pdf": the declared Content-Type is image/png but the content is application/pdf',
      );
    }
    for (const fileName of ['kuva.png', 'kuva']) {
      const pngAsV1File = await upload('/v1/files', goodFile('image/png').content, undefined, api, fileName);
      assert.equal(pngAsV1File.statusCode, 415);
      assert.equal(
        pngAsV1File.json<{ reason: string }>().reason,
        `file "${fileName}": must be a PDF document, the content is image/png`,
      );
    }
    assert.deepEqual(await rowCounts(h), before);
  });

  test('v1 uploads store a name without an extension with the detected type’s extension', async () => {
    const file = await upload('/v1/files', tinyPdf(), undefined, api, 'paatos', 'application/pdf');
    assert.equal(file.statusCode, 201, file.body);
    assert.equal((await uploadRow(file.json<{ fileId: string }>().fileId))?.file_name, 'paatos.pdf');
    const docx = goodFile('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const attachment = await upload(
      '/v1/attachments',
      docx.content,
      { recipientId: citizen.identityCode },
      api,
      'hakemus',
    );
    assert.equal(attachment.statusCode, 201, attachment.body);
    assert.deepEqual(await uploadRow(attachment.json<{ attachmentId: string }>().attachmentId), {
      organisation_id: org.id,
      media_type: docx.mediaType,
      file_name: 'hakemus.docx',
      message_id: null,
    });
  });

  test('an upload is usable only by the organisation that made it', async () => {
    const fileId = (await upload('/v1/files', tinyPdf(), undefined, otherApi)).json<{ fileId: string }>()
      .fileId;
    const before = await rowCounts(h);
    const response = await api.post(
      '/v2/messages/electronic',
      electronicRequest(org, citizen.identityCode, {
        attachments: [{ attachmentId: fileId }],
      }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ reason: string }>().reason, /^electronic\.attachments\[0\]\.attachmentId/);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('GET /v1/messages/{id} serves a citizen message in the v1 form to its organisation only', async () => {
    const original = await api.post('/v2/messages/electronic', electronicRequest(org, citizen.identityCode));
    const rootId = original.json<{ messageId: number }>().messageId;
    const first = await fromCitizen({ inReplyTo: rootId, threadId: rootId });
    const content = tinyPdf('hakemus');
    const sent = await fromCitizen({
      title: 'Lisäselvitys',
      body: 'Tässä vielä liite.',
      inReplyTo: first.messageId,
      threadId: rootId,
      attachment: { fileName: 'selvitys.pdf', mediaType: 'application/pdf', content },
    });
    const response = await getMessage(sent.messageId);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{
      messageId: number;
      createdAt: string;
      electronic: Record<string, unknown>;
      sender: { mailboxOwner: { id: string; name: string } };
    }>();
    assert.equal(body.messageId, sent.messageId);
    assert.equal(body.createdAt, '2026-03-02T08:00:00.000Z');
    assert.deepEqual(body.electronic, {
      messageId: sent.messageId,
      createdAt: '2026-03-02T08:00:00.000Z',
      title: 'Lisäselvitys',
      body: 'Tässä vielä liite.',
      attachments: [
        {
          attachmentId: sent.attachmentId,
          filename: 'selvitys.pdf',
          mediaType: 'application/pdf',
          sizeBytes: content.length,
        },
      ],
      thread: { inReplyToMessageId: first.messageId, rootMessageId: rootId },
    });
    assert.equal(body.sender.mailboxOwner.id, citizen.identityCode);

    // A message that starts a conversation has no thread.
    const standalone = await fromCitizen();
    const plain = (await getMessage(standalone.messageId)).json<{ electronic: object }>();
    assert.equal('thread' in plain.electronic, false);

    for (const [id, client] of [
      [sent.messageId, otherApi],
      [rootId, api],
      [999_999, api],
    ] as const) {
      assert.equal((await getMessage(id, client)).statusCode, 404);
    }
    const bad = await getMessage('abc');
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await api.get(`/v1/messages/${sent.messageId}`, { token: null, unchecked: true })).statusCode,
      401,
    );
    // The static v1 routes beside it still answer.
    assert.equal((await api.get(`/v1/messages/${rootId}/state`)).statusCode, 200);
  });

  test('the OpenAPI document lists the v1 operations under the contract operationIds', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api-docs/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json<{ paths: Record<string, Record<string, { operationId?: string }>> }>();
    await SwaggerParser.validate(structuredClone(document) as never);
    const contract = (await loadContract()) as unknown as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const v1: Array<[string, string]> = [
      ['post', '/v1/messages'],
      ['post', '/v1/messages/electronic'],
      ['post', '/v1/paper-mail-without-id'],
      ['get', '/v1/events'],
      ['post', '/v1/files'],
      ['post', '/v1/attachments'],
      ['get', '/v1/messages/{id}'],
    ];
    for (const [method, path] of v1) {
      const ours = document.paths[path]?.[method];
      assert.ok(ours, `${method} ${path} is documented`);
      assert.equal(ours.operationId, contract.paths[path]?.[method]?.operationId, `${method} ${path}`);
    }
  });
});
