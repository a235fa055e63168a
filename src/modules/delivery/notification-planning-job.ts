import type { Job, JobHandler, JobOutcome } from './job-handler.js';
import { jobKeys } from './job-keys.js';
import { jobKinds, type NotificationTemplate } from './job-kinds.js';
import { findAudience } from './notification-audience.js';
import type { NotificationRepository } from './notification-repository.js';
import { insertJobsInTransaction, type JobToInsert } from './outbox-repository.js';

type PlanningKind =
  typeof jobKinds.newMessageNotification | typeof jobKinds.reminder | typeof jobKinds.welcomeNotification;

const templates: Record<PlanningKind, NotificationTemplate> = {
  [jobKinds.newMessageNotification]: 'new-message',
  [jobKinds.reminder]: 'reminder',
  [jobKinds.welcomeNotification]: 'welcome',
};

/**
 * New-message notifications, reminders and welcomes decide which channels the person wants and
 * record one send job per channel, in the transaction that marks this job done. The channel jobs'
 * keys derive from this job's key, so even a rerun of this job plans each channel once.
 */
export class NotificationPlanningJob implements JobHandler<PlanningKind> {
  readonly kinds = [jobKinds.newMessageNotification, jobKinds.reminder, jobKinds.welcomeNotification];
  readonly channel = 'planning' as const;

  constructor(private readonly deps: { repository: NotificationRepository }) {}

  async run(job: Job<PlanningKind>): Promise<JobOutcome> {
    const template = templates[job.kind];
    const audience = await findAudience(this.deps.repository, job, template);
    if (!audience) return { result: 'skipped' };
    const channelJob = (kind: typeof jobKinds.email | typeof jobKinds.sms, channel: 'email' | 'sms') => ({
      kind,
      idempotencyKey: jobKeys.channel(job.idempotencyKey, channel),
      messageId: job.messageId,
      accountId: audience.account.id,
      payload: { template },
    });
    const channels = [
      ...(audience.email ? [channelJob(jobKinds.email, 'email')] : []),
      ...(audience.mobile ? [channelJob(jobKinds.sms, 'sms')] : []),
    ];
    if (channels.length === 0) return { result: 'skipped' };
    return {
      result: 'sent',
      commit: async (trx, now) => {
        const jobs: JobToInsert[] = channels.map((channel) => ({ ...channel, runAt: now }));
        await insertJobsInTransaction(trx, jobs, now);
      },
    };
  }
}
