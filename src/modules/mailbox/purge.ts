import type { MailboxRepository } from './mailbox-repository.js';
import { purgeCutoff } from './message-rules.js';

const batchSize = 500;

/**
 * Purges messages that have been in Poistetut for longer than the 60-day restoring period: their
 * attachments are deleted and their title and body removed. Works in batches so one run never holds
 * a long transaction; returns how many were purged, so a caller can run again while it is busy.
 */
export async function purgeExpiredDeletedMessages(repository: MailboxRepository, now: Date): Promise<number> {
  const cutoff = purgeCutoff(now).toISOString();
  const ids = await repository.findPurgeable(cutoff, batchSize);
  return repository.purge(ids, cutoff, now.toISOString());
}

export const purgeBatchSize = batchSize;
