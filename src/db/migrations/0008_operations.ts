import type { Kysely } from 'kysely';

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
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('first_used_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('counter_key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_window')
    .on('rate_limit_counters')
    .columns(['window_ends_at'])
    .execute();

  await db.schema
    .createTable('test_idp_records')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('user_code', 'text')
    .addColumn('uid', 'text')
    .addColumn('expires_at', 'bigint')
    .addPrimaryKeyConstraint('test_idp_records_pk', ['model', 'record_id'])
    .execute();
  await db.schema.createIndex('test_idp_records_uid').on('test_idp_records').columns(['uid']).execute();
  await db.schema
    .createIndex('test_idp_records_grant')
    .on('test_idp_records')
    .columns(['grant_id'])
    .execute();
  await db.schema
    .createIndex('test_idp_records_expiry')
    .on('test_idp_records')
    .columns(['expires_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('test_idp_records').execute();
  await db.schema.dropTable('rate_limit_counters').execute();
  await db.schema.dropTable('key_fingerprints').execute();
}
