import type { Kysely } from 'kysely';
import { createIndex } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Retention and deactivation. Expand-only, so a release before this one keeps running against the
 * migrated schema while versions are rolled side by side: one new nullable column, two new indexes,
 * nothing dropped or renamed.
 *
 * - organisations.deactivated_at: an operator deactivated the organisation (its credentials stop
 *   working, its services stop taking messages); null while it is active. Older code ignores it.
 * - outbox_jobs (state, finished_at): the worker purges finished jobs by finishing time.
 * - audit_events (occurred_at): the worker purges audit rows past their retention period.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('deactivated_at', 'text').execute();
  await createIndex(db, 'outbox_jobs_finished', 'outbox_jobs', ['state', 'finished_at']);
  await createIndex(db, 'audit_events_occurred', 'audit_events', ['occurred_at']);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_events_occurred').execute();
  await db.schema.dropIndex('outbox_jobs_finished').execute();
  await db.schema.alterTable('organisations').dropColumn('deactivated_at').execute();
}
