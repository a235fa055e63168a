import assert from 'node:assert/strict';
import { afterEach, before, describe, test } from 'node:test';
import { ConflictError, NotFoundError } from '../../../src/errors.js';
import { type MessageInput, type OrganisationFixture, persons } from '../../helpers/fixtures.js';
import { sampleFiles } from '../../helpers/sample-files.js';
import { auditOf, eventsOf, eventTypesOf, messageRow } from '../../helpers/stored-rows.js';
import { useMailboxSuite } from '../../helpers/suite-harness.js';

describe('mailbox reading service', () => {
  const { h, accounts } = useMailboxSuite();
  let org: OrganisationFixture;
  before(async () => {
    org = await h.fixtures.organisation({
      nameFi: 'Kallio',
      nameSv: 'Kallio sv',
      serviceNameFi: 'Päätökset',
    });
  });

  // Tests that move the clock need not put it back: each starts at the suite's time, even after a failure.
  afterEach(() => h.setNow('2025-03-10T08:00:00.000Z'));

  const reading = () => h.services.mailbox.reading;
  /** A message from the suite's organisation to the account, as the sending service would store it. */
  const messageTo = (accountId: number, input: Omit<MessageInput, 'accountId' | 'organisation'> = {}) =>
    h.fixtures.message({ ...input, accountId, organisation: org });

  test('folders list newest first, page by page, decrypting titles', async () => {
    const { id: account } = await h.fixtures.account({ identityCode: persons.laura });
    for (let i = 1; i <= 23; i++) {
      await messageTo(account, { title: `Viesti ${i}` });
    }
    const first = await reading().listFolder(account, 'inbox', 1);
    assert.equal(first.items.length, 20);
    assert.equal(first.hasNext, true);
    assert.equal(first.items[0]!.title, 'Viesti 23');
    assert.equal(first.items[0]!.unread, true);
    assert.deepEqual(first.items[0]!.organisation, { fi: 'Kallio', sv: 'Kallio sv', en: null });
    const second = await reading().listFolder(account, 'inbox', 2);
    assert.deepEqual(
      second.items.map((i) => i.title),
      ['Viesti 3', 'Viesti 2', 'Viesti 1'],
    );
    assert.equal(second.hasNext, false);
  });

  test('messages not yet available, paper-only and other people’s are not listed', async () => {
    const { id: account } = await h.fixtures.account({ identityCode: '210675-948A' });
    await messageTo(account, {
      availableAt: '2025-04-01T00:00:00.000Z',
    });
    await messageTo(account, { availableAt: null });
    await messageTo(account, { channel: 'paper' });
    await messageTo(accounts.maija);
    assert.equal((await reading().listFolder(account, 'inbox', 1)).items.length, 0);
  });

  test('a verifiable message is sealed: no title, no service, no attachments until acknowledged', async () => {
    const { messageId, attachmentIds } = await messageTo(accounts.kimmo, {
      serviceType: 'Verifiable',
      title: 'Salainen päätös',
      attachments: [{ fileName: 'paatos.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }],
    });
    const listed = (await reading().listFolder(accounts.kimmo, 'inbox', 1)).items.find(
      (i) => i.id === messageId,
    )!;
    assert.equal(listed.title, null);
    assert.equal(listed.service, null);
    assert.equal(listed.hasAttachments, false);
    assert.equal(listed.awaitingAcknowledgement, true);

    const view = await reading().openMessage({ accountId: accounts.kimmo }, messageId);
    assert.equal(view.sealed, true);
    assert.ok(!JSON.stringify(view).includes('Salainen'));
    await assert.rejects(
      reading().downloadAttachment({ accountId: accounts.kimmo }, messageId, attachmentIds[0]!),
      NotFoundError,
    );
    assert.equal((await messageRow(h, messageId)).read_at, null, 'a sealed message is not read yet');
    await assert.rejects(reading().deleteMessage({ accountId: accounts.kimmo }, messageId), ConflictError);

    h.setNow('2025-03-10T22:30:00.000Z'); // already 11 March in Helsinki
    await reading().acknowledge({ accountId: accounts.kimmo }, messageId);
    await reading().acknowledge({ accountId: accounts.kimmo }, messageId); // twice changes nothing
    const row = await messageRow(h, messageId);
    assert.equal(row.receipt_confirmed_at, '2025-03-10T22:30:00.000Z');
    assert.equal(row.deemed_received_on, '2025-03-11');

    const opened = await reading().openMessage({ accountId: accounts.kimmo }, messageId);
    assert.equal(opened.sealed, false);
    if (opened.sealed) return;
    assert.equal(opened.title, 'Salainen päätös');
    assert.equal(opened.deemedReceivedOn, '2025-03-11');
    assert.equal(opened.attachments.length, 1);
    assert.deepEqual(await eventTypesOf(h.context, messageId), [
      'Receipt confirmed',
      'Electronic message read',
    ]);
  });

  test('first opening records read once, with the feed event; every opening is audited', async () => {
    const { messageId } = await messageTo(accounts.kimmo, {
      body: '# Otsikko\n\n<script>alert(1)</script> **tärkeä**',
      bodyFormat: 'Markdown',
    });
    const view = await reading().openMessage({ accountId: accounts.kimmo, requestId: 'req-1' }, messageId);
    await reading().openMessage({ accountId: accounts.kimmo }, messageId);
    assert.equal(view.sealed, false);
    if (view.sealed) return;
    assert.ok(view.bodyHtml.includes('<h2>Otsikko</h2>'));
    assert.ok(view.bodyHtml.includes('&lt;script&gt;'));
    assert.ok(view.bodyHtml.includes('<strong>tärkeä</strong>'));
    assert.equal(view.deemedReceivedOn, '2025-03-13', 'third day after it became available');
    assert.equal(view.canReply, false);
    assert.equal(view.canDelete, true);
    assert.deepEqual(await eventTypesOf(h.context, messageId), ['Electronic message read']);
    const audits = (await auditOf(h, 'message.read')).filter((a) => a.subjectId === String(messageId));
    assert.equal(audits.length, 2);
    assert.deepEqual(audits[0], {
      actorType: 'citizen',
      actorId: String(accounts.kimmo),
      subjectType: 'message',
      subjectId: String(messageId),
    });
  });

  test('another person’s message is not found, for every action', async () => {
    const { messageId, attachmentIds } = await messageTo(accounts.maija, {
      serviceType: 'Verifiable',
      attachments: [{ fileName: 'a.txt', mediaType: 'text/plain', content: sampleFiles.text }],
    });
    const intruder = { accountId: accounts.kimmo };
    await assert.rejects(reading().openMessage(intruder, messageId), NotFoundError);
    await assert.rejects(reading().acknowledge(intruder, messageId), NotFoundError);
    await assert.rejects(reading().deleteMessage(intruder, messageId), NotFoundError);
    await assert.rejects(reading().restoreMessage(intruder, messageId), NotFoundError);
    await assert.rejects(reading().downloadAttachment(intruder, messageId, attachmentIds[0]!), NotFoundError);
    const row = await messageRow(h, messageId);
    assert.equal(row.receipt_confirmed_at, null);
    assert.equal(row.read_at, null);
    assert.deepEqual(await eventsOf(h, messageId), []);
  });

  test('an attachment is only found through its own message', async () => {
    const a = await messageTo(accounts.kimmo, {
      attachments: [{ fileName: 'a.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }],
    });
    const b = await messageTo(accounts.kimmo);
    await assert.rejects(
      reading().downloadAttachment({ accountId: accounts.kimmo }, b.messageId, a.attachmentIds[0]!),
      NotFoundError,
    );
    const file = await reading().downloadAttachment(
      { accountId: accounts.kimmo },
      a.messageId,
      a.attachmentIds[0]!,
    );
    assert.deepEqual(file.content, sampleFiles.pdf);
    assert.equal(file.mediaType, 'application/pdf');
    const audits = (await auditOf(h, 'attachment.download')).filter(
      (x) => x.subjectId === a.attachmentIds[0],
    );
    assert.equal(audits.length, 1);
  });

  test('delete moves to Poistetut, restorable for 60 days, then purged', async () => {
    const { messageId, attachmentIds } = await messageTo(accounts.kimmo, {
      attachments: [{ fileName: 'a.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }],
    });
    await reading().deleteMessage({ accountId: accounts.kimmo }, messageId);
    const inbox = await reading().listFolder(accounts.kimmo, 'inbox', 1);
    assert.ok(!inbox.items.some((i) => i.id === messageId));
    const deleted = await reading().listFolder(accounts.kimmo, 'deleted', 1);
    const item = deleted.items.find((i) => i.id === messageId)!;
    assert.equal(item.restorableUntil, '2025-05-09');

    await reading().restoreMessage({ accountId: accounts.kimmo }, messageId);
    assert.ok((await reading().listFolder(accounts.kimmo, 'inbox', 1)).items.some((i) => i.id === messageId));

    await reading().deleteMessage({ accountId: accounts.kimmo }, messageId);
    h.setNow('2025-05-09T07:59:59.000Z');
    assert.equal(await h.services.mailbox.purgeExpiredDeletedMessages(), 0, 'not yet 60 days');
    h.setNow('2025-05-09T08:00:01.000Z');
    await assert.rejects(reading().restoreMessage({ accountId: accounts.kimmo }, messageId), ConflictError);
    assert.ok((await h.services.mailbox.purgeExpiredDeletedMessages()) >= 1);
    const row = await messageRow(h, messageId);
    assert.ok(row.purged_at);
    assert.equal(row.title_enc.length, 0);
    const left = await h.context.database.db
      .selectFrom('attachments')
      .select('id')
      .where('id', '=', attachmentIds[0]!)
      .execute();
    assert.equal(left.length, 0);
    await assert.rejects(reading().openMessage({ accountId: accounts.kimmo }, messageId), NotFoundError);
    assert.ok(
      !(await reading().listFolder(accounts.kimmo, 'deleted', 1)).items.some((i) => i.id === messageId),
    );
  });

  test('a message deleted over 60 days ago cannot be restored and is purged', async () => {
    const { messageId } = await messageTo(accounts.maija, {
      deletedAt: '2024-01-01T00:00:00.000Z',
    });
    await assert.rejects(reading().restoreMessage({ accountId: accounts.maija }, messageId), ConflictError);
    await h.services.mailbox.purgeExpiredDeletedMessages();
    assert.ok((await messageRow(h, messageId)).purged_at);
  });
});
