import { sql, type Kysely } from 'kysely';
import { bigint, createIndex, idColumn, optionalText, requiredText } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The organisation side's web users (issue 13). Expand-only (new tables, new nullable columns), so
 * the previous release keeps running against it.
 *
 * - staff_members: a person who may act for one or more organisations, by identity code (in clear
 *   text, as accounts.identity_code: it is how identification finds them). The names are a copy of
 *   the population register's, kept so operators can list staff without a register lookup and
 *   refreshed at each sign-in. removed_at: every role was revoked (the row stays for the audit trail).
 * - staff_roles: one row per role in one organisation; a case worker's row names one service, or
 *   none for all services of the organisation (an admin's row never names one). Unique over
 *   (member, organisation, role, service) with a missing service counted as one value: both engines
 *   treat NULLs in a unique index as distinct, so the index is on coalesce(service_pk, 0).
 * - staff_sessions: signed-in staff, apart from the citizens' web_sessions so that neither kind of
 *   cookie can ever be looked up as the other. organisation_id is the organisation the person acts
 *   for, null until chosen.
 * - messages.handled_at / handled_by_staff_id: a citizen's message marked handled by staff.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('staff_members')
    .$call(idColumn(db))
    .addColumn('identity_code', 'text', (c) => c.notNull().unique())
    .$call(requiredText('first_names', 'last_name', 'created_at'))
    .$call(optionalText('removed_at'))
    .execute();

  await db.schema
    .createTable('staff_roles')
    .$call(idColumn(db))
    .addColumn('staff_member_id', bigint(db), (c) => c.notNull().references('staff_members.id'))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .$call(requiredText('role'))
    .addColumn('service_pk', bigint(db), (c) => c.references('services.id'))
    .$call(requiredText('created_at'))
    .execute();
  await sql`create unique index staff_roles_unique on staff_roles (staff_member_id, organisation_id, role, coalesce(service_pk, 0))`.execute(
    db,
  );
  await createIndex(db, 'staff_roles_organisation', 'staff_roles', ['organisation_id']);

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_member_id', bigint(db), (c) => c.notNull().references('staff_members.id'))
    .addColumn('organisation_id', bigint(db), (c) => c.references('organisations.id'))
    .$call(requiredText('csrf_token', 'data', 'created_at', 'last_seen_at', 'absolute_expires_at'))
    .execute();
  await createIndex(db, 'staff_sessions_expiry', 'staff_sessions', ['absolute_expires_at']);

  await db.schema.alterTable('messages').addColumn('handled_at', 'text').execute();
  await db.schema.alterTable('messages').addColumn('handled_by_staff_id', bigint(db)).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('handled_by_staff_id').execute();
  await db.schema.alterTable('messages').dropColumn('handled_at').execute();
  await db.schema.dropTable('staff_sessions').execute();
  await db.schema.dropTable('staff_roles').execute();
  await db.schema.dropTable('staff_members').execute();
}
