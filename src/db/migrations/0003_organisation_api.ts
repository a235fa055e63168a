import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Indexes for the organisation API's lookups and purges. The tables themselves are core (0002):
 * other modules write messages, attachments and feed events too.
 */
export async function up(db: AnyDb): Promise<void> {
  // GET /v1/messages/id?externalId= looks up by organisation, not by service.
  await db.schema
    .createIndex('messages_organisation_external_id')
    .on('messages')
    .columns(['organisation_id', 'external_id'])
    .execute();
  // Message state reads the delivery events of one message.
  await db.schema.createIndex('events_message').on('events').columns(['message_id', 'id']).execute();
  // The 60-day retention purge of the feed.
  await db.schema.createIndex('events_occurred_at').on('events').columns(['occurred_at']).execute();
  // Revoking credentials and changing passwords drop the credential's tokens.
  await db.schema.createIndex('api_tokens_credential').on('api_tokens').columns(['credential_id']).execute();
  await db.schema.createIndex('api_tokens_expires_at').on('api_tokens').columns(['expires_at']).execute();
  // The 24-hour purge of uploads never used in a message.
  await db.schema
    .createIndex('attachments_unused')
    .on('attachments')
    .columns(['message_id', 'created_at'])
    .execute();
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
