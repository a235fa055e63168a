import type { Trx } from './job-handler.js';
import { jobKeys } from './job-keys.js';
import { jobKinds } from './job-kinds.js';
import { insertJobsInTransaction, type JobToInsert } from './outbox-repository.js';

/** What the delivery pipeline needs to know about a newly accepted message. */
export interface AcceptedMessage {
  messageId: number;
  /** The recipient's account when the message went to an electronic mailbox. */
  accountId: number | null;
  channel: 'electronic' | 'paper';
  serviceType: 'Normal' | 'Verifiable';
  /** False when the sender chose "No reminders". */
  reminders: boolean;
  /** A paper part was supplied (fallback letter for unacknowledged verifiable messages). */
  hasPaperPart: boolean;
}

const day = 24 * 3600 * 1000;

/**
 * Plans every delivery step for an accepted message, in the caller's transaction: the new-message
 * notification, the reminder, and paper letters (immediately for the paper channel; after 7 days
 * for an unacknowledged verifiable message with a paper part). Each job re-checks its preconditions
 * when it runs (read? acknowledged? still wanted?), so planning early is safe.
 */
export async function planMessageDelivery(trx: Trx, message: AcceptedMessage, now: Date): Promise<void> {
  const { messageId, accountId } = message;
  if (message.channel === 'paper') {
    await insertJobsInTransaction(
      trx,
      [
        {
          kind: jobKinds.paperLetter,
          idempotencyKey: jobKeys.messageStep(messageId, 'paper'),
          messageId,
          accountId: null,
          payload: {},
          runAt: now,
        },
      ],
      now,
    );
    return;
  }
  const jobs: JobToInsert[] = [
    {
      kind: jobKinds.newMessageNotification,
      idempotencyKey: jobKeys.messageStep(messageId, 'notify'),
      messageId,
      accountId,
      payload: {},
      runAt: now,
    },
  ];
  if (message.reminders) {
    const after = message.serviceType === 'Verifiable' ? 3 * day : 7 * day;
    jobs.push({
      kind: jobKinds.reminder,
      idempotencyKey: jobKeys.messageStep(messageId, 'reminder'),
      messageId,
      accountId,
      payload: {},
      runAt: new Date(now.getTime() + after),
    });
  }
  if (message.serviceType === 'Verifiable' && message.hasPaperPart) {
    jobs.push({
      kind: jobKinds.verifiablePaperFallback,
      idempotencyKey: jobKeys.messageStep(messageId, 'verifiable-paper'),
      messageId,
      accountId: null,
      payload: {},
      runAt: new Date(now.getTime() + 7 * day),
    });
  }
  // One statement for all of them: each row still skips itself on an existing idempotency key.
  await insertJobsInTransaction(trx, jobs, now);
}

/** The welcome notification after a citizen opens (or reopens) their account, in that transaction. */
export async function planWelcomeNotification(trx: Trx, accountId: number, openedAt: Date): Promise<void> {
  await insertJobsInTransaction(
    trx,
    [
      {
        kind: jobKinds.welcomeNotification,
        idempotencyKey: jobKeys.welcome(accountId, openedAt),
        messageId: null,
        accountId,
        payload: {},
        runAt: openedAt,
      },
    ],
    openedAt,
  );
}
