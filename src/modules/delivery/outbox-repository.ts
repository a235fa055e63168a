import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import { preparedStatement, preparedStatementsBy } from '../../db/prepared-query.js';
import type { DatabaseSchema, OutboxJobsTable, OutboxState } from '../../db/schema.js';
import { LeaseLostError } from './delivery-errors.js';
import type { ClaimedJob, Db, Trx } from './job-handler.js';
import type { JobKind, JobPayloads } from './job-kinds.js';
import { firstValue } from '../../db/first-value.js';

/** A job to plan; its payload's type follows from its kind (job-kinds.ts). */
export type JobToInsert<K extends JobKind = JobKind> = {
  [Kind in K]: {
    kind: Kind;
    /** Unique over all jobs: planning the same step again finds its row and adds none. */
    idempotencyKey: string;
    messageId: number | null;
    accountId: number | null;
    payload: JobPayloads[Kind];
    runAt: Date;
  };
}[K];

export interface JobCount {
  kind: string;
  /** `pending` here means due now; `scheduled` is pending but not due yet. */
  state: OutboxState | 'scheduled';
  count: number;
}

export interface FailedJobSummary {
  id: number;
  kind: string;
  messageId: number | null;
  attempts: number;
  lastError: string | null;
  finishedAt: string | null;
}

/**
 * Records jobs in the caller's transaction, the one that made the change they deliver (transactional
 * outbox: the jobs exist exactly when the change does). Idempotent by `idempotencyKey`: a row whose
 * key exists is skipped on its own, so planning the same delivery twice (a retried request, a rerun
 * fan-out) delivers once. One statement for all rows; returns how many were added.
 */
export async function insertJobsInTransaction(
  trx: Trx,
  jobs: readonly JobToInsert[],
  now: Date,
): Promise<number> {
  if (jobs.length === 0) return 0;
  const timestamp = now.toISOString();
  const values = jobs.flatMap((job) => [
    job.kind,
    job.idempotencyKey,
    job.messageId,
    job.accountId,
    JSON.stringify(job.payload),
    job.runAt.toISOString(),
    timestamp,
    timestamp,
  ]);
  const result = await insertJobsStatement(jobs.length)(trx, ...values);
  return Number(result.numAffectedRows ?? 0);
}

const jobColumns = 8;

/** A message's two or three jobs in one statement, compiled once per number of jobs. */
const insertJobsStatement = preparedStatementsBy((rows: number) =>
  preparedStatement(rows * jobColumns, (db, ...values: unknown[]) =>
    db
      .insertInto('outbox_jobs')
      .values(
        Array.from({ length: rows }, (_, row) => {
          const [kind, idempotencyKey, messageId, accountId, payload, runAt, createdAt, updatedAt] =
            values.slice(row * jobColumns, (row + 1) * jobColumns) as [
              JobToInsert['kind'],
              string,
              number | null,
              number | null,
              string,
              string,
              string,
              string,
            ];
          return {
            kind,
            idempotency_key: idempotencyKey,
            message_id: messageId,
            account_id: accountId,
            payload,
            state: 'pending' as const,
            run_at: runAt,
            created_at: createdAt,
            updated_at: updatedAt,
          };
        }),
      )
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing()),
  ),
);

function toClaimed(row: Selectable<OutboxJobsTable>): ClaimedJob {
  return {
    id: row.id,
    kind: row.kind,
    idempotencyKey: row.idempotency_key,
    messageId: row.message_id,
    accountId: row.account_id,
    payload: row.payload,
    attempt: row.attempts,
    runAt: new Date(row.run_at),
    createdAt: new Date(row.created_at),
    lockedBy: row.locked_by ?? '',
  };
}

/** Pending and due, or running under a lease that ran out (its worker crashed or hung). */
function claimable(now: string) {
  return (eb: ExpressionBuilder<DatabaseSchema, 'outbox_jobs'>) =>
    eb.or([
      eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', now)]),
      eb.and([eb('state', '=', 'running'), eb('locked_until', '<=', now)]),
    ]);
}

