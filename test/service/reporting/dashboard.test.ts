import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appendFeedEvent } from '../../../src/modules/messages/event-repository.js';
import type { ApiPrincipal } from '../../../src/modules/organisations/index.js';
import type { Dashboard, MessageCounts, MessageStage } from '../../../src/modules/reporting/index.js';
import type { OrganisationFixture } from '../../helpers/fixtures.js';
import { addHealthService } from '../../helpers/staff-fixtures.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';

/**
 * The dashboard's numbers against the database, on whichever database the suite runs (SQLite, or
 * PostgreSQL with TEST_DB=postgres): messages in every stage are made through the real sending,
 * mailbox and delivery code, then the report is compared with literals, with counts taken straight
 * from the tables, and each message's stage with the API's own state of that message.
 */

// Monday 10 March 2025, 10:00 in Helsinki (UTC+2).
const now = '2025-03-10T08:00:00.000Z';
const h = useSuiteHarness({ now });

const stages = (partial: Partial<Record<MessageStage, number>>): Record<MessageStage, number> => ({
  accepted: 0,
  available: 0,
  read: 0,
  acknowledged: 0,
  onPaper: 0,
  failed: 0,
  ...partial,
});

describe('staff dashboard', () => {
  let kallio: OrganisationFixture;
  let health: OrganisationFixture;
  let other: OrganisationFixture;
  /** Each message to a citizen and the stage the test expects of it. */
  const expected = new Map<number, MessageStage>();
  let report: Dashboard;

  before(async () => {
    const { fixtures, services, context } = h;
    const db = context.database.db;
    kallio = await fixtures.organisation();
    health = await addHealthService(h, kallio, { nameSv: 'Hälsovårdstjänster', nameEn: 'Health services' });
    other = await fixtures.organisation({ nameFi: 'Toinen virasto' });
    const kimmo = await fixtures.account();
    const maija = await fixtures.account();
    const actor = (accountId: number) => ({ accountId });
    const send = (input: Parameters<typeof fixtures.sentMessage>[0], stage: MessageStage) =>
      fixtures.sentMessage(input).then((id) => {
        expected.set(id, stage);
        return id;
      });

    // Social services: one message in every stage.
    await send({ organisation: kallio, accountId: kimmo.id }, 'available');
    const read = await send({ organisation: kallio, accountId: kimmo.id }, 'read');
    await services.mailbox.reading.openMessage(actor(kimmo.id), read);
    const acknowledged = await send(
      { organisation: kallio, accountId: kimmo.id, serviceType: 'Verifiable' },
      'acknowledged',
    );
    await services.mailbox.reading.acknowledge(actor(kimmo.id), acknowledged);
    await services.mailbox.reading.openMessage(actor(kimmo.id), acknowledged);
    await send({ organisation: kallio, accountId: maija.id, serviceType: 'Verifiable' }, 'available');
    // A paper message without its paper part: the letter job fails at once (nothing to print).
    const undeliverable = await send({ organisation: kallio, accountId: null, channel: 'paper' }, 'failed');
    while ((await services.delivery.worker.runDueJobs()) > 0) {
      // drain the queue: notifications and the failing letter
    }
    const failedJobs = await db
      .selectFrom('outbox_jobs')
      .select('message_id')
      .where('state', '=', 'failed')
      .execute();
    assert.deepEqual(
      failedJobs.map((job) => job.message_id),
      [undeliverable],
    );
    // Printed: its letter job done and the print run's event written, as the print batch does.
    const printed = await send(
      { organisation: kallio, accountId: null, channel: 'paper', paper: {} },
      'onPaper',
    );
    await db
      .updateTable('outbox_jobs')
      .set({ state: 'done', finished_at: now })
      .where('message_id', '=', printed)
      .execute();
    await db.transaction().execute((trx) =>
      appendFeedEvent(trx, {
        organisationId: kallio.id,
        messageId: printed,
        serviceId: kallio.serviceId,
        type: 'Sent for printing and enveloping',
        occurredAt: new Date(now),
      }),
    );
    // Still waiting for the printing run: accepted.
    await send({ organisation: kallio, accountId: null, channel: 'paper', paper: {} }, 'accepted');
    // In the mailbox although its notification failed: counted as a failed delivery, not as failed.
    const unnotified = await send({ organisation: kallio, accountId: maija.id }, 'available');
    await db
      .updateTable('outbox_jobs')
      .set({ state: 'failed', last_error: 'test', finished_at: now })
      .where('message_id', '=', unnotified)
      .execute();

    // Health services: older messages, for the daily series and its Helsinki day boundaries.
    await send(
      { organisation: health, accountId: kimmo.id, now: new Date('2025-03-09T22:30:00.000Z') },
      'available',
    );
    await send(
      { organisation: health, accountId: kimmo.id, now: new Date('2025-02-08T22:00:00.000Z') },
      'available',
    );
    await send(
      { organisation: health, accountId: kimmo.id, now: new Date('2025-02-08T21:59:59.999Z') },
      'available',
    );
    await send(
      { organisation: health, accountId: null, channel: 'paper', now: new Date('2025-03-05T12:00:00.000Z') },
      'accepted',
    );

    // Citizens' messages: two to social services today, one to health services three days ago.
    await fixtures.citizenMessage({ organisation: kallio, accountId: kimmo.id });
    await fixtures.citizenMessage({ organisation: kallio, accountId: maija.id });
    h.setNow('2025-03-07T09:00:00.000Z');
    await fixtures.citizenMessage({ organisation: health, accountId: kimmo.id });
    h.setNow(now);

    // Another organisation's messages must not count anywhere.
    await fixtures.sentMessage({ organisation: other, accountId: kimmo.id });
    await fixtures.citizenMessage({ organisation: other, accountId: kimmo.id });

    report = await services.reporting.dashboard.forOrganisation(kallio.id);
  });

  test('counts each stage, channel and rate as the literals the test set up', () => {
    const social: MessageCounts = {
      sent: 8,
      byStage: stages({ available: 3, read: 1, acknowledged: 1, onPaper: 1, failed: 1, accepted: 1 }),
      byChannel: { electronic: 5, paper: 3 },
      readRate: { numerator: 2, denominator: 5 },
      acknowledgedRate: { numerator: 1, denominator: 2 },
      failedDeliveries: 2,
      citizenMessagesWaiting: 2,
    };
    const healthCounts: MessageCounts = {
      sent: 4,
      byStage: stages({ available: 3, accepted: 1 }),
      byChannel: { electronic: 3, paper: 1 },
      readRate: { numerator: 0, denominator: 3 },
      acknowledgedRate: { numerator: 0, denominator: 0 },
      failedDeliveries: 0,
      citizenMessagesWaiting: 1,
    };
    assert.equal(report.today, '2025-03-10');
    assert.deepEqual(
      report.services.map((s) => [s.serviceId, s.names.en, s.counts]),
      [
        [kallio.serviceId, 'Social services', social],
        [health.serviceId, 'Health services', healthCounts],
      ],
    );
    assert.deepEqual(report.totals, {
      sent: 12,
      byStage: stages({ available: 6, read: 1, acknowledged: 1, onPaper: 1, failed: 1, accepted: 2 }),
      byChannel: { electronic: 8, paper: 4 },
      readRate: { numerator: 2, denominator: 8 },
      acknowledgedRate: { numerator: 1, denominator: 2 },
      failedDeliveries: 2,
      citizenMessagesWaiting: 3,
    });
  });

  test('the totals equal counts taken straight from the messages and outbox tables', async () => {
    const db = h.context.database.db;
    const count = async (condition: ReturnType<typeof sql<boolean>>, direction = 'to_citizen') => {
      const row = await db
        .selectFrom('messages')
        .select(({ fn }) => fn.countAll<number | string>().as('n'))
        .where('organisation_id', '=', kallio.id)
        .where('direction', '=', direction as 'to_citizen')
        .where(condition)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const { totals } = report;
    assert.equal(totals.sent, await count(sql`1 = 1`));
    assert.equal(totals.byChannel.paper, await count(sql`channel = 'paper'`));
    assert.equal(totals.byChannel.electronic, await count(sql`channel = 'electronic'`));
    assert.equal(totals.readRate.numerator, await count(sql`read_at is not null`));
    assert.equal(totals.readRate.denominator, await count(sql`available_at is not null`));
    assert.equal(totals.byStage.acknowledged, await count(sql`receipt_confirmed_at is not null`));
    assert.equal(
      totals.acknowledgedRate.denominator,
      await count(sql`service_type = 'Verifiable' and available_at is not null`),
    );
    assert.equal(
      totals.failedDeliveries,
      await count(sql`id in (select message_id from outbox_jobs where state = 'failed')`),
    );
    assert.equal(totals.citizenMessagesWaiting, await count(sql`1 = 1`, 'from_citizen'));
  });

  test("each message's stage is the furthest step of the API's state of it", async () => {
    const principal: ApiPrincipal = {
      organisationId: kallio.id,
      businessId: kallio.businessId,
      credentialId: 0,
      username: 'dashboard-test',
    };
    const failed = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select('message_id')
      .where('state', '=', 'failed')
      .execute();
    const tally = stages({});
    for (const [messageId, stage] of expected) {
      const state = await h.services.messaging.queries.state(principal, messageId);
      const last = (list: Array<{ status: string }> | undefined) => list?.at(-1)?.status;
      const electronic = last(state.electronic?.statuses);
      const fromApi: MessageStage =
        electronic === 'Receipt confirmed'
          ? 'acknowledged'
          : electronic === 'Read'
            ? 'read'
            : electronic === 'Readable'
              ? 'available'
              : last(state.paperMail?.statuses) === 'Sent for printing and enveloping'
                ? 'onPaper'
                : failed.some((job) => job.message_id === messageId)
                  ? 'failed'
                  : 'accepted';
      assert.equal(fromApi, stage, `message ${messageId}`);
      tally[stage] += 1;
    }
    assert.deepEqual(report.totals.byStage, tally);
  });

  test('the daily series: 30 Helsinki days, oldest first, zeros filled, boundaries on Helsinki midnight', () => {
    assert.equal(report.daily.length, 30);
    assert.equal(report.daily[0]!.date, '2025-02-09');
    assert.equal(report.daily.at(-1)!.date, '2025-03-10');
    const nonZero = report.daily.filter((d) => d.electronic + d.paper + d.fromCitizens > 0);
    assert.deepEqual(nonZero, [
      // 22:00 UTC on 8 February is midnight in Helsinki: the first day; a millisecond earlier is not.
      { date: '2025-02-09', electronic: 1, paper: 0, fromCitizens: 0 },
      { date: '2025-03-05', electronic: 0, paper: 1, fromCitizens: 0 },
      { date: '2025-03-07', electronic: 0, paper: 0, fromCitizens: 1 },
      // 22:30 UTC on 9 March is already 10 March in Helsinki.
      { date: '2025-03-10', electronic: 6, paper: 3, fromCitizens: 2 },
    ]);
  });

  test('a case worker sees only their services; another organisation sees none of these', async () => {
    const dashboard = h.services.reporting.dashboard;
    const healthOnly = await dashboard.forOrganisation(kallio.id, { servicePks: [health.servicePk] });
    assert.deepEqual(
      healthOnly.services.map((s) => s.servicePk),
      [health.servicePk],
    );
    assert.deepEqual(healthOnly.totals, healthOnly.services[0]!.counts);
    assert.equal(healthOnly.totals.sent, 4);
    assert.equal(
      healthOnly.daily.reduce((sum, d) => sum + d.electronic + d.paper + d.fromCitizens, 0),
      4,
    );

    // A service of another organisation named in the scope is not reported.
    const foreign = await dashboard.forOrganisation(kallio.id, { servicePks: [other.servicePk] });
    assert.deepEqual(foreign.services, []);
    assert.equal(foreign.totals.sent, 0);

    const none = await dashboard.forOrganisation(kallio.id, { servicePks: [] });
    assert.deepEqual([none.services, none.totals.sent, none.daily.length], [[], 0, 30]);

    const theirs = await dashboard.forOrganisation(other.id);
    assert.deepEqual([theirs.totals.sent, theirs.totals.citizenMessagesWaiting], [1, 1]);
  });
});
