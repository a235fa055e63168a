import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import type { DeliveryChannel, JobKind, JobPayloads } from './job-kinds.js';

/** What every outbox row carries besides its kind and payload. */
interface JobRow {
  id: number;
  idempotencyKey: string;
  messageId: number | null;
  accountId: number | null;
  /** 1 on the first run; counts every claim, including runs cut short by a crash. */
  attempt: number;
  runAt: Date;
  createdAt: Date;
  /** The lease token; completion succeeds only while the job still carries it. */
  lockedBy: string;
}

/** A claimed outbox row as read: its kind may have no handler and its payload is not yet checked. */
export interface ClaimedJob extends JobRow {
  kind: string;
  payload: string;
}

/** A claimed job as its handler sees it: a known kind, with the payload checked against its schema. */
export type Job<K extends JobKind = JobKind> = {
  [Kind in K]: JobRow & { kind: Kind; payload: JobPayloads[Kind] };
}[K];

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

/** Runs the jobs of `kinds`; the worker hands it only those, with payloads already checked. */
export interface JobHandler<K extends JobKind = JobKind> {
  readonly kinds: readonly K[];
  readonly channel: DeliveryChannel;
  /** Throws a DeliveryError to say whether to retry; anything else is retried as unexpected. */
  run(job: Job<K>): Promise<JobOutcome>;
  onFailed?: FailureHook;
}
