import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import type { DatabaseSchema } from '../../db/schema.js';

/** Event types of the organisation API's v2 feed (the contract's `type` values). */
export type FeedEventType =
  | 'Electronic message created'
  | 'Electronic message read'
  | 'Electronic message from end user'
  | 'Receipt confirmed'
  | 'Paper mail created'
  | 'Sent for printing and enveloping'
  | 'Posti: receipt confirmed'
  | 'Posti: returned to sender'
  | 'Posti: unresolved';

export interface NewFeedEvent {
  organisationId: number;
  messageId: number;
  serviceId: string;
  externalId?: string | null | undefined;
  type: FeedEventType;
  occurredAt: Date;
}

type Db = Kysely<DatabaseSchema>;

/**
 * Appends an event to an organisation's feed. Call it inside the transaction that made the change,
 * so the event exists exactly when the change does.
 *
 * Feed order is the event id. On PostgreSQL ids are handed out before commit, so two concurrent
 * transactions could commit out of id order and a reader paging by id could skip the later-committing,
 * lower id. A transaction-scoped advisory lock serialises event-writing transactions from the point of
 * their first event to their commit, making id order equal commit order. SQLite has a single writer.
 */
export async function appendFeedEvent(db: Db, event: NewFeedEvent): Promise<void> {
  if (isPostgres(db)) {
    await sql`select pg_advisory_xact_lock(7231001)`.execute(db);
  }
  const metadata: Record<string, unknown> = { messageId: event.messageId, serviceId: event.serviceId };
  if (event.externalId) metadata.externalId = event.externalId;
  const eventTime = event.occurredAt.toISOString();
  await db
    .insertInto('events')
    .values({
      organisation_id: event.organisationId,
      message_id: event.messageId,
      service_id: event.serviceId,
      event_type: event.type,
      occurred_at: eventTime,
      payload: JSON.stringify({ type: event.type, eventTime, metadata }),
    })
    .execute();
}
