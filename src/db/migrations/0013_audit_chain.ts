import { sql, type Kysely } from 'kysely';
import { bigint, serialId, serialIdOptions } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The audit trail's hash chain (docs/audit.md). Expand-only: one new nullable column and two new
 * tables, so the release before this one keeps running (its rows stay unchained; see the docs).
 *
 * - audit_events.seq: the entry's place in the one total order, 1, 2, 3, …; null on rows written
 *   before the chain began. Unique, so two writers can never both take a number.
 * - audit_chain_head: one row (id 1) holding the last sequence number and hash. A writer updates it
 *   first in its transaction, so on PostgreSQL the row lock serialises audit writers until commit.
 * - audit_checkpoints: signed statements "entry `seq` has hash `hash`; entries up to
 *   `purged_through` were purged by retention", made by the worker with the audit signing key.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('seq', bigint(db)).execute();
  await db.schema.createIndex('audit_events_seq').on('audit_events').column('seq').unique().execute();
  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', bigint(db), (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_chain_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('seq', bigint(db), (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('purged_through', bigint(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_checkpoints_seq').on('audit_checkpoints').column('seq').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.dropTable('audit_chain_head').execute();
  await db.schema.dropIndex('audit_events_seq').execute();
  await db.schema.alterTable('audit_events').dropColumn('seq').execute();
}
