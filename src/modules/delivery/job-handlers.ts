import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import type { DeliveryOptions } from './delivery-options.js';
import type { EmailSender } from './email-sender.js';
import type { JobHandler } from './job-handler.js';
import { NotificationPlanningJob } from './notification-planning-job.js';
import { NotificationRepository } from './notification-repository.js';
import { NotificationSendJob } from './notification-send-job.js';
import { PaperLetterJob } from './paper-letter-job.js';
import { PaperRepository } from './paper-repository.js';
import { PrintBatchRepository } from './print-batch-repository.js';
import type { SmsSender } from './sms-sender.js';

/** One handler per job kind, built on the application context and the chosen providers. */
export function createJobHandlers(
  context: AppContext,
  options: DeliveryOptions,
  providers: { email: EmailSender; sms: SmsSender },
  evidence: EvidenceRecorder,
): JobHandler[] {
  const db = context.database.db;
  const notifications = new NotificationRepository(db, personalDataSeal(context));
  const wording = {
    link: context.config.publicUrl.href,
    senderDetails: context.config.notificationSenderDetails,
  };
  return [
    new NotificationPlanningJob({ repository: notifications }),
    new NotificationSendJob({
      channel: 'email',
      repository: notifications,
      sender: { email: providers.email },
      wording,
      evidence,
    }),
    new NotificationSendJob({
      channel: 'sms',
      repository: notifications,
      sender: { sms: providers.sms },
      wording,
      evidence,
    }),
    new PaperLetterJob({
      paper: new PaperRepository(db, context.envelope),
      batches: new PrintBatchRepository(db),
      envelope: context.envelope,
      register: context.populationRegister,
      clock: context.clock,
      options,
      evidence,
    }),
  ];
}
