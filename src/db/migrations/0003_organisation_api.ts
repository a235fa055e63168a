import type { Kysely } from 'kysely';
import { createIndex } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Indexes for the organisation API's lookups and purges. The tables themselves are core (0002):
 * other modules write messages, attachments and feed events too.
 */
export async function up(db: AnyDb): Promise<void> {
  // GET /v1/messages/id?externalId= looks up by organisation, not by service.
  await createIndex(db, 'messages_organisation_external_id', 'messages', ['organisation_id', 'external_id']);
  // Message state reads the delivery events of one message.
  await createIndex(db, 'events_message', 'events', ['message_id', 'id']);
  // The 60-day retention purge of the feed.
  await createIndex(db, 'events_occurred_at', 'events', ['occurred_at']);
  // Revoking credentials and changing passwords drop the credential's tokens.
  await createIndex(db, 'api_tokens_credential', 'api_tokens', ['credential_id']);
  await createIndex(db, 'api_tokens_expires_at', 'api_tokens', ['expires_at']);
  // The 24-hour purge of uploads never used in a message.
  await createIndex(db, 'attachments_unused', 'attachments', ['message_id', 'created_at']);
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of [
    'attachments_unused',
    'api_tokens_expires_at',
    'api_tokens_credential',
    'events_occurred_at',
    'events_message',
    'messages_organisation_external_id',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
}
