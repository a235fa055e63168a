import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { appendFeedEvent, type NewFeedEvent } from './event-repository.js';

/**
 * The face other modules append organisation feed events through (a citizen read, replied or
 * confirmed receipt; a letter went to print). It takes only a transaction, so the event is written
 * together with the change it reports and exists exactly when that change does (see appendFeedEvent
 * for how feed order is kept equal to commit order).
 */
export function appendFeedEventInTransaction(
  trx: Transaction<DatabaseSchema>,
  event: NewFeedEvent,
): Promise<void> {
  return appendFeedEvent(trx, event);
}
