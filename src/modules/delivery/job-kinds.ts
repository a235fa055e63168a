/**
 * Every kind of outbox job. The first five are planned by other modules (delivery-planner.ts); the
 * notification kinds fan out into one job per channel, so an SMS gateway outage never resends an
 * e-mail that already went, and each channel retries on its own.
 */
export const jobKinds = {
  newMessageNotification: 'new-message-notification',
  reminder: 'reminder',
  welcomeNotification: 'welcome-notification',
  paperLetter: 'paper-letter',
  verifiablePaperFallback: 'verifiable-paper-fallback',
  email: 'email-notification',
  sms: 'sms-notification',
} as const;

export type JobKind = (typeof jobKinds)[keyof typeof jobKinds];

/** The channel an operator sees a job under; planning jobs only decide which channels to use. */
export type DeliveryChannel = 'email' | 'sms' | 'paper' | 'planning';

export function channelOf(kind: string): DeliveryChannel | 'unknown' {
  switch (kind) {
    case jobKinds.email:
      return 'email';
    case jobKinds.sms:
      return 'sms';
    case jobKinds.paperLetter:
    case jobKinds.verifiablePaperFallback:
      return 'paper';
    case jobKinds.newMessageNotification:
    case jobKinds.reminder:
    case jobKinds.welcomeNotification:
      return 'planning';
    default:
      return 'unknown';
  }
}

/** Which notification text a channel job sends. */
export type NotificationTemplate = 'new-message' | 'reminder' | 'welcome';

/** Payload of an e-mail or SMS job: ids only, so the text is rendered from current data when sent. */
export interface ChannelJobPayload {
  template: NotificationTemplate;
}

export function parseChannelPayload(raw: string): ChannelJobPayload {
  const parsed: unknown = JSON.parse(raw);
  const template = (parsed as { template?: unknown } | null)?.template;
  if (template === 'new-message' || template === 'reminder' || template === 'welcome') return { template };
  throw new Error('channel job payload has no valid template');
}
