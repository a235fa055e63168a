import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/**
 * Messages joined to the organisation and service that sent them; the caller picks the columns and
 * the rows. Shared by the modules that describe a sent message (its letter, its notifications, its
 * evidence, a person's data export), so they read the sender through the same join.
 */
export function messagesWithSender(db: Kysely<DatabaseSchema>) {
  return db
    .selectFrom('messages')
    .innerJoin('organisations', 'organisations.id', 'messages.organisation_id')
    .innerJoin('services', 'services.id', 'messages.service_pk');
}

/** One message with its sender (see messagesWithSender). */
export function messageWithSender(db: Kysely<DatabaseSchema>, messageId: number) {
  return messagesWithSender(db).where('messages.id', '=', messageId);
}
