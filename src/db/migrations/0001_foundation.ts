import type { Kysely } from 'kysely';
import { createIndex, idColumn, optionalText, requiredText } from './column-types.js';

// Kysely hands migrations an untyped database: the typed schema describes the latest state only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('system_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .$call(requiredText('value', 'updated_at'))
    .execute();

  // Who accessed what. Later the rows get chained by hash (prev_hash/hash are reserved for that).
  await db.schema
    .createTable('audit_events')
    .$call(idColumn(db))
    .$call(requiredText('occurred_at', 'actor_type'))
    .$call(optionalText('actor_id'))
    .$call(requiredText('action'))
    .$call(optionalText('subject_type', 'subject_id', 'request_id', 'details', 'prev_hash', 'hash'))
    .execute();
  await createIndex(db, 'audit_events_subject', 'audit_events', ['subject_type', 'subject_id']);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('system_state').execute();
}