export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims up to `limit` due jobs for `token` until `leaseUntil`. On PostgreSQL the rows are picked
   * with FOR UPDATE SKIP LOCKED in a short transaction, so concurrent workers take disjoint sets
   * without waiting for each other; a row another worker claimed meanwhile is re-checked against the
   * condition when its lock is released and skipped. SQLite has one writer, and a single
   * UPDATE … RETURNING is atomic on its own.
   */
  async claimDue(now: Date, leaseUntil: Date, token: string, limit: number): Promise<ClaimedJob[]> {
    const at = now.toISOString();
    const changes = {
      state: 'running' as const,
      attempts: sql<number>`attempts + 1`,
      locked_until: leaseUntil.toISOString(),
      locked_by: token,
      updated_at: at,
    };
    if (isPostgres(this.db)) {
      return this.db.transaction().execute(async (trx) => {
        const picked = await trx
          .selectFrom('outbox_jobs')
          .select('id')
          .where(claimable(at))
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        if (picked.length === 0) return [];
        const rows = await trx
          .updateTable('outbox_jobs')
          .set(changes)
          .where(
            'id',
            'in',
            picked.map((row) => row.id),
          )
          .returningAll()
          .execute();
        return rows.map(toClaimed);
      });
    }
    const rows = await this.db
      .updateTable('outbox_jobs')
      .set(changes)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox_jobs')
          .select('id')
          .where(claimable(at))
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit),
      )
      .returningAll()
      .execute();
    return rows.map(toClaimed);
  }

  /**
   * Marks a job done, inside the caller's transaction. Fails with LeaseLostError (rolling back the
   * caller's follow-up writes) when the job no longer carries this worker's lease token.
   */
  async complete(trx: Trx, job: ClaimedJob, now: Date): Promise<void> {
    await this.close(trx, job, 'done', null, now);
  }

  async reschedule(trx: Trx, job: ClaimedJob, runAt: Date, error: string, now: Date): Promise<void> {
    await this.finish(trx, job, {
      state: 'pending',
      run_at: runAt.toISOString(),
      locked_until: null,
      last_error: error,
      updated_at: now.toISOString(),
    });
  }

  async fail(trx: Trx, job: ClaimedJob, error: string, now: Date): Promise<void> {
    await this.close(trx, job, 'failed', error, now);
  }

  /** A job's last state (done or failed): finished now, its lease released. */
  private async close(
    trx: Trx,
    job: ClaimedJob,
    state: 'done' | 'failed',
    error: string | null,
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    await this.finish(trx, job, {
      state,
      finished_at: at,
      locked_until: null,
      last_error: error,
      updated_at: at,
    });
  }

  private async finish(
    trx: Trx,
    job: ClaimedJob,
    changes: Partial<Omit<Selectable<OutboxJobsTable>, 'id'>>,
  ): Promise<void> {
    const result = await trx
      .updateTable('outbox_jobs')
      .set(changes)
      .where('id', '=', job.id)
      .where('state', '=', 'running')
      .where('locked_by', '=', job.lockedBy)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(`job ${job.id} lease lost`);
  }

  async recordAttempt(
    trx: Trx,
    job: ClaimedJob,
    outcome: 'sent' | 'skipped' | 'retried' | 'failed',
    error: string | null,
    startedAt: Date,
    now: Date,
  ): Promise<void> {
    await trx
      .insertInto('delivery_attempts')
      .values({
        job_id: job.id,
        attempt: job.attempt,
        outcome,
        error,
        started_at: startedAt.toISOString(),
        finished_at: now.toISOString(),
      })
      .execute();
  }

  /**
   * When the job's current failure window opened: the start of its latest first attempt (attempt 1
   * again after an operator's retry). Undefined when no attempt finished yet.
   */
  async windowStart(jobId: number): Promise<Date | undefined> {
    const started = await firstValue(
      this.db
        .selectFrom('delivery_attempts')
        .select('started_at')
        .where('job_id', '=', jobId)
        .where('attempt', '=', 1)
        .orderBy('id', 'desc')
        .limit(1),
    );
    if (started !== undefined) return new Date(started);
    const earliest = await this.db
      .selectFrom('delivery_attempts')
      .select(({ fn }) => fn.min('started_at').as('started_at'))
      .where('job_id', '=', jobId)
      .executeTakeFirst();
    return earliest?.started_at ? new Date(earliest.started_at) : undefined;
  }

  /**
   * Deletes up to `limit` jobs that finished (done or failed) before `cutoff`, with their attempts,
   * in one short transaction; returns how many jobs. The job rows are deleted first by one statement
   * that repeats the conditions outside the subquery: on PostgreSQL a job an operator put back in the
   * queue meanwhile is re-checked against them and kept (with its attempts). Pending and running jobs
   * (planned reminders, paper fallbacks) are never touched.
   */
  async purgeFinished(cutoff: Date, limit: number): Promise<number> {
    const before = cutoff.toISOString();
    const finished = (eb: ExpressionBuilder<DatabaseSchema, 'outbox_jobs'>) =>
      eb.and([eb('state', 'in', ['done', 'failed']), eb('finished_at', '<', before)]);
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('outbox_jobs')
        .where(finished)
        .where('id', 'in', (eb) =>
          eb.selectFrom('outbox_jobs').select('id').where(finished).orderBy('finished_at').limit(limit),
        )
        .returning('id')
        .execute();
      const ids = deleted.map((row) => row.id);
      if (ids.length > 0) await trx.deleteFrom('delivery_attempts').where('job_id', 'in', ids).execute();
      return ids.length;
    });
  }

  /**
   * Jobs per kind and state; pending jobs are split into those due by `now` (waiting for a worker)
   * and those scheduled for later (reminders, retries after a backoff).
   */
  async countByKindAndState(now: string): Promise<JobCount[]> {
    const rows = await this.db
      .selectFrom('outbox_jobs')
      .select(({ fn, eb }) => [
        'kind',
        'state',
        eb
          .case()
          .when(eb.and([eb('state', '=', 'pending'), eb('run_at', '>', now)]))
          .then(1)
          .else(0)
          .end()
          .as('later'),
        fn.countAll<number>().as('count'),
      ])
      .groupBy(['kind', 'state', sql`later`])
      .execute();
    return rows.map((row) => ({
      kind: row.kind,
      state: Number(row.later) === 1 ? 'scheduled' : row.state,
      count: Number(row.count),
    }));
  }

  async listFailed(limit: number): Promise<FailedJobSummary[]> {
    const rows = await this.db
      .selectFrom('outbox_jobs')
      .select(['id', 'kind', 'message_id', 'attempts', 'last_error', 'finished_at'])
      .where('state', '=', 'failed')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      messageId: row.message_id,
      attempts: row.attempts,
      lastError: row.last_error,
      finishedAt: row.finished_at,
    }));
  }

  /**
   * Puts failed jobs back in the queue, due now, with a fresh attempt count (and so a fresh failure
   * window). Returns how many.
   */
  async retryFailed(now: Date): Promise<number> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('outbox_jobs')
      .set({
        state: 'pending',
        attempts: 0,
        run_at: at,
        locked_by: null,
        locked_until: null,
        finished_at: null,
        updated_at: at,
      })
      .where('state', '=', 'failed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
