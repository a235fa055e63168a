import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { renderMessageBody } from '../../../src/domain/message-body.js';
import { NotFoundError, ValidationError } from '../../../src/errors.js';
import {
  StaffSendRejected,
  newSendKey,
  type StaffActor,
  type StaffSendForm,
  type StaffSendProblem,
} from '../../../src/modules/messages/index.js';
import type { AccountFixture, OrganisationFixture } from '../../helpers/fixtures.js';
import { persons } from '../../helpers/fixtures.js';
import { sampleFiles, tinyPdf } from '../../helpers/sample-files.js';
import { attachmentsOf, eventTypesOf, jobsOf, messageRow, rowCounts } from '../../helpers/stored-rows.js';
import { drain } from '../../helpers/delivery-harness.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';

/**
 * Staff case work on whichever database the suite runs (SQLite, or PostgreSQL with TEST_DB=postgres):
 * sending from the form goes through the API's pipeline (rows, feed event, delivery jobs), the sent
 * list and the message page read them back, and every lookup of a citizen leaves an audit row that
 * names no identity code.
 */

// Monday 10 March 2025, 10:00 in Helsinki (UTC+2).
const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });

/** Laura is in the register (with an address) but has no account here. */
const withoutMailbox = persons.laura;

describe('staff messaging', () => {
  let kallio: OrganisationFixture;
  let health: { servicePk: number };
  let other: OrganisationFixture;
  let kimmo: AccountFixture;
  let caseWorker: StaffActor;
  let socialOnly: StaffActor;
  let outsider: StaffActor;
  const staff = () => h.services.messaging.staff;
  const db = () => h.context.database.db;

  const form = (overrides: Partial<StaffSendForm> = {}): StaffSendForm => ({
    sendKey: newSendKey(),
    identityCode: persons.kimmo,
    servicePk: kallio.servicePk,
    title: 'Päätös toimeentulotuesta',
    body: 'Hei,\n\nohessa **päätös**.',
    bodyFormat: 'Markdown',
    verifiable: false,
    replyAllowed: true,
    paperFallback: false,
    attachments: [],
    ...overrides,
  });

  const counts = () => rowCounts(h);

  const rejected = async (promise: Promise<unknown>): Promise<StaffSendProblem[]> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof StaffSendRejected) return error.problems;
      throw error;
    }
    assert.fail('the form was accepted');
  };
  /** Sends a form the service must refuse: gives the problems it names, having checked nothing was stored. */
  const refusedSend = async (actor: StaffActor, input: StaffSendForm): Promise<StaffSendProblem[]> => {
    const before = await counts();
    const problems = await rejected(staff().send(actor, input));
    assert.deepEqual(await counts(), before);
    return problems;
  };
  /** The problems as `field:code`, in the order the form shows them. */
  const named = (problems: StaffSendProblem[]) => problems.map((p) => `${p.field}:${p.code}`);

  const auditRows = (action: string) =>
    db().selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();

  before(async () => {
    kallio = await h.fixtures.organisation();
    const added = await h.services.organisations.addService({
      businessId: kallio.businessId,
      serviceId: `terveys-${kallio.businessId}`,
      nameFi: 'Terveyspalvelut',
      acceptsMessages: true,
    });
    health = { servicePk: added.id };
    other = await h.fixtures.organisation({ nameFi: 'Toinen virasto' });
    kimmo = await h.fixtures.account({ identityCode: persons.kimmo });
    caseWorker = { organisationId: kallio.id, staffMemberId: 11, servicePks: 'all', requestId: 'req-1' };
    socialOnly = { organisationId: kallio.id, staffMemberId: 12, servicePks: [kallio.servicePk] };
    outsider = { organisationId: other.id, staffMemberId: 13, servicePks: 'all' };
  });

  test('sends to a person with a mailbox as the API does: row, feed event, delivery jobs', async () => {
    const result = await staff().send(
      caseWorker,
      form({ attachments: [{ fileName: 'paatos.pdf', content: tinyPdf() }] }),
    );
    assert.equal(result.created, true);
    const row = await messageRow(h, result.messageId);
    assert.equal(row.channel, 'electronic');
    assert.equal(row.account_id, kimmo.id);
    assert.equal(row.recipient_id, persons.kimmo);
    assert.equal(row.body_format, 'Markdown');
    assert.equal(Number(row.reply_allowed), 1);
    assert.match(row.external_id ?? '', /^staff-/);
    assert.deepEqual(await eventTypesOf(h.context, result.messageId), ['Electronic message created']);
    assert.ok((await jobsOf(h.context, result.messageId)).length > 0, 'delivery was planned');
    const files = await attachmentsOf(h, result.messageId);
    assert.deepEqual(
      files.map(({ file_name, position }) => ({ file_name, position })),
      [{ file_name: 'paatos.pdf', position: 0 }],
    );
    const sent = await auditRows('staff.message_sent');
    assert.equal(sent.at(-1)?.actor_type, 'staff');
    assert.equal(sent.at(-1)?.actor_id, '11');
    assert.equal(sent.at(-1)?.subject_id, String(result.messageId));
  });

  test('a person without a mailbox gets the letter on paper when the form asks for it', async () => {
    const result = await staff().send(
      caseWorker,
      form({
        identityCode: withoutMailbox,
        paperFallback: true,
        verifiable: true,
        attachments: [{ fileName: 'paatos.pdf', content: tinyPdf() }],
      }),
    );
    const row = await messageRow(h, result.messageId);
    assert.equal(row.channel, 'paper');
    assert.equal(row.account_id, null);
    assert.notEqual(row.paper_enc, null);
    assert.deepEqual(await eventTypesOf(h.context, result.messageId), ['Paper mail created']);
    // The letter is made from the register's address by the print worker.
    await drain(h.services.delivery);
    const letters = await db()
      .selectFrom('print_letters')
      .select('message_id')
      .where('message_id', '=', result.messageId)
      .execute();
    assert.equal(letters.length, 1);
  });

  test('without a mailbox and without paper fallback nothing is sent, and the form says why', async () => {
    assert.deepEqual(await refusedSend(caseWorker, form({ identityCode: withoutMailbox })), [
      { field: 'identityCode', code: 'noMailbox' },
    ]);
  });

  test('paper fallback needs a PDF to print', async () => {
    assert.deepEqual(
      await refusedSend(caseWorker, form({ identityCode: withoutMailbox, paperFallback: true })),
      [{ field: 'attachments', code: 'pdfRequired' }],
    );
  });

  test('a double submit of one form sends once and answers with the first message', async () => {
    const once = form({ attachments: [{ fileName: 'liite.pdf', content: tinyPdf() }] });
    const before = await counts();
    const first = await staff().send(caseWorker, once);
    const afterFirst = await counts();
    const second = await staff().send(caseWorker, once);
    assert.deepEqual(second, { messageId: first.messageId, created: false });
    assert.deepEqual(await counts(), afterFirst);
    assert.equal(afterFirst.messages, before.messages + 1);
    assert.equal(afterFirst.attachments, before.attachments + 1);
  });

  test('an invalid identity code and blank texts are named by field, and nothing is stored', async () => {
    const invalid = form({
      identityCode: '010180-9027',
      title: ' ',
      body: '',
      attachments: [{ fileName: 'x.exe', content: sampleFiles.exe }],
    });
    assert.deepEqual(named(await refusedSend(caseWorker, invalid)), [
      'identityCode:invalid',
      'title:required',
      'body:required',
      'attachments:unsupportedType',
    ]);
  });

  test('limits are the API contract’s: title length, file size', async () => {
    const overLimits = form({
      title: 'x'.repeat(257),
      attachments: [{ fileName: 'iso.pdf', content: null }],
    });
    assert.deepEqual(named(await refusedSend(caseWorker, overLimits)), [
      'title:tooLong',
      'attachments:tooLarge',
    ]);
  });

  test('no service chosen is a problem of the field; an unknown or another’s service is not found', async () => {
    const before = await counts();
    assert.deepEqual(await refusedSend(caseWorker, form({ servicePk: undefined })), [
      { field: 'service', code: 'required' },
    ]);
    await assert.rejects(staff().send(caseWorker, form({ servicePk: 999_999 })), NotFoundError);
    await assert.rejects(staff().send(caseWorker, form({ servicePk: other.servicePk })), NotFoundError);
    await assert.rejects(staff().send(socialOnly, form({ servicePk: health.servicePk })), NotFoundError);
    await assert.rejects(staff().send(outsider, form()), NotFoundError);
    assert.deepEqual(await counts(), before);
  });

  test('the mailbox check answers and is audited with staff member, organisation and purpose', async () => {
    const yes = await staff().checkMailbox(caseWorker, persons.kimmo, 'Päätöksen lähettäminen');
    const no = await staff().checkMailbox(caseWorker, withoutMailbox, 'Päätöksen lähettäminen');
    assert.deepEqual(yes, { recipient: '270570-****', hasMailbox: true });
    assert.deepEqual(no, { recipient: '140987-****', hasMailbox: false });
    const rows = await auditRows('staff.mailbox_checked');
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.actor_type, 'staff');
    assert.equal(rows[0]!.actor_id, '11');
    assert.equal(rows[0]!.request_id, 'req-1');
    assert.equal(rows[0]!.subject_type, 'account');
    assert.equal(rows[0]!.subject_id, String(kimmo.id));
    assert.deepEqual(JSON.parse(rows[0]!.details ?? '{}'), {
      organisationId: kallio.id,
      purpose: 'Päätöksen lähettäminen',
      hasMailbox: true,
    });
    for (const row of rows) {
      assert.doesNotMatch(JSON.stringify(row), /270570|140987/);
    }
    await assert.rejects(staff().checkMailbox(caseWorker, persons.kimmo, ' '), ValidationError);
    await assert.rejects(staff().checkMailbox(caseWorker, '270570-901X', 'x'), ValidationError);
  });

  test('the preview is the safe HTML the citizen would see', () => {
    const markdown = staff().preview('**a** <script>', 'Markdown');
    assert.equal(markdown, renderMessageBody('**a** <script>', 'Markdown'));
    assert.match(markdown, /<strong>a<\/strong> &lt;script&gt;/);
    // Line ends as a browser posts them: the same HTML as the body the API would store.
    assert.equal(staff().preview('a\r\nb', 'Text'), renderMessageBody('a\nb', 'Text'));
  });

  describe('sent list and message page', () => {
    let read: number;
    let acknowledged: number;
    let healthMessage: number;
    let otherMessage: number;

    before(async () => {
      read = (await staff().send(caseWorker, form({ title: 'Luettava' }))).messageId;
      acknowledged = (await staff().send(caseWorker, form({ title: 'Kuitattava', verifiable: true })))
        .messageId;
      healthMessage = (
        await staff().send(caseWorker, form({ title: 'Terveys', servicePk: health.servicePk }))
      ).messageId;
      otherMessage = (await staff().send(outsider, form({ title: 'Toisen', servicePk: other.servicePk })))
        .messageId;
      const citizen = { accountId: kimmo.id };
      h.setNow('2025-03-10T09:00:00.000Z');
      await h.services.mailbox.reading.openMessage(citizen, read);
      h.setNow('2025-03-10T09:05:00.000Z');
      await h.services.mailbox.reading.acknowledge(citizen, acknowledged);
      await h.services.mailbox.reading.openMessage(citizen, acknowledged);
      h.setNow('2025-03-10T10:00:00.000Z');
    });

    test('lists newest first, masked recipients, decrypted titles and the shared stage', async () => {
      const list = await staff().sentMessages(caseWorker);
      const ids = list.rows.map((row) => row.id);
      assert.ok(!ids.includes(otherMessage), 'another organisation’s message is never listed');
      const sorted = [...list.rows].sort((a, b) =>
        a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1,
      );
      assert.deepEqual(
        ids,
        sorted.map((row) => row.id),
      );
      const readRow = list.rows.find((row) => row.id === read)!;
      assert.equal(readRow.title, 'Luettava');
      assert.equal(readRow.recipient, '270570-****');
      assert.equal(readRow.stage, 'read');
      assert.equal(list.rows.find((row) => row.id === acknowledged)!.stage, 'acknowledged');
      const outside = await staff().sentMessages(outsider);
      assert.deepEqual(
        outside.rows.map((row) => row.id),
        [otherMessage],
      );
    });

    test('filters by stage, service and Helsinki dates, and keeps to the actor’s services', async () => {
      const byStage = await staff().sentMessages(caseWorker, { stage: 'acknowledged' });
      assert.deepEqual(
        byStage.rows.map((row) => row.id),
        [acknowledged],
      );
      const readOnes = await staff().sentMessages(caseWorker, { stage: 'read' });
      assert.deepEqual(
        readOnes.rows.map((row) => row.id),
        [read],
      );
      const byService = await staff().sentMessages(caseWorker, { servicePk: health.servicePk });
      assert.deepEqual(
        byService.rows.map((row) => row.id),
        [healthMessage],
      );
      const social = await staff().sentMessages(socialOnly);
      assert.ok(!social.rows.some((row) => row.id === healthMessage));
      await assert.rejects(staff().sentMessages(socialOnly, { servicePk: health.servicePk }), NotFoundError);
      // Everything was sent on 10 March (Helsinki).
      const today = await staff().sentMessages(caseWorker, { from: '2025-03-10', to: '2025-03-10' });
      assert.ok(today.rows.some((row) => row.id === read));
      assert.deepEqual((await staff().sentMessages(caseWorker, { from: '2025-03-11' })).rows, []);
      assert.deepEqual((await staff().sentMessages(caseWorker, { to: '2025-03-09' })).rows, []);
      await assert.rejects(staff().sentMessages(caseWorker, { from: '10.3.2025' }), ValidationError);
    });

    test('a search by recipient finds their messages and is audited with its purpose', async () => {
      await assert.rejects(staff().sentMessages(caseWorker, { recipient: persons.kimmo }), ValidationError);
      const found = await staff().sentMessages(caseWorker, {
        recipient: persons.kimmo.toLowerCase(),
        purpose: 'Asiakkaan yhteydenotto',
      });
      assert.ok(found.rows.length >= 3);
      assert.ok(found.rows.every((row) => row.recipient === '270570-****'));
      const none = await staff().sentMessages(caseWorker, { recipient: persons.maija, purpose: 'Tarkistus' });
      assert.deepEqual(none.rows, []);
      const rows = await auditRows('staff.recipient_searched');
      assert.equal(rows.length, 2);
      assert.equal(rows[0]!.subject_id, String(kimmo.id));
      assert.deepEqual(JSON.parse(rows[0]!.details ?? '{}'), {
        organisationId: kallio.id,
        purpose: 'Asiakkaan yhteydenotto',
      });
      assert.doesNotMatch(JSON.stringify(rows), /270570|010180/);
    });

    test('the message page shows the timeline up to read and acknowledged, and opening is audited', async () => {
      const details = await staff().sentMessage(caseWorker, acknowledged, 'Kuittauksen tarkistus');
      assert.equal(details.title, 'Kuitattava');
      assert.equal(details.stage, 'acknowledged');
      assert.equal(details.bodyHtml, renderMessageBody('Hei,\n\nohessa **päätös**.', 'Markdown'));
      // Acknowledging opens the message: read and acknowledged at the same moment.
      assert.deepEqual(details.timeline, [
        { at: '2025-03-10T08:00:00.000Z', event: 'accepted' },
        { at: '2025-03-10T08:00:00.000Z', event: 'available' },
        { at: '2025-03-10T09:05:00.000Z', event: 'read' },
        { at: '2025-03-10T09:05:00.000Z', event: 'acknowledged' },
      ]);
      const readPage = await staff().sentMessage(caseWorker, read, 'Tarkistus');
      assert.deepEqual(
        readPage.timeline.map((entry) => entry.event),
        ['accepted', 'available', 'read'],
      );
      const opened = await auditRows('staff.message_opened');
      assert.equal(opened.length, 2);
      assert.equal(opened[0]!.subject_type, 'message');
      assert.equal(opened[0]!.subject_id, String(acknowledged));
      assert.deepEqual(JSON.parse(opened[0]!.details ?? '{}'), {
        organisationId: kallio.id,
        purpose: 'Kuittauksen tarkistus',
      });
    });

    test('a notification the worker sent appears on the timeline with its channel', async () => {
      const maija = await h.fixtures.account({
        identityCode: persons.maija,
        email: 'maija@example.fi',
        emailNotifications: true,
      });
      const sent = await staff().send(
        caseWorker,
        form({ identityCode: persons.maija, title: 'Ilmoitettava' }),
      );
      assert.equal(
        (
          await db()
            .selectFrom('messages')
            .select('account_id')
            .where('id', '=', sent.messageId)
            .executeTakeFirstOrThrow()
        ).account_id,
        maija.id,
      );
      const before = await staff().sentMessage(caseWorker, sent.messageId, 'Tarkistus');
      assert.ok(!before.timeline.some((entry) => entry.event === 'notificationSent'));
      while ((await h.services.delivery.worker.runDueJobs()) > 0) {
        // drain: the new-message notification and its e-mail
      }
      const after = await staff().sentMessage(caseWorker, sent.messageId, 'Tarkistus');
      const notified = after.timeline.filter((entry) => entry.event === 'notificationSent');
      assert.deepEqual(
        notified.map((entry) => entry.channel),
        ['email'],
      );
    });

    test('another organisation’s message, or one outside the actor’s services, is not found', async () => {
      const before = (await auditRows('staff.message_opened')).length;
      await assert.rejects(staff().sentMessage(caseWorker, otherMessage, 'x'), NotFoundError);
      await assert.rejects(staff().sentMessage(outsider, read, 'x'), NotFoundError);
      await assert.rejects(staff().sentMessage(socialOnly, healthMessage, 'x'), NotFoundError);
      assert.equal((await auditRows('staff.message_opened')).length, before);
    });
  });
});
