import type { Kysely } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import { lookupHash, personalDataContext } from '../../crypto/personal-data.js';
import { LookupKeyRepository } from '../lookup-key-repository.js';
import { binary } from './column-types.js';
import type { VersionedMigration } from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const page = 500;

/**
 * Personal data sealed at rest (docs/keys.md): accounts' identity codes become a lookup hash plus a
 * sealed value, their e-mail addresses and phone numbers sealed values; the same for the identity
 * code of a signed-in web session and of a consent (and the name of who recorded it), and the
 * reply address given with feedback; staff members' identity codes (lookup hash and sealed) and names. The clear columns go: a contract migration (`requires` itself), as
 * an older version would look accounts up by the clear code.
 *
 * Sealing needs the master key ring, which `asiointitili migrate` has: the migration is built with
 * the envelope (`migrationsWith`). Without one it can still run where there is nothing to seal (a
 * new database), and refuses otherwise, before changing anything.
 *
 * The identity code columns are renamed rather than replaced, keeping their unique constraint and
 * index (SQLite cannot drop a unique column); they hold the lookup hash once their rows are sealed.
 */
export function sealedPersonalData(envelope: Envelope | undefined): VersionedMigration {
  return {
    requires: '0016_sealed_personal_data',
    up: async (db: AnyDb) => {
      const clearRows = await countClearRows(db);
      if (clearRows > 0 && envelope === undefined) {
        throw new Error('personal data must be sealed: run "asiointitili migrate" with the master key');
      }
      await db.schema
        .createTable('lookup_keys')
        .addColumn('purpose', 'text', (c) => c.primaryKey())
        .addColumn('key_enc', binary(db), (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      for (const column of ['identity_code_enc', 'email_enc', 'mobile_enc']) {
        await db.schema.alterTable('accounts').addColumn(column, binary(db)).execute();
      }
      await db.schema.alterTable('web_sessions').addColumn('identity_code_enc', binary(db)).execute();
      for (const column of ['identity_code_enc', 'recorded_by_name_enc']) {
        await db.schema.alterTable('delivery_consents').addColumn(column, binary(db)).execute();
      }
      await db.schema.alterTable('feedback').addColumn('reply_email_enc', binary(db)).execute();
      for (const column of ['identity_code_enc', 'first_names_enc', 'last_name_enc']) {
        await db.schema.alterTable('staff_members').addColumn(column, binary(db)).execute();
      }
      if (clearRows > 0 && envelope !== undefined) await sealRows(db, envelope);
      await db.schema.alterTable('accounts').renameColumn('identity_code', 'identity_lookup').execute();
      await db.schema.alterTable('accounts').dropColumn('email').execute();
      await db.schema.alterTable('accounts').dropColumn('mobile').execute();
      await db.schema.alterTable('web_sessions').renameColumn('identity_code', 'identity_lookup').execute();
      await db.schema
        .alterTable('delivery_consents')
        .renameColumn('identity_code', 'identity_lookup')
        .execute();
      await db.schema.alterTable('delivery_consents').dropColumn('recorded_by_name').execute();
      await db.schema.alterTable('feedback').dropColumn('reply_email').execute();
      await db.schema.alterTable('staff_members').renameColumn('identity_code', 'identity_lookup').execute();
      await db.schema.alterTable('staff_members').dropColumn('first_names').execute();
      await db.schema.alterTable('staff_members').dropColumn('last_name').execute();
    },
  };
}

async function countClearRows(db: AnyDb): Promise<number> {
  let count = 0;
  for (const table of ['accounts', 'web_sessions', 'delivery_consents', 'feedback', 'staff_members']) {
    const row = (await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()) as { n: number | string };
    count += Number(row.n);
  }
  return count;
}

/** Every row of a table with a numeric id, a page at a time in id order. */
async function eachRow<Row extends { id: number }>(
  db: AnyDb,
  table: string,
  columns: string[],
  visit: (row: Row) => Promise<void>,
): Promise<void> {
  for (let after = 0; ;) {
    const rows = (await db
      .selectFrom(table)
      .select(['id', ...columns])
      .where('id', '>', after)
      .orderBy('id')
      .limit(page)
      .execute()) as Row[];
    for (const row of rows) await visit(row);
    if (rows.length < page) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

async function sealRows(db: AnyDb, envelope: Envelope): Promise<void> {
  const key = await new LookupKeyRepository(db).loadOrCreate(envelope, new Date().toISOString());
  const seal = (value: string | null, context: string) =>
    value === null ? null : envelope.encrypt(value, context);

  type Account = { id: number; identity_code: string; email: string | null; mobile: string | null };
  await eachRow<Account>(db, 'accounts', ['identity_code', 'email', 'mobile'], async (row) => {
    await db
      .updateTable('accounts')
      .set({
        identity_code: lookupHash(key, row.identity_code),
        identity_code_enc: envelope.encrypt(row.identity_code, personalDataContext.accountIdentityCode),
        email_enc: seal(row.email, personalDataContext.accountEmail),
        mobile_enc: seal(row.mobile, personalDataContext.accountMobile),
      })
      .where('id', '=', row.id)
      .execute();
  });

  type Consent = { id: number; identity_code: string; recorded_by_name: string | null };
  await eachRow<Consent>(db, 'delivery_consents', ['identity_code', 'recorded_by_name'], async (row) => {
    await db
      .updateTable('delivery_consents')
      .set({
        identity_code: lookupHash(key, row.identity_code),
        identity_code_enc: envelope.encrypt(row.identity_code, personalDataContext.consentIdentityCode),
        recorded_by_name_enc: seal(row.recorded_by_name, personalDataContext.consentRecordedByName),
      })
      .where('id', '=', row.id)
      .execute();
  });

  type Feedback = { id: number; reply_email: string | null };
  await eachRow<Feedback>(db, 'feedback', ['reply_email'], async (row) => {
    await db
      .updateTable('feedback')
      .set({ reply_email_enc: seal(row.reply_email, personalDataContext.feedbackReplyEmail) })
      .where('id', '=', row.id)
      .execute();
  });

  type Member = { id: number; identity_code: string; first_names: string; last_name: string };
  await eachRow<Member>(db, 'staff_members', ['identity_code', 'first_names', 'last_name'], async (row) => {
    await db
      .updateTable('staff_members')
      .set({
        identity_code: lookupHash(key, row.identity_code),
        identity_code_enc: envelope.encrypt(row.identity_code, personalDataContext.staffIdentityCode),
        first_names_enc: envelope.encrypt(row.first_names, personalDataContext.staffFirstNames),
        last_name_enc: envelope.encrypt(row.last_name, personalDataContext.staffLastName),
      })
      .where('id', '=', row.id)
      .execute();
  });

  // Sessions live for hours at most: one read is enough.
  const sessions = (await db
    .selectFrom('web_sessions')
    .select(['id_hash', 'identity_code'])
    .where('identity_code', 'is not', null)
    .execute()) as Array<{ id_hash: string; identity_code: string }>;
  for (const row of sessions) {
    await db
      .updateTable('web_sessions')
      .set({
        identity_code: lookupHash(key, row.identity_code),
        identity_code_enc: envelope.encrypt(row.identity_code, personalDataContext.sessionIdentityCode),
      })
      .where('id_hash', '=', row.id_hash)
      .execute();
  }
}
