import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordAudit } from '../../src/modules/audit/audit-log.js';
import { jobKinds } from '../../src/modules/delivery/job-kinds.js';
import { insertJobsInTransaction, type JobToInsert } from '../../src/modules/delivery/outbox-repository.js';
import { deliveryPurgeBatchSize, type DeliveryServices } from '../../src/modules/delivery/index.js';
import { workerTasks } from '../../src/worker/tasks.js';
import type { PeriodicTask } from '../../src/worker/worker.js';
import { deliveryFor, drain } from '../helpers/delivery-harness.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';
import { testDialect } from '../helpers/test-database.js';

const start = new Date('2025-03-03T08:00:00Z');
const day = 24 * 3600_000;
const at = (days: number) => new Date(start.getTime() + days * day);

async function count(
  h: TestHarness,
  table: 'outbox_jobs' | 'delivery_attempts' | 'audit_events' | 'messages' | 'events',
) {
  const row = await h.context.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The worker's own retention task, run once as the worker would. */
function retentionTask(h: TestHarness): PeriodicTask {
  return workerTasks(h.context, h.services).find((task) => task.name === 'retention-purge')!;
}

describe(`retention of delivery history (${testDialect})`, () => {
  let h: TestHarness;
  let delivery: DeliveryServices;

  before(async () => {
    h = await createHarness({ now: start });
    delivery = deliveryFor(h);
  });
  after(() => h.close());

  test('finished jobs and their attempts go after DELIVERY_RETENTION_DAYS; planned, recent and evidence stay', async () => {
    const db = h.context.database.db;
    const organisation = await h.fixtures.organisation();
    const { id: accountId } = await h.fixtures.account({
      identityCode: '010101-901X',
      email: 'maija@example.fi',
      emailNotifications: true,
    });

    // An old message without reminders: its notification and e-mail run now (done, with attempts).
    const old = await h.fixtures.sentMessage({
      organisation,
      accountId,
      recipientId: 'x',
      now: start,
      notifications: { unreadMessageNotification: { reminder: 'No reminders' } },
    });
    await drain(delivery);
    const oldJobs = await db.selectFrom('outbox_jobs').select(['id', 'kind', 'state']).execute();
    assert.deepEqual(
      oldJobs.map((j) => j.state),
      ['done', 'done'],
    );
    // A job that failed half a day in (the worker's failure path has its own tests), and one
    // planned on day 0 to run on day 200 (like a reminder or a paper fallback): still pending.
    await db.transaction().execute((trx) =>
      insertJobsInTransaction(
        trx,
        [
          {
            kind: jobKinds.sms,
            idempotencyKey: 'failed-old',
            messageId: old,
            accountId,
            payload: { template: 'new-message' },
            runAt: start,
          },
          {
            kind: jobKinds.reminder,
            idempotencyKey: 'planned-old',
            messageId: old,
            accountId,
            payload: {},
            runAt: at(200),
          },
        ],
        start,
      ),
    );
    await db
      .updateTable('outbox_jobs')
      .set({ state: 'failed', finished_at: at(0.5).toISOString(), last_error: 'gateway refused' })
      .where('idempotency_key', '=', 'failed-old')
      .execute();

    // A recent message, delivered on day 85.
    h.setNow(at(85));
    const recent = await h.fixtures.sentMessage({ organisation, accountId, recipientId: 'x', now: at(85) });
    await drain(delivery);
    const deemedBefore = await db
      .selectFrom('messages')
      .select(['id', 'deemed_received_on', 'available_at'])
      .orderBy('id')
      .execute();
    const messages = await count(h, 'messages');
    const events = await count(h, 'events');
    const attemptsOfRecent = await db
      .selectFrom('delivery_attempts as a')
      .innerJoin('outbox_jobs as j', 'j.id', 'a.job_id')
      .select('a.id')
      .where('j.message_id', '=', recent)
      .execute();
    assert.ok(attemptsOfRecent.length >= 2);

    // Day 91: the day-0 and day-1 jobs are past 90 days; the day-85 ones are not.
    h.setNow(at(91));
    assert.equal(await retentionTask(h).run(), false, 'one small batch: nothing more to drain');

    const left = await db
      .selectFrom('outbox_jobs')
      .select(['message_id', 'kind', 'state'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      left.filter((j) => j.message_id === old).map((j) => [j.kind, j.state]),
      [['reminder', 'pending']],
      'only the still-planned job of the old message is left',
    );
    assert.deepEqual(
      left.filter((j) => j.message_id === recent).map((j) => j.state),
      ['done', 'pending', 'done'],
      'the recent notification and e-mail (done) and its reminder (pending, due on day 92) stay',
    );
    const attempts = await db.selectFrom('delivery_attempts').select(['id', 'job_id']).execute();
    assert.deepEqual(
      attempts.map((a) => a.id).sort((a, b) => a - b),
      attemptsOfRecent.map((a) => a.id).sort((a, b) => a - b),
      "only the recent jobs' attempts are left",
    );
    // What a message's state and the legal dates rest on is untouched.
    assert.equal(await count(h, 'messages'), messages);
    assert.equal(await count(h, 'events'), events);
    assert.deepEqual(
      await db
        .selectFrom('messages')
        .select(['id', 'deemed_received_on', 'available_at'])
        .orderBy('id')
        .execute(),
      deemedBefore,
    );
  });

  test('a large backlog is purged in bounded batches, the task asking to run again while one came back full', async () => {
    const db = h.context.database.db;
    h.setNow(start);
    const backlog = deliveryPurgeBatchSize + 20;
    const jobs = Array.from({ length: backlog }, (_, n): JobToInsert => ({
      kind: jobKinds.email,
      idempotencyKey: `backlog-${n}`,
      messageId: null,
      accountId: null,
      payload: { template: 'new-message' },
      runAt: start,
    }));
    for (let offset = 0; offset < jobs.length; offset += 200) {
      await db
        .transaction()
        .execute((trx) => insertJobsInTransaction(trx, jobs.slice(offset, offset + 200), start));
    }
    await db
      .updateTable('outbox_jobs')
      .set({ state: 'done', finished_at: start.toISOString() })
      .where('idempotency_key', 'like', 'backlog-%')
      .execute();
    const backlogLeft = async () =>
      Number(
        (
          await db
            .selectFrom('outbox_jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('idempotency_key', 'like', 'backlog-%')
            .executeTakeFirstOrThrow()
        ).n,
      );

    h.setNow(at(91));
    const task = retentionTask(h);
    assert.equal(await task.run(), true, 'a full batch: run again at once');
    assert.equal(await backlogLeft(), backlog - deliveryPurgeBatchSize);
    assert.equal(await task.run(), false);
    assert.equal(await backlogLeft(), 0);
  });
});

describe(`retention of the audit trail (${testDialect})`, () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ now: start, env: { AUDIT_RETENTION_DAYS: '400' } });
  });
  after(() => h.close());

  async function audit(occurredAt: Date, action: string) {
    await recordAudit(h.context.database.db, {
      actorType: 'citizen',
      actorId: '1',
      action,
      subjectType: 'message',
      subjectId: '1',
      occurredAt,
    });
  }

  test('rows older than AUDIT_RETENTION_DAYS go; rows inside the period stay', async () => {
    await audit(at(-401), 'message.read');
    await audit(at(-399), 'message.read');
    await audit(at(-1), 'message.delete');
    assert.equal(await retentionTask(h).run(), false);
    const left = await h.context.database.db
      .selectFrom('audit_events')
      .select('occurred_at')
      .orderBy('occurred_at')
      .execute();
    assert.deepEqual(
      left.map((row) => row.occurred_at),
      [at(-399).toISOString(), at(-1).toISOString()],
    );
  });

  test('the default keeps six years', async () => {
    const defaults = await createHarness({ now: start });
    try {
      assert.equal(defaults.context.config.auditRetentionDays, 6 * 365);
      await recordAudit(defaults.context.database.db, {
        actorType: 'citizen',
        actorId: '1',
        action: 'message.read',
        occurredAt: at(-5 * 365),
      });
      await retentionTask(defaults).run();
      assert.equal(await count(defaults, 'audit_events'), 1, 'five years old is kept');
    } finally {
      await defaults.close();
    }
  });

  test('a large backlog of old rows goes in bounded batches', async () => {
    const db = h.context.database.db;
    const old = at(-500).toISOString();
    const rows = Array.from({ length: 1050 }, () => ({
      occurred_at: old,
      actor_type: 'system',
      actor_id: null,
      action: 'backlog',
      subject_type: null,
      subject_id: null,
      request_id: null,
      details: null,
      prev_hash: null,
      hash: null,
    }));
    for (let offset = 0; offset < rows.length; offset += 150) {
      await db
        .insertInto('audit_events')
        .values(rows.slice(offset, offset + 150))
        .execute();
    }
    const before = await count(h, 'audit_events');
    const task = retentionTask(h);
    assert.equal(await task.run(), true);
    assert.equal(await count(h, 'audit_events'), before - 1000);
    assert.equal(await task.run(), false);
    assert.equal(await count(h, 'audit_events'), before - 1050);
  });
});
