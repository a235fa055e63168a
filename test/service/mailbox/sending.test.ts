import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ForbiddenError, NotFoundError } from '../../../src/errors.js';
import { ComposeRejected } from '../../../src/modules/mailbox/index.js';
import type { ComposeInput } from '../../../src/modules/mailbox/sending-service.js';
import { decryptText, contentContext } from '../../../src/modules/messages/message-content.js';
import { type OrganisationFixture, persons } from '../../helpers/fixtures.js';
import { sampleFiles } from '../../helpers/sample-files.js';
import { attachmentsOf, auditOf, eventsOf, messageRow } from '../../helpers/stored-rows.js';
import { useMailboxSuite } from '../../helpers/suite-harness.js';

function input(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    citizenType: 'Oikaisuvaatimus',
    title: 'Oikaisuvaatimus',
    body: 'Vaadin oikaisua.',
    attachments: [],
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ComposeRejected> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ComposeRejected) return error;
    throw error;
  }
  assert.fail('expected ComposeRejected');
}

describe('mailbox sending service', () => {
  const { h, accounts } = useMailboxSuite();
  let open: OrganisationFixture;
  let closed: OrganisationFixture;
  before(async () => {
    open = await h.fixtures.organisation({ nameFi: 'Kallio' });
    closed = await h.fixtures.organisation({ acceptsMessages: false });
  });

  const sending = () => h.services.mailbox.sending;

  test('only services that accept messages are offered', async () => {
    const services = await sending().listOpenServices();
    assert.ok(services.some((s) => s.servicePk === open.servicePk));
    assert.ok(!services.some((s) => s.servicePk === closed.servicePk));
  });

  test('a new message is stored encrypted with its attachments and the end-user event', async () => {
    const id = await sending().sendNewMessage(
      { accountId: accounts.kimmo },
      open.servicePk,
      input({
        attachments: [
          { fileName: 'C:\\Users\\kimmo\\liite.pdf', content: sampleFiles.pdf },
          { fileName: 'selvitys.txt', content: sampleFiles.text },
          { fileName: 'kuva.png', content: sampleFiles.png },
        ],
      }),
    );
    const row = await messageRow(h, id);
    assert.equal(row.direction, 'from_citizen');
    assert.equal(row.account_id, accounts.kimmo);
    assert.equal(row.organisation_id, open.id);
    assert.equal(row.service_pk, open.servicePk);
    assert.equal(row.citizen_type, 'Oikaisuvaatimus');
    assert.equal(row.channel, 'electronic');
    assert.equal(row.service_type, 'Normal');
    assert.equal(row.body_format, 'Text');
    assert.equal(row.reply_allowed, 0);
    assert.equal(row.thread_id, id);
    assert.equal(row.available_at, '2025-03-10T08:00:00.000Z');
    assert.equal(decryptText(h.context.envelope, row.title_enc, contentContext.title), 'Oikaisuvaatimus');
    const attachments = await attachmentsOf(h, id);
    assert.deepEqual(
      attachments.map((a) => [a.file_name, a.media_type, a.account_id, a.organisation_id]),
      [
        ['liite.pdf', 'application/pdf', accounts.kimmo, null],
        ['selvitys.txt', 'text/plain', accounts.kimmo, null],
        ['kuva.png', 'image/png', accounts.kimmo, null],
      ],
    );
    const content = h.context.envelope.decrypt(
      attachments[0]!.content_enc,
      contentContext.attachment(attachments[0]!.id),
    );
    assert.deepEqual(content, sampleFiles.pdf);
    const events = await eventsOf(h, id);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.type, 'Electronic message from end user');
    assert.deepEqual((events[0]!.payload as { metadata: unknown }).metadata, {
      messageId: id,
      serviceId: open.serviceId,
    });
    assert.equal((await auditOf(h, 'message.send')).length, 1);
  });

  test('field problems are reported together and nothing is stored', async () => {
    const before = await h.context.database.db.selectFrom('messages').select('id').execute();
    const problem = await rejection(
      sending().sendNewMessage({ accountId: accounts.kimmo }, closed.servicePk, {
        citizenType: 'Kantelu',
        title: 'x'.repeat(257),
        body: '  ',
        attachments: [],
      }),
    );
    assert.equal(problem.status, 400);
    assert.deepEqual(
      problem.problems.map((p) => `${p.field}:${p.code}`),
      ['service:required', 'citizenType:required', 'title:tooLong', 'body:required'],
    );
    const after = await h.context.database.db.selectFrom('messages').select('id').execute();
    assert.equal(after.length, before.length);
  });

  test('limits: 256-character title and 40,000-character body are accepted, one more is not', async () => {
    await sending().sendNewMessage(
      { accountId: accounts.kimmo },
      open.servicePk,
      input({ title: 'ä'.repeat(256), body: 'ö'.repeat(40_000) }),
    );
    const problem = await rejection(
      sending().sendNewMessage(
        { accountId: accounts.kimmo },
        open.servicePk,
        input({ body: 'ö'.repeat(40_001) }),
      ),
    );
    assert.deepEqual(problem.problems, [{ field: 'body', code: 'tooLong' }]);
  });

  test('attachments: too large → 413, wrong type → 415, too many → 400', async () => {
    const tooLarge = await rejection(
      sending().sendNewMessage(
        { accountId: accounts.kimmo },
        open.servicePk,
        input({ attachments: [{ fileName: 'iso.pdf', content: null }] }),
      ),
    );
    assert.equal(tooLarge.status, 413);
    for (const [fileName, content] of [
      ['ohjelma.exe', sampleFiles.exe],
      ['kuva.gif', sampleFiles.gif],
      ['binaari.txt', Buffer.from([0x41, 0x00, 0x42])],
    ] as const) {
      const wrongType = await rejection(
        sending().sendNewMessage(
          { accountId: accounts.kimmo },
          open.servicePk,
          input({ attachments: [{ fileName, content }] }),
        ),
      );
      assert.equal(wrongType.status, 415, fileName);
      assert.deepEqual(wrongType.problems, [{ field: 'attachments', code: 'unsupportedType', fileName }]);
    }
    const tooMany = await rejection(
      sending().sendNewMessage(
        { accountId: accounts.kimmo },
        open.servicePk,
        input({
          attachments: Array.from({ length: 51 }, () => ({ fileName: 'a.txt', content: sampleFiles.text })),
        }),
      ),
    );
    assert.equal(tooMany.status, 400);
    assert.deepEqual(tooMany.problems, [{ field: 'attachments', code: 'tooMany' }]);
  });

  test('markup and names or declared types that contradict the content are refused, storing nothing', async () => {
    const before = await h.context.database.db.selectFrom('attachments').select('id').execute();
    const cases: Array<[ComposeInput['attachments'][number], object]> = [
      [
        { fileName: 'sivu.pdf', content: sampleFiles.html },
        { code: 'unsupportedType', fileName: 'sivu.pdf' },
      ],
      [
        { fileName: 'selvitys.pdf', content: sampleFiles.text },
        {
          code: 'typeMismatch',
          fileName: 'selvitys.pdf',
          claimedType: 'application/pdf',
          contentType: 'text/plain',
        },
      ],
      [
        { fileName: 'liite', content: sampleFiles.pdf, declaredType: 'image/png' },
        { code: 'typeMismatch', fileName: 'liite', claimedType: 'image/png', contentType: 'application/pdf' },
      ],
      [
        { fileName: 'lasku.pdf.js', content: sampleFiles.text },
        { code: 'unsupportedType', fileName: 'lasku.pdf.js' },
      ],
    ];
    for (const [file, problem] of cases) {
      const refused = await rejection(
        sending().sendNewMessage(
          { accountId: accounts.kimmo },
          open.servicePk,
          input({ attachments: [file] }),
        ),
      );
      assert.equal(refused.status, 415, file.fileName);
      assert.deepEqual(refused.problems, [{ field: 'attachments', ...problem }], file.fileName);
    }
    const after = await h.context.database.db.selectFrom('attachments').select('id').execute();
    assert.equal(after.length, before.length);
  });

  test('a file name without an extension is stored with the extension of its content', async () => {
    const id = await sending().sendNewMessage(
      { accountId: accounts.kimmo },
      open.servicePk,
      input({ attachments: [{ fileName: 'skannattu', content: sampleFiles.pdf }] }),
    );
    const attachments = await attachmentsOf(h, id);
    assert.deepEqual(
      attachments.map(({ file_name, media_type }) => ({ file_name, media_type })),
      [{ file_name: 'skannattu.pdf', media_type: 'application/pdf' }],
    );
  });

  test('a reply joins the thread and goes to the original service', async () => {
    const original = await h.fixtures.message({
      accountId: accounts.kimmo,
      organisation: closed,
      replyAllowed: true,
      title: 'Lisäselvityspyyntö',
    });
    const target = await sending().replyTarget({ accountId: accounts.kimmo }, original.messageId);
    assert.equal(target.title, 'Lisäselvityspyyntö');
    const id = await sending().sendReply(
      { accountId: accounts.kimmo },
      original.messageId,
      input({ citizenType: 'Selvitys' }),
    );
    const row = await messageRow(h, id);
    assert.equal(row.in_reply_to, original.messageId);
    assert.equal(row.thread_id, original.messageId);
    assert.equal(row.service_pk, closed.servicePk, 'replies do not need a service that accepts new messages');
    assert.deepEqual(
      (await eventsOf(h, id)).map((e) => e.type),
      ['Electronic message from end user'],
    );
    const view = await h.services.mailbox.reading.openMessage({ accountId: accounts.kimmo }, id);
    assert.equal(view.sealed, false);
    if (!view.sealed)
      assert.deepEqual(
        view.thread.map((t) => t.id),
        [original.messageId, id],
      );
  });

  test('replies are refused when not allowed, before acknowledgement, or to someone else’s message', async () => {
    const noReplies = await h.fixtures.message({ accountId: accounts.kimmo, organisation: open });
    await assert.rejects(
      sending().sendReply({ accountId: accounts.kimmo }, noReplies.messageId, input()),
      ForbiddenError,
    );
    const sealed = await h.fixtures.message({
      accountId: accounts.kimmo,
      organisation: open,
      replyAllowed: true,
      serviceType: 'Verifiable',
    });
    await assert.rejects(
      sending().replyTarget({ accountId: accounts.kimmo }, sealed.messageId),
      ForbiddenError,
    );
    const maijas = await h.fixtures.message({
      accountId: accounts.maija,
      organisation: open,
      replyAllowed: true,
    });
    await assert.rejects(
      sending().sendReply({ accountId: accounts.kimmo }, maijas.messageId, input()),
      NotFoundError,
    );
    assert.deepEqual(await eventsOf(h, maijas.messageId), []);
  });

  test('a closed account sends nothing', async () => {
    const { id: account } = await h.fixtures.account({ identityCode: persons.laura, status: 'closed' });
    await assert.rejects(
      sending().sendNewMessage({ accountId: account }, open.servicePk, input()),
      ForbiddenError,
    );
  });
});
