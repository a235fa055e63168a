import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { jobKinds } from './job-kinds.js';
import { insertJob, insertJobs, type JobToInsert } from './outbox-repository.js';

type Db = Kysely<DatabaseSchema>;

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

export interface NewJob {
  kind: string;
  idempotencyKey: string;
  messageId?: number | null;
  accountId?: number | null;
  payload?: Record<string, unknown>;
  runAt: Date;
}

/**
 * Records a delivery job; call inside the transaction that made the change (transactional outbox).
 * A job whose idempotency key already exists is left as it is, so planning twice delivers once.
 */
export async function enqueueJob(db: Db, job: NewJob, now: Date): Promise<void> {
  await insertJob(db, toInsert(job), now);
}

function toInsert(job: NewJob): JobToInsert {
  return {
    kind: job.kind,
    idempotencyKey: job.idempotencyKey,
    messageId: job.messageId ?? null,
    accountId: job.accountId ?? null,
    payload: job.payload ?? {},
    runAt: job.runAt,
  };
}

const day = 24 * 3600 * 1000;

/**
 * Plans every delivery step for an accepted message, in the caller's transaction: the new-message
 * notification, the reminder, and paper letters (immediately for the paper channel; after 7 days
 * for an unacknowledged verifiable message with a paper part). Each job re-checks its preconditions
 * when it runs (read? acknowledged? still wanted?), so planning early is safe.
 */
export async function planMessageDelivery(db: Db, message: AcceptedMessage, now: Date): Promise<void> {
  const key = (what: string) => `message:${message.messageId}:${what}`;
  if (message.channel === 'paper') {
    await enqueueJob(
      db,
      { kind: jobKinds.paperLetter, idempotencyKey: key('paper'), messageId: message.messageId, runAt: now },
      now,
    );
    return;
  }
  const jobs: JobToInsert[] = [
    toInsert({
      kind: jobKinds.newMessageNotification,
      idempotencyKey: key('notify'),
      messageId: message.messageId,
      accountId: message.accountId,
      runAt: now,
    }),
  ];
  if (message.reminders) {
    const after = message.serviceType === 'Verifiable' ? 3 * day : 7 * day;
    jobs.push(
      toInsert({
        kind: jobKinds.reminder,
        idempotencyKey: key('reminder'),
        messageId: message.messageId,
        accountId: message.accountId,
        runAt: new Date(now.getTime() + after),
      }),
    );
  }
  if (message.serviceType === 'Verifiable' && message.hasPaperPart) {
    jobs.push(
      toInsert({
        kind: jobKinds.verifiablePaperFallback,
        idempotencyKey: key('verifiable-paper'),
        messageId: message.messageId,
        runAt: new Date(now.getTime() + 7 * day),
      }),
    );
  }
  // One statement for all of them: each row still skips itself on an existing idempotency key.
  await insertJobs(db, jobs, now);
}

/** The welcome notification after a citizen opens (or reopens) their account. */
export async function planWelcomeNotification(db: Db, accountId: number, openedAt: Date): Promise<void> {
  await enqueueJob(
    db,
    {
      kind: jobKinds.welcomeNotification,
      idempotencyKey: `account:${accountId}:welcome:${openedAt.toISOString()}`,
      accountId,
      runAt: openedAt,
    },
    openedAt,
  );
}
