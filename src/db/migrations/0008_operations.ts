import type { Kysely } from 'kysely';
import { createIndex, optionalText, requiredText } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Operations: a fingerprint of every master key that has written to this database (so a process
 * started with a wrong key refuses to start instead of writing unreadable rows), request counters
 * shared by all web processes (per-address rate limits), and the bundled test identification
 * service's state (so a login works through several web processes). Additive only.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('key_fingerprints')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .$call(requiredText('fingerprint', 'first_used_at'))
    .execute();

  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('counter_key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute();
  await createIndex(db, 'rate_limit_counters_window', 'rate_limit_counters', ['window_ends_at']);

  await db.schema
    .createTable('test_idp_records')
    .$call(requiredText('model', 'record_id', 'payload'))
    .$call(optionalText('grant_id', 'user_code', 'uid'))
    .addColumn('expires_at', 'bigint')
    .addPrimaryKeyConstraint('test_idp_records_pk', ['model', 'record_id'])
    .execute();
  await createIndex(db, 'test_idp_records_uid', 'test_idp_records', ['uid']);
  await createIndex(db, 'test_idp_records_grant', 'test_idp_records', ['grant_id']);
  await createIndex(db, 'test_idp_records_expiry', 'test_idp_records', ['expires_at']);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('test_idp_records').execute();
  await db.schema.dropTable('rate_limit_counters').execute();
  await db.schema.dropTable('key_fingerprints').execute();
}
