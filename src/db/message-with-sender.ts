import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/**
 * One message joined to the organisation and service that sent it; the caller picks the columns.
 * Shared by the modules that describe a sent message (its letter, its notifications, its evidence),
 * so they read the sender through the same join.
 */
export function messageWithSender(db: Kysely<DatabaseSchema>, messageId: number) {
  return db
    .selectFrom('messages')
    .innerJoin('organisations', 'organisations.id', 'messages.organisation_id')
    .innerJoin('services', 'services.id', 'messages.service_pk')
    .where('messages.id', '=', messageId);
}
