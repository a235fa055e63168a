import type { NotificationSenderDetails } from '../../config/settings.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import type { EmailSender } from './email-sender.js';
import type { ClaimedJob, Job, JobHandler, JobOutcome, Trx } from './job-handler.js';
import { jobKinds, readJob } from './job-kinds.js';
import { findAudience, type NotificationAudience } from './notification-audience.js';
import { renderEmail, renderSms, type NotificationInput } from './notification-content.js';
import type { NotificationRepository } from './notification-repository.js';
import type { SmsSender } from './sms-sender.js';

type ChannelKind = typeof jobKinds.email | typeof jobKinds.sms;

/** What every notification of this deployment shares, besides its audience. */
export interface NotificationWording {
  /** Where the citizen signs in (PUBLIC_URL). */
  link: string;
  /**
   * The operator's NOTIFICATION_SENDER_DETAILS: `sender-choice` names the organisation and service
   * when the message's sender allowed it (the contract's senderDetailsInNotifications); `never`
   * leaves them out of every notification, whatever the sender chose.
   */
  senderDetails: NotificationSenderDetails;
}

function notificationInput(
  audience: NotificationAudience,
  template: NotificationInput['template'],
  wording: NotificationWording,
): NotificationInput {
  const language = audience.account.language;
  const message = audience.message;
  const sender =
    message && audience.choices.senderDetails && wording.senderDetails === 'sender-choice'
      ? `${message.organisationName[language]} – ${message.serviceName[language]}`
      : undefined;
  const custom = audience.choices.customised;
  return {
    // The welcome of a reopened account says it is in use again rather than welcoming a second time.
    template: template === 'welcome' && audience.account.reopened ? 'reopened' : template,
    language,
    sender,
    customised: custom ? { title: custom.title[language], content: custom.content[language] } : undefined,
    link: wording.link,
  };
}

/**
 * Sends one notification on one channel. The text is rendered when sending, from the person's
 * current language and choices; it names the sender only when allowed and never carries the
 * message's title or body.
 */
export class NotificationSendJob implements JobHandler<ChannelKind> {
  readonly kinds: readonly ChannelKind[];
  readonly channel: 'email' | 'sms';

  constructor(
    private readonly deps: {
      channel: 'email' | 'sms';
      repository: NotificationRepository;
      sender: { email?: EmailSender; sms?: SmsSender };
      wording: NotificationWording;
      /** A notification about a message is recorded as signed evidence when its job counts as done. */
      evidence: EvidenceRecorder;
    },
  ) {
    this.channel = deps.channel;
    this.kinds = [deps.channel === 'email' ? jobKinds.email : jobKinds.sms];
  }

  /**
   * The notification failed for good (refused, or retried until the failure window closed): the
   * sender and the citizen can show that the person was not told. The record names the channel and
   * the template, never the address or the provider's answer (which may quote the address).
   */
  readonly onFailed = async (trx: Trx, job: ClaimedJob, now: Date): Promise<void> => {
    if (job.messageId === null) return;
    // The payload may be why the job failed (corrupt): then the record names no template.
    let template: string | undefined;
    try {
      template = (readJob(job) as Job<ChannelKind>).payload.template;
    } catch {
      template = undefined;
    }
    await this.deps.evidence.recordInTransaction(trx, job.messageId, 'notification-failed', now, {
      channel: this.channel,
      ...(template ? { template } : {}),
    });
  };

  async run(job: Job<ChannelKind>): Promise<JobOutcome> {
    const { template } = job.payload;
    const { repository, sender, wording } = this.deps;
    const audience = await findAudience(repository, job, template);
    const input = audience ? notificationInput(audience, template, wording) : undefined;
    if (this.channel === 'email') {
      if (!audience?.email || !input || !sender.email) return { result: 'skipped' };
      await sender.email.send({
        to: audience.email,
        ...renderEmail(input),
        language: input.language,
        idempotencyKey: job.idempotencyKey,
      });
    } else {
      if (!audience?.mobile || !input || !sender.sms) return { result: 'skipped' };
      await sender.sms.send({
        to: audience.mobile,
        text: renderSms(input),
        reference: String(job.id),
        idempotencyKey: job.idempotencyKey,
      });
    }
    const { messageId } = job;
    if (messageId === null) return { result: 'sent' };
    return {
      result: 'sent',
      commit: (trx, now) =>
        this.deps.evidence.recordInTransaction(trx, messageId, 'notified', now, {
          channel: this.channel,
          template,
        }),
    };
  }
}
