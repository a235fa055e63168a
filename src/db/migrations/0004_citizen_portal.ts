import type { Kysely } from 'kysely';
import { createIndex } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The citizen portal uses the core tables (accounts, web_sessions, messages). It adds the indexes
 * its queries need: expired sessions are swept by expiry time, and a person's sessions are found by
 * identity code.
 */
export async function up(db: AnyDb): Promise<void> {
  await createIndex(db, 'web_sessions_expiry', 'web_sessions', ['absolute_expires_at']);
  await createIndex(db, 'web_sessions_identity', 'web_sessions', ['identity_code']);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('web_sessions_identity').execute();
  await db.schema.dropIndex('web_sessions_expiry').execute();
}
