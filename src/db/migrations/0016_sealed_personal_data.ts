import { sql, type Kysely } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import { lookupHash, personalDataContext as personal } from '../../crypto/personal-data.js';
import { isPostgres } from '../dialect.js';
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
 * reply address given with feedback; staff members' identity codes (lookup hash and sealed) and names;
 * the recipient an organisation addressed a message to (identity code or business ID). The clear columns go: a contract migration (`requires` itself), as
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
      await db.schema.alterTable('messages').addColumn('recipient_id_enc', binary(db)).execute();
      for (const column of ['identity_code_enc', 'first_names_enc', 'last_name_enc']) {
        await db.schema.alterTable('staff_members').addColumn(column, binary(db)).execute();
      }
      // SQLite keeps freed cells and old page images: zero what the sealing frees (secure_delete) and
      // empty the write-ahead log afterwards, so the clear values do not linger in the file.
      if (!isPostgres(db)) await sql`pragma secure_delete = on`.execute(db);
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
      await db.schema.alterTable('messages').renameColumn('recipient_id', 'recipient_lookup').execute();
      await forgetReceiptConfirmers(db);
      if (!isPostgres(db)) {
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
        // Back to the default for whatever this connection does next (serve --demo migrates on it).
        await sql`pragma secure_delete = off`.execute(db);
      }
      await db.schema.alterTable('staff_members').renameColumn('identity_code', 'identity_lookup').execute();
      await db.schema.alterTable('staff_members').dropColumn('first_names').execute();
      await db.schema.alterTable('staff_members').dropColumn('last_name').execute();
    },
  };
}

async function countClearRows(db: AnyDb): Promise<number> {
  let count = 0;
  const tables = sealings.map((sealing) => sealing.table);
  for (const table of tables) {
    const row = (await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()) as { n: number | string };
    count += Number(row.n);
  }
  return count;
}

/**
 * What one table's rows become: the identity code (or recipient) column's value is replaced by its
 * lookup hash and kept sealed in `sealedAs`; each `sealed` column is copied sealed into its `_enc`
 * column (the clear columns are dropped or renamed afterwards).
 */
interface Sealing {
  table: string;
  key: string;
  hashed?: { column: string; sealedAs: string; context: string };
  sealed?: Array<{ column: string; context: string }>;
}

const sealings: Sealing[] = [
  {
    table: 'accounts',
    key: 'id',
    hashed: { column: 'identity_code', sealedAs: 'identity_code_enc', context: personal.accountIdentityCode },
    sealed: [
      { column: 'email', context: personal.accountEmail },
      { column: 'mobile', context: personal.accountMobile },
    ],
  },
  {
    table: 'web_sessions',
    key: 'id_hash',
    hashed: { column: 'identity_code', sealedAs: 'identity_code_enc', context: personal.sessionIdentityCode },
  },
  {
    table: 'delivery_consents',
    key: 'id',
    hashed: { column: 'identity_code', sealedAs: 'identity_code_enc', context: personal.consentIdentityCode },
    sealed: [{ column: 'recorded_by_name', context: personal.consentRecordedByName }],
  },
  { table: 'feedback', key: 'id', sealed: [{ column: 'reply_email', context: personal.feedbackReplyEmail }] },
  {
    table: 'staff_members',
    key: 'id',
    hashed: { column: 'identity_code', sealedAs: 'identity_code_enc', context: personal.staffIdentityCode },
    sealed: [
      { column: 'first_names', context: personal.staffFirstNames },
      { column: 'last_name', context: personal.staffLastName },
    ],
  },
  {
    table: 'messages',
    key: 'id',
    hashed: { column: 'recipient_id', sealedAs: 'recipient_id_enc', context: personal.messageRecipientId },
  },
];

async function sealRows(db: AnyDb, envelope: Envelope): Promise<void> {
  const key = await new LookupKeyRepository(db).loadOrCreate(envelope, new Date().toISOString());
  for (const sealing of sealings) {
    const clear = [
      ...(sealing.hashed ? [sealing.hashed.column] : []),
      ...(sealing.sealed ?? []).map((c) => c.column),
    ];
    // Keyset paging in key order: every row is read once, whatever its key's type.
    for (let after: string | number | undefined; ;) {
      let query = db.selectFrom(sealing.table).select([sealing.key, ...clear]);
      if (after !== undefined) query = query.where(sealing.key, '>', after);
      const rows = (await query.orderBy(sealing.key).limit(page).execute()) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const set: Record<string, unknown> = {};
        const hashed = sealing.hashed && (row[sealing.hashed.column] as string | null);
        if (sealing.hashed && typeof hashed === 'string') {
          set[sealing.hashed.column] = lookupHash(key, hashed);
          set[sealing.hashed.sealedAs] = envelope.encrypt(hashed, sealing.hashed.context);
        }
        for (const { column, context } of sealing.sealed ?? []) {
          const value = row[column] as string | null;
          set[`${column}_enc`] = value === null ? null : envelope.encrypt(value, context);
        }
        if (Object.keys(set).length === 0) continue;
        await db.updateTable(sealing.table).set(set).where(sealing.key, '=', row[sealing.key]).execute();
      }
      if (rows.length < page) break;
      after = rows[rows.length - 1]![sealing.key] as string | number;
    }
  }
}

/**
 * A 'Receipt confirmed' feed event named who confirmed (an identity code) in its stored payload; the
 * feed now adds it from the message's sealed recipient when read, so the stored copy goes.
 */
async function forgetReceiptConfirmers(db: AnyDb): Promise<void> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'payload'])
    .where('event_type', '=', 'Receipt confirmed')
    .execute();
  for (const row of rows as Array<{ id: number; payload: string }>) {
    const event = JSON.parse(row.payload) as { metadata?: Record<string, unknown> };
    if (event.metadata && 'receiptConfirmedBy' in event.metadata) {
      delete event.metadata.receiptConfirmedBy;
      await db
        .updateTable('events')
        .set({ payload: JSON.stringify(event) })
        .where('id', '=', row.id)
        .execute();
    }
  }
}
