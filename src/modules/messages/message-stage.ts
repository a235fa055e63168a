/**
 * How far an organisation's message to a citizen has got, as one word: the staff's sent list and the
 * dashboard count by it. It is the furthest step of the API's state (GET /v1/messages/{id}/state,
 * MessageQueryService.state) and rests on the same facts: the electronic statuses 'Readable', 'Read'
 * and 'Receipt confirmed' are the columns available_at, read_at and receipt_confirmed_at; the paper
 * status 'Sent for printing and enveloping' is the feed event of that name. What the API does not
 * show is `failed`: the message reached the citizen by neither route and one of its delivery jobs
 * gave up (a failed outbox job).
 */
export const messageStages = ['accepted', 'available', 'read', 'acknowledged', 'onPaper', 'failed'] as const;

export type MessageStage = (typeof messageStages)[number];

/** The facts a stage is read from; each is a yes/no so a grouped query can count by them. */
export interface MessageProgress {
  /** available_at is set: the API's 'Readable'. */
  available: boolean;
  /** read_at is set: 'Read'. */
  read: boolean;
  /** receipt_confirmed_at is set: 'Receipt confirmed'. */
  receiptConfirmed: boolean;
  /** A 'Sent for printing and enveloping' event exists. */
  sentForPrinting: boolean;
  /** One of the message's delivery jobs ended failed. */
  deliveryFailed: boolean;
}

/**
 * The stage of one message. The electronic steps come first: a verifiable message whose paper
 * fallback was also printed is still in the mailbox, and its stage says how far it got there. A
 * failed notification does not make an available message failed: it is in the mailbox all the same.
 */
export function messageStage(progress: MessageProgress): MessageStage {
  if (progress.receiptConfirmed) return 'acknowledged';
  if (progress.read) return 'read';
  if (progress.available) return 'available';
  if (progress.sentForPrinting) return 'onPaper';
  if (progress.deliveryFailed) return 'failed';
  return 'accepted';
}
