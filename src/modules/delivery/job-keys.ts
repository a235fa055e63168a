/**
 * The idempotency key of every job we plan, one builder per kind of step. Jobs are unique by key
 * (insertJobsInTransaction skips a row whose key exists), so what a key contains decides what counts
 * as "the same delivery": a step planned again with the same key is not delivered again.
 */
export const jobKeys = {
  /** One step of delivering a message: once per message, however often the message is planned. */
  messageStep: (messageId: number, step: 'notify' | 'reminder' | 'paper' | 'verifiable-paper') =>
    `message:${messageId}:${step}`,
  /** Once per opening: a person who closes and reopens their account is welcomed again. */
  welcome: (accountId: number, openedAt: Date) => `account:${accountId}:welcome:${openedAt.toISOString()}`,
  /** Derived from the planning job's key, so even a rerun of that job plans each channel once. */
  channel: (planningKey: string, channel: 'email' | 'sms') => `${planningKey}:${channel}`,
};
