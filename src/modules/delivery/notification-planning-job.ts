import type { ClaimedJob, JobHandler, JobOutcome } from './job-handler.js';
import { jobKinds, type ChannelJobPayload, type NotificationTemplate } from './job-kinds.js';
import { findAudience } from './notification-audience.js';
import type { NotificationRepository } from './notification-repository.js';
import { insertJob } from './outbox-repository.js';

const templates: Record<string, NotificationTemplate> = {
  [jobKinds.newMessageNotification]: 'new-message',
  [jobKinds.reminder]: 'reminder',
  [jobKinds.welcomeNotification]: 'welcome',
};

/**
 * New-message notifications, reminders and welcomes decide which channels the person wants and
 * record one send job per channel, in the transaction that marks this job done. The channel jobs'
 * keys derive from this job's key, so even a rerun of this job plans each channel once.
 */
export class NotificationPlanningJob implements JobHandler {
  readonly kinds = Object.keys(templates);
  readonly channel = 'planning' as const;

  constructor(private readonly repository: NotificationRepository) {}

  async run(job: ClaimedJob): Promise<JobOutcome> {
    const template = templates[job.kind];
    if (!template) throw new Error(`not a notification job: ${job.kind}`);
    const audience = await findAudience(this.repository, job, template);
    const channels = [
      ...(audience?.email ? [{ kind: jobKinds.email, suffix: 'email' }] : []),
      ...(audience?.mobile ? [{ kind: jobKinds.sms, suffix: 'sms' }] : []),
    ];
    if (!audience || channels.length === 0) return { result: 'skipped' };
    const payload: ChannelJobPayload = { template };
    return {
      result: 'sent',
      commit: async (trx, now) => {
        for (const channel of channels) {
          await insertJob(
            trx,
            {
              kind: channel.kind,
              idempotencyKey: `${job.idempotencyKey}:${channel.suffix}`,
              messageId: job.messageId,
              accountId: audience.account.id,
              payload: { ...payload },
              runAt: now,
            },
            now,
          );
        }
      },
    };
  }
}
