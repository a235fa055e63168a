import type { Kysely } from 'kysely';
import { bigint } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The citizen's access log ("Kuka on katsonut tietojani"): which audit entries concern which
 * account. An entry can concern many people (an organisation's mailbox check of thousands of
 * identity codes), so the link is a table of its own, read newest first per account. Expand-only.
 *
 * The rows go with their audit entry (on delete cascade), so the retention purge needs no step of
 * its own. The same account ids are in the entry's details, which the audit chain covers: this table
 * is the lookup, not the record.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('audit_event_accounts')
    .addColumn('account_id', bigint(db), (c) => c.notNull())
    .addColumn('audit_event_id', bigint(db), (c) =>
      c.notNull().references('audit_events.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('audit_event_accounts_pk', ['account_id', 'audit_event_id'])
    .execute();
  await db.schema
    .createIndex('audit_event_accounts_event')
    .on('audit_event_accounts')
    .column('audit_event_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('audit_event_accounts').execute();
}
