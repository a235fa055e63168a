import { sql, type Kysely } from 'kysely';
import { bigint, createIndex, idColumn, optionalText, requiredText } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The consent register: a person's consent, received by an organisation on paper, by phone or in
 * person, to get that organisation's documents and messages in the account (the paper form of the
 * seed's Kallio leaflet). Expand-only: one new table, so the previous release keeps running.
 *
 * - identity_code is in clear text, as in accounts: the mailbox check looks consents up by it.
 * - recorded_by_staff_id has no foreign key: the staff table comes from migration 0011, which may be
 *   applied in either order with this one; the name is kept beside it as it was when recorded.
 * - A withdrawn consent stays (withdrawn_at, withdrawn_by), so the organisation sees the withdrawal.
 * - At most one consent in force per organisation and person: a partial unique index, which also
 *   serves the mailbox check's lookup (organisation, identity codes) and makes recording idempotent.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('delivery_consents')
    .$call(idColumn(db))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .$call(requiredText('identity_code'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('paper', 'phone', 'in_person')`))
    .$call(requiredText('given_on', 'recorded_at'))
    .addColumn('recorded_by_staff_id', bigint(db))
    .$call(optionalText('recorded_by_name', 'withdrawn_at'))
    .addColumn('withdrawn_by', 'text', (c) => c.check(sql`withdrawn_by in ('citizen', 'organisation')`))
    .execute();
  await db.schema
    .createIndex('delivery_consents_in_force')
    .on('delivery_consents')
    .columns(['organisation_id', 'identity_code'])
    .unique()
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute();
  await createIndex(db, 'delivery_consents_organisation', 'delivery_consents', [
    'organisation_id',
    'identity_code',
  ]);
  await createIndex(db, 'delivery_consents_person', 'delivery_consents', ['identity_code']);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('delivery_consents').execute();
}
