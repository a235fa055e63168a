import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, test } from 'node:test';
import { openDatabase, type Database } from '../../../src/db/database.js';
import { resolveDeliveryOptions } from '../../../src/modules/delivery/delivery-options.js';
import { SmtpEmailSender } from '../../../src/modules/delivery/email-sender.js';
import type { Job, JobHandler } from '../../../src/modules/delivery/job-handler.js';
import { createJobHandlers } from '../../../src/modules/delivery/job-handlers.js';
import { jobKinds } from '../../../src/modules/delivery/job-kinds.js';
import { FileSmsSender } from '../../../src/modules/delivery/sms-sender.js';
import {
  OutboxRepository,
  insertJobsInTransaction,
  type JobToInsert,
} from '../../../src/modules/delivery/outbox-repository.js';
import { OutboxWorker } from '../../../src/modules/delivery/outbox-worker.js';
import type { DeliveryServices } from '../../../src/modules/delivery/index.js';
import { type OrganisationFixture } from '../../helpers/fixtures.js';
import { jobsOf } from '../../helpers/stored-rows.js';
import { deliveryFor, drain, testDeliveryOptions } from '../../helpers/delivery-harness.js';
import { insertUncheckedJobRow } from '../../helpers/outbox-rows.js';
import { useDeliveryProviders } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

const start = new Date('2025-03-03T08:00:00Z');

/**
 * A job for a worker that has only the test's own handler: any real kind will do (the worker takes
 * only kinds that have a payload schema), and a welcome needs no payload.
 */
const testJob = (idempotencyKey: string): JobToInsert => ({
  kind: jobKinds.welcomeNotification,
  idempotencyKey,
  messageId: null,
  accountId: null,
  payload: {},
  runAt: start,
});

/** Dies (as far as the database can tell) between the provider's "sent" and "marked done". */
class CrashingRepository extends OutboxRepository {
  override async complete(): Promise<void> {
    throw new Error('simulated crash before mark-done');
  }
  override async reschedule(): Promise<void> {
    throw new Error('simulated crash');
  }
}

