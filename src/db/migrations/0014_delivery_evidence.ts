import type { Kysely } from 'kysely';
import { bigint, serialId, serialIdOptions } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Signed delivery evidence (docs/evidence.md): one row per evidence record, a compact JWS, chained per
 * message. Expand-only: one new table, so the previous release keeps running beside this one.
 *
 * - (message_id, sequence) is unique: two writers that both read the same last record cannot both
 *   append after it, so a message's chain never forks (the writer also locks the message row on
 *   PostgreSQL, so the second one waits instead of failing).
 * - message_id has no foreign key: evidence outlives nothing it describes, but a purge of messages
 *   must not be blocked by it, and the record itself names the message.
 * - event is kept beside the record so the worker finds messages without a DeemedReceived record;
 *   it looks for them by messages.deemed_received_on, which gets an index here.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('delivery_evidence')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('message_id', bigint(db), (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delivery_evidence_chain')
    .on('delivery_evidence')
    .columns(['message_id', 'sequence'])
    .unique()
    .execute();
  await db.schema
    .createIndex('delivery_evidence_event')
    .on('delivery_evidence')
    .columns(['event', 'message_id'])
    .execute();
  await db.schema
    .createIndex('messages_deemed_received_on')
    .on('messages')
    .column('deemed_received_on')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('messages_deemed_received_on').execute();
  await db.schema.dropTable('delivery_evidence').execute();
}
