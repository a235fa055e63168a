import type { AppContext } from '../app-context.js';
import { RateLimitCounterRepository } from '../db/rate-limit-counter-repository.js';
import { auditPurgeBatchSize, auditTasks } from '../modules/audit/index.js';
import { deliveryPurgeBatchSize, deliveryTasks } from '../modules/delivery/index.js';
import { evidenceTasks } from '../modules/evidence/index.js';
import { mailboxTasks } from '../modules/mailbox/index.js';
import type { AppServices } from '../services.js';
import type { PeriodicTask } from './worker.js';

/** The background tasks of the worker role; each module contributes its own. */
export function workerTasks(context: AppContext, services: AppServices): PeriodicTask[] {
  return [
    ...deliveryTasks(context, services.delivery),
    ...mailboxTasks(context, services.mailbox),
    ...auditTasks(services.audit),
    ...evidenceTasks(context, services.evidence),
    ...housekeepingTasks(context, services),
  ];
}

/** Purges and expiries that belong to no single delivery (sessions, unused uploads, old events). */
function housekeepingTasks(context: AppContext, services: AppServices): PeriodicTask[] {
  return [
    {
      // Unused organisation uploads (24 h), feed events (60 days), expired API tokens, old login-throttling rows.
      name: 'organisation-api-purge',
      intervalMs: 10 * 60 * 1000,
      run: async () => {
        await services.messaging.purgeExpired();
      },
    },
    {
      // Finished delivery jobs after DELIVERY_RETENTION_DAYS, audit rows after AUDIT_RETENTION_DAYS,
      // feedback after FEEDBACK_RETENTION_DAYS;
      // one batch of each per run, again at once while either came back full.
      name: 'retention-purge',
      intervalMs: 60 * 60 * 1000,
      run: async () => {
        const jobs = await services.delivery.purgeFinishedJobs();
        const auditRows = await services.audit.purgeExpired();
        const feedback = await services.feedback.purgeExpired();
        if (jobs > 0 || auditRows > 0 || feedback > 0) {
          context.logger.info({ jobs, auditRows, feedback }, 'purged expired history');
        }
        return jobs >= deliveryPurgeBatchSize || auditRows >= auditPurgeBatchSize;
      },
    },
    {
      // Rate-limit counters whose window ended (windows are at most minutes long).
      name: 'rate-limit-counter-purge',
      intervalMs: 15 * 60 * 1000,
      run: async () => {
        await new RateLimitCounterRepository(context.database.db).purgeEnded(Date.now() - 60 * 60 * 1000);
      },
    },
  ];
}
