import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import type { DeliveryChannel } from './job-kinds.js';

/** A claimed outbox job as handlers see it. */
export interface ClaimedJob {
  id: number;
  kind: string;
  idempotencyKey: string;
  messageId: number | null;
  accountId: number | null;
  payload: string;
  /** 1 on the first run; counts every claim, including runs cut short by a crash. */
  attempt: number;
  runAt: Date;
  createdAt: Date;
  /** The lease token; completion succeeds only while the job still carries it. */
  lockedBy: string;
}

export type Db = Kysely<DatabaseSchema>;
export type Trx = Transaction<DatabaseSchema>;

/**
 * What a run achieved. `commit` runs in the same transaction that marks the job done, so follow-up
 * jobs, letters and feed events exist exactly when the job counts as done (and never twice).
 */
export interface JobOutcome {
  /** 'skipped' when the job had nothing to do (already read, person opted out, account closed). */
  result: 'sent' | 'skipped';
  /** Metrics outcome when it differs from `result` (a composed letter is 'queued' until printed). */
  metricOutcome?: string;
  commit?: (trx: Trx, now: Date) => Promise<void>;
}

/** What happens to the job's subject when it fails for good, in the failing transaction. */
export type FailureHook = (trx: Trx, job: ClaimedJob, now: Date) => Promise<void>;

export interface JobHandler {
  readonly kinds: readonly string[];
  readonly channel: DeliveryChannel;
  /** Throws a DeliveryError to say whether to retry; anything else is retried as unexpected. */
  run(job: ClaimedJob): Promise<JobOutcome>;
  onFailed?: FailureHook;
}
