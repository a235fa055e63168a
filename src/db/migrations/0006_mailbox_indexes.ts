import type { Kysely } from 'kysely';
import { createIndex } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The purge of deleted messages (60 days after deletion) looks rows up by deletion time. */
export async function up(db: AnyDb): Promise<void> {
  await createIndex(db, 'messages_deleted_at', 'messages', ['deleted_at']);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('messages_deleted_at').execute();
}
