import type { Kysely } from 'kysely';

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
  await db.schema
    .createIndex('outbox_jobs_finished')
    .on('outbox_jobs')
    .columns(['state', 'finished_at'])
    .execute();
  await db.schema.createIndex('audit_events_occurred').on('audit_events').columns(['occurred_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_events_occurred').execute();
  await db.schema.dropIndex('outbox_jobs_finished').execute();
  await db.schema.alterTable('organisations').dropColumn('deactivated_at').execute();
}
