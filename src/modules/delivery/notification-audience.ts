import { normaliseEmail } from '../../domain/email.js';
import { normaliseFinnishMobile } from '../../domain/mobile-number.js';
import type { Job } from './job-handler.js';
import type { NotificationTemplate } from './job-kinds.js';
import { parseNotificationChoices, type NotificationChoices } from './notification-options.js';
import type {
  NotificationAccount,
  NotificationMessage,
  NotificationRepository,
} from './notification-repository.js';

/** Who is to be told about what, after checking that telling them is still wanted. */
export interface NotificationAudience {
  account: NotificationAccount;
  message: NotificationMessage | undefined;
  choices: NotificationChoices;
  /** Normalised address when the person wants e-mail notifications. */
  email: string | undefined;
  /** E.164 Finnish mobile number when the person wants SMS notifications. */
  mobile: string | undefined;
}

/**
 * Re-checks, when the job runs, everything that could have changed since it was planned: the account
 * may be closed, the person may have changed their choices, the message may have been read,
 * acknowledged or deleted, or the sender may have chosen no reminders. Returns undefined when there
 * is nobody to notify.
 */
export async function findAudience(
  repository: NotificationRepository,
  job: Pick<Job, 'messageId' | 'accountId'>,
  template: NotificationTemplate,
): Promise<NotificationAudience | undefined> {
  let message: NotificationMessage | undefined;
  if (template !== 'welcome') {
    if (job.messageId === null) return undefined;
    message = await repository.findMessage(job.messageId);
    if (!message || !message.toCitizen || message.deletedAt !== null) return undefined;
    // Verifiable messages open only after acknowledgement, so acknowledgement is what "read" means.
    const settled = message.verifiable ? message.receiptConfirmedAt !== null : message.readAt !== null;
    if (settled) return undefined;
  }
  const choices = parseNotificationChoices(message?.options);
  if (template === 'reminder' && !choices.reminders) return undefined;
  const accountId = job.accountId ?? message?.accountId ?? null;
  if (accountId === null) return undefined;
  const account = await repository.findAccount(accountId);
  if (!account || !account.active) return undefined;
  const email = account.emailNotifications && account.email ? normaliseEmail(account.email) : null;
  // Only Finnish mobile numbers get SMS notifications (the service is free of charge to them).
  const mobile = account.smsNotifications && account.mobile ? normaliseFinnishMobile(account.mobile) : null;
  return { account, message, choices, email: email ?? undefined, mobile: mobile ?? undefined };
}