describe(`outbox worker (${testDialect})`, () => {
  const { h, smtp } = useDeliveryProviders({ now: start });
  let delivery: DeliveryServices;
  let organisation: OrganisationFixture;

  before(async () => {
    delivery = deliveryFor(h);
    organisation = await h.fixtures.organisation();
  });

  function workerWith(repository: OutboxRepository, handlers: JobHandler[] | undefined = undefined) {
    const options = resolveDeliveryOptions({ ...testDeliveryOptions, leaseMs: 60_000 });
    return new OutboxWorker({
      db: h.context.database.db,
      repository,
      handlers: handlers ?? [],
      clock: h.context.clock,
      logger: h.context.logger,
      metrics: h.context.metrics,
      options,
      failAfterMs: 72 * 3600_000,
    });
  }

  test('a crash between sending and marking done reruns the job with the same idempotency key', async () => {
    const { id: accountId } = await h.fixtures.account({
      identityCode: '270570-901K',
      email: 'kimmo@example.fi',
      emailNotifications: true,
    });
    const messageId = await h.fixtures.sentMessage({
      organisation,
      accountId,
      recipientId: '270570-901K',
      now: start,
    });
    // Plan the channels with the real worker, then send with one that "crashes" before mark-done.
    await delivery.worker.runDueJobs();
    const emailJob = (await jobsOf(h.context, messageId)).find((job) => job.kind === 'email-notification')!;
    assert.equal(emailJob.state, 'pending');
    const crashing = workerWith(
      new CrashingRepository(h.context.database.db),
      createJobHandlers(
        h.context,
        resolveDeliveryOptions(testDeliveryOptions),
        {
          email: new SmtpEmailSender({
            smtpUrl: smtp.url,
            from: 'noreply@localhost',
            messageIdDomain: 'localhost',
            timeoutMs: 2000,
          }),
          sms: new FileSmsSender({ dir: `${h.testDatabase.dataDir}/sms` }),
        },
        h.services.evidence.recorder,
      ),
    );
    assert.equal(await crashing.runDueJobs(), 1);
    assert.equal(smtp.mails.length, 1, 'the provider got it');
    const stuck = (await jobsOf(h.context, messageId)).find((job) => job.id === emailJob.id)!;
    assert.equal(stuck.state, 'running', 'but the database never heard');

    // Within the lease nobody touches it; after the lease another worker takes over.
    assert.equal(await delivery.worker.runDueJobs(), 0);
    h.setNow(new Date(start.getTime() + 61_000));
    await drain(delivery);
    const done = (await jobsOf(h.context, messageId)).find((job) => job.id === emailJob.id)!;
    assert.equal(done.state, 'done');
    assert.equal(done.attempts, 2);
    assert.equal(smtp.mails.length, 2);
    assert.equal(smtp.mails[0]!.idempotencyKey, smtp.mails[1]!.idempotencyKey);
    assert.equal(smtp.mails[0]!.headers.get('message-id'), smtp.mails[1]!.headers.get('message-id'));
    assert.equal(smtp.distinctKeys().size, 1);
  });

  test('a worker whose lease ran out cannot record over the worker that took over', async () => {
    const runs: number[] = [];
    const handler: JobHandler = {
      kinds: [jobKinds.welcomeNotification],
      channel: 'email',
      async run(job) {
        runs.push(job.id);
        return { result: 'sent' };
      },
    };
    const repository = new OutboxRepository(h.context.database.db);
    await h.context.database.db
      .transaction()
      .execute((trx) => insertJobsInTransaction(trx, [testJob('lease-1')], start));
    const slow = workerWith(repository, [handler]);
    const [claimed] = await repository.claimDue(start, new Date(start.getTime() + 1000), 'slow-token', 1);
    assert.ok(claimed);
    h.setNow(new Date(start.getTime() + 5000));
    await workerWith(repository, [handler]).runDueJobs();
    await slow.runJob(claimed);
    assert.deepEqual(runs, [claimed.id, claimed.id]);
    const row = await h.context.database.db
      .selectFrom('outbox_jobs')
      .selectAll()
      .where('id', '=', claimed.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'done');
    const attempts = await h.context.database.db
      .selectFrom('delivery_attempts')
      .select('attempt')
      .where('job_id', '=', claimed.id)
      .execute();
    assert.deepEqual(attempts, [{ attempt: 2 }], 'only the run that held the lease recorded its outcome');
    assert.match(h.log.text, /lease ran out/);
  });

  test('an unknown job kind fails permanently instead of looping', async () => {
    await insertUncheckedJobRow(
      h.context.database.db,
      { kind: 'no-such-kind', idempotencyKey: 'unknown-1', runAt: start },
      start,
    );
    await drain(delivery);
    const row = await h.context.database.db
      .selectFrom('outbox_jobs')
      .selectAll()
      .where('idempotency_key', '=', 'unknown-1')
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'failed');
    assert.equal(row.last_error, 'no handler for kind no-such-kind');
  });

  test('a payload that does not fit its kind fails permanently, naming the kind and the mismatch', async () => {
    await insertUncheckedJobRow(
      h.context.database.db,
      {
        kind: jobKinds.email,
        idempotencyKey: 'corrupt-1',
        payload: JSON.stringify({ template: 'farewell' }),
        runAt: start,
      },
      start,
    );
    await insertUncheckedJobRow(
      h.context.database.db,
      { kind: jobKinds.sms, idempotencyKey: 'corrupt-2', payload: '{"template":', runAt: start },
      start,
    );
    await drain(delivery);
    const rows = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select(['state', 'last_error'])
      .where('idempotency_key', 'in', ['corrupt-1', 'corrupt-2'])
      .orderBy('idempotency_key')
      .execute();
    assert.deepEqual(rows, [
      {
        state: 'failed',
        last_error: 'corrupt email-notification job payload: /template Expected union value',
      },
      { state: 'failed', last_error: 'corrupt sms-notification job payload: not JSON' },
    ]);
    assert.equal(smtp.mails.length, 0);
  });

  test('two workers on separate connections never run the same job at once, and run each once', async () => {
    const extra: Database =
      testDialect === 'postgres'
        ? openDatabase({
            databaseUrl: h.testDatabase.databaseUrl,
            postgresSchema: h.testDatabase.postgresSchema,
          })
        : openDatabase({ sqliteFile: `${h.testDatabase.dataDir}/asiointitili.db` });
    try {
      const total = 120;
      for (let n = 0; n < total; n++) {
        await h.context.database.db
          .transaction()
          .execute((trx) => insertJobsInTransaction(trx, [testJob(`c-${n}`)], start));
      }
      const running = new Set<number>();
      const runsPerJob = new Map<number, number>();
      const byWorker = [0, 0];
      let overlaps = 0;
      const handlerFor = (worker: number): JobHandler => ({
        kinds: [jobKinds.welcomeNotification],
        channel: 'email',
        async run(job: Job) {
          if (running.has(job.id)) overlaps++;
          running.add(job.id);
          runsPerJob.set(job.id, (runsPerJob.get(job.id) ?? 0) + 1);
          byWorker[worker]!++;
          await sleep(2);
          running.delete(job.id);
          return { result: 'sent' };
        },
      });
      const make = (database: Database, worker: number) =>
        new OutboxWorker({
          db: database.db,
          repository: new OutboxRepository(database.db),
          handlers: [handlerFor(worker)],
          clock: h.context.clock,
          logger: h.context.logger,
          metrics: h.context.metrics,
          options: resolveDeliveryOptions({ ...testDeliveryOptions, claimBatchSize: 5 }),
          failAfterMs: 3600_000,
        });
      const loop = async (worker: OutboxWorker) => {
        while ((await worker.runDueJobs()) > 0) {
          // keep draining
        }
      };
      await Promise.all([loop(make(h.context.database, 0)), loop(make(extra, 1))]);
      assert.equal(overlaps, 0);
      assert.equal(runsPerJob.size, total);
      assert.ok([...runsPerJob.values()].every((count) => count === 1));
      if (testDialect === 'postgres')
        assert.ok(byWorker[0]! > 0 && byWorker[1]! > 0, `both worked: ${byWorker}`);
    } finally {
      await extra.close();
    }
  });
});
