import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import { preparedStatement } from '../../db/prepared-query.js';
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
  /** 'Posti: …' events: Posti's tracking code of the letter. */
  postiTrackingCode?: string | undefined;
  /** 'Posti: receipt confirmed': the signature Posti recorded. */
  recipientSignature?: string | undefined;
}

type Db = Kysely<DatabaseSchema>;

/**
 * The metadata object of each v2 event type, exactly as the contract's GetV2Event variants define
 * it: messages from end users carry no externalId (the citizen has none), receipt confirmations say
 * who confirmed (added when read, see EventFeedService), and Posti events carry the tracking code (and the signature for receipts).
 */
async function metadataFor(db: Db, event: NewFeedEvent): Promise<Record<string, unknown>> {
  const metadata: Record<string, unknown> = { messageId: event.messageId, serviceId: event.serviceId };
  if (event.type === 'Electronic message from end user') return metadata;
  if (event.externalId) metadata.externalId = event.externalId;
  switch (event.type) {
    // 'Receipt confirmed' says who acknowledged: the person the organisation addressed, which the
    // message itself holds (sealed). The feed fills it in when read, so no identity code is stored here.
    case 'Posti: receipt confirmed':
      metadata.postiTrackingCode = event.postiTrackingCode ?? '';
      metadata.recipientSignature = event.recipientSignature ?? '';
      break;
    case 'Posti: returned to sender':
    case 'Posti: unresolved':
      metadata.postiTrackingCode = event.postiTrackingCode ?? '';
      break;
    default:
      break;
  }
  return metadata;
}

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
  const metadata = await metadataFor(db, event);
  const eventTime = event.occurredAt.toISOString();
  await insertEventStatement(
    db,
    event.organisationId,
    event.messageId,
    event.serviceId,
    event.type,
    eventTime,
    JSON.stringify({ type: event.type, eventTime, metadata }),
  );
}

// Every send and every first opening appends one: compiled once (see preparedStatement).
const insertEventStatement = preparedStatement(
  6,
  (
    db,
    organisationId: number,
    messageId: number,
    serviceId: string,
    type: NewFeedEvent['type'],
    occurredAt: string,
    payload: string,
  ) =>
    db.insertInto('events').values({
      organisation_id: organisationId,
      message_id: messageId,
      service_id: serviceId,
      event_type: type,
      occurred_at: occurredAt,
      payload,
    }),
);
