import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The purge of deleted messages (60 days after deletion) looks rows up by deletion time. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('messages_deleted_at').on('messages').columns(['deleted_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('messages_deleted_at').execute();
}
