import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppMetrics } from '../../http/metrics.js';
import type { Logger } from '../../logging/logger.js';
import { retryDelayMs } from './backoff.js';
import {
  LeaseLostError,
  PermanentDeliveryError,
  classifyError,
  type DeliveryError,
} from './delivery-errors.js';
import type { DeliveryOptions } from './delivery-options.js';
import type { ClaimedJob, Db, JobHandler, JobOutcome } from './job-handler.js';
import { readJob } from './job-kinds.js';
import type { OutboxRepository } from './outbox-repository.js';

export interface OutboxWorkerDeps {
  db: Db;
  repository: OutboxRepository;
  handlers: readonly JobHandler[];
  clock: () => Date;
  logger: Logger;
  metrics: AppMetrics;
  options: DeliveryOptions;
  /** After this long of retryable failures a job fails for good (DELIVERY_FAIL_AFTER_HOURS). */
  failAfterMs: number;
}

/**
 * Claims due outbox jobs and runs them at least once. The order of a run is: claim (lease) → the
 * handler's side effect towards a provider, carrying the job's idempotency key → one transaction
 * that records follow-ups and marks the job done. A crash anywhere before that transaction commits
 * leaves the job claimed under an expiring lease, and a later run repeats the side effect with the
 * same key, which the provider (or our own file outbox, keyed by it) deduplicates.
 */
export class OutboxWorker {
  private readonly handlers = new Map<string, JobHandler>();
  /** Identifies this worker in `locked_by` (with a random part per claim round). */
  readonly workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(private readonly deps: OutboxWorkerDeps) {
    for (const handler of deps.handlers) for (const kind of handler.kinds) this.handlers.set(kind, handler);
  }

  /** Claims one round of due jobs and runs them concurrently; returns how many were claimed. */
  async runDueJobs(): Promise<number> {
    const { clock, options, repository } = this.deps;
    const now = clock();
    const token = `${this.workerId}:${randomBytes(6).toString('hex')}`;
    const jobs = await repository.claimDue(
      now,
      new Date(now.getTime() + options.leaseMs),
      token,
      options.claimBatchSize,
    );
    await Promise.all(jobs.map((job) => this.runJob(job)));
    return jobs.length;
  }

  /** Runs one claimed job to a recorded outcome; never throws. */
  async runJob(job: ClaimedJob): Promise<void> {
    const startedAt = this.deps.clock();
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      await this.recordFailure(
        job,
        undefined,
        new PermanentDeliveryError(`no handler for kind ${job.kind}`),
        startedAt,
      );
      return;
    }
    let outcome: JobOutcome;
    try {
      // A corrupt payload fails like a handler's PermanentDeliveryError, its subject told by onFailed.
      outcome = await handler.run(readJob(job));
    } catch (error) {
      await this.recordFailure(job, handler, classifyError(error), startedAt);
      return;
    }
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        const now = this.deps.clock();
        await outcome.commit?.(trx, now);
        await this.deps.repository.complete(trx, job, now);
        await this.deps.repository.recordAttempt(trx, job, outcome.result, null, startedAt, now);
      });
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.leaseLost(job);
        return;
      }
      // The side effect may have happened; recording it did not. Retrying repeats it under the same
      // idempotency key, which is what at-least-once means.
      await this.recordFailure(job, handler, classifyError(error), startedAt);
      return;
    }
    this.count(handler, outcome.metricOutcome ?? outcome.result);
    this.deps.logger.debug({ jobId: job.id, kind: job.kind, outcome: outcome.result }, 'delivery job done');
  }

  private async recordFailure(
    job: ClaimedJob,
    handler: JobHandler | undefined,
    error: DeliveryError,
    startedAt: Date,
  ): Promise<void> {
    const { clock, repository, options, failAfterMs, logger } = this.deps;
    try {
      const now = clock();
      const windowStart =
        job.attempt <= 1 ? startedAt : ((await repository.windowStart(job.id)) ?? job.runAt);
      const windowEnd = windowStart.getTime() + failAfterMs;
      const giveUp = !error.retryable || now.getTime() >= windowEnd;
      await this.deps.db.transaction().execute(async (trx) => {
        if (giveUp) {
          await handler?.onFailed?.(trx, job, now);
          await repository.fail(trx, job, error.message, now);
          await repository.recordAttempt(trx, job, 'failed', error.message, startedAt, now);
        } else {
          const delay = retryDelayMs(
            job.attempt,
            options.retryBaseDelayMs,
            options.retryMaxDelayMs,
            options.random,
          );
          // The last try lands on the window's end rather than after it, so a job never fails merely
          // because its backoff overshot the window.
          const runAt = new Date(Math.min(now.getTime() + delay, windowEnd));
          await repository.reschedule(trx, job, runAt, error.message, now);
          await repository.recordAttempt(trx, job, 'retried', error.message, startedAt, now);
        }
      });
      this.count(handler, giveUp ? 'failed' : 'retried');
      logger.warn(
        {
          jobId: job.id,
          kind: job.kind,
          attempt: job.attempt,
          error: error.message,
          retryable: error.retryable,
        },
        giveUp ? 'delivery job failed' : 'delivery job will be retried',
      );
    } catch (bookkeeping) {
      if (bookkeeping instanceof LeaseLostError) {
        this.leaseLost(job);
        return;
      }
      // Nothing recorded: the lease runs out and the job is run again, which is the safe direction.
      logger.error(
        { err: bookkeeping, jobId: job.id, kind: job.kind },
        'could not record a delivery failure',
      );
    }
  }

  private leaseLost(job: ClaimedJob): void {
    this.deps.logger.warn(
      { jobId: job.id, kind: job.kind },
      'delivery job lease ran out before completion; the run that took over records the outcome',
    );
  }

  private count(handler: JobHandler | undefined, outcome: string): void {
    if (!handler || handler.channel === 'planning') return;
    this.deps.metrics.deliveries.inc({ channel: handler.channel, outcome });
  }
}
