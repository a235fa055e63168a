import { retentionCutoff } from '../../domain/retention-cutoff.js';
import type { OutboxRepository } from './outbox-repository.js';

/** Jobs deleted per transaction, so a large backlog is worked off without one long lock. */
export const deliveryPurgeBatchSize = 500;

/**
 * Purges one batch of delivery history: jobs that finished (done or failed) more than
 * `retentionDays` ago, and their attempts. The outbox only drives delivery; what a message's state,
 * its deemed-received date and the event feed rest on lives in `messages`, `events` and
 * `print_letters`, which are not touched here. Returns how many jobs were removed, so the worker
 * runs again at once while a full batch came back.
 */
export function purgeDeliveryHistory(
  repository: OutboxRepository,
  now: Date,
  retentionDays: number,
): Promise<number> {
  return repository.purgeFinished(retentionCutoff(now, retentionDays), deliveryPurgeBatchSize);
}
