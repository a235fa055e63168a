import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { keyPartMaxBytes } from '../../crypto/envelope.js';
import { isPostgres } from '../../db/dialect.js';
import type { DatabaseSchema } from '../../db/schema.js';
import type { SealedColumn, SealedInText } from './encrypted-values.js';

type Db = Kysely<DatabaseSchema>;
type Trx = Transaction<DatabaseSchema>;

/** A value's key id as SQL: byte 1 of the blob is the id's length, the id follows (envelope.ts). */
function keyIdOf(db: Db, column: string): RawBuilder<string> {
  const value = sql.ref(column);
  return isPostgres(db)
    ? sql<string>`encode(substr(${value}, 3, get_byte(${value}, 1)), 'escape')`
    : // unicode() reads the length byte as a character: ids are at most 32 long, so it is one byte.
      sql<string>`cast(substr(${value}, 3, unicode(substr(${value}, 2, 1))) as text)`;
}

/**
 * Only values at least two bytes long have a key id to read; a purged message's title and body are
 * empty, and a cleared letter is null.
 */
const sealed = (column: string) => sql`${sql.ref(column)} is not null and length(${sql.ref(column)}) >= 2`;

/** The next `limit` rows of the place's table after key `after`, in key order, with their key. */
async function nextRows<Row>(
  db: Db,
  place: { table: string; key: string },
  after: string | undefined,
  limit: number,
  query: { columns: RawBuilder<unknown>; where: RawBuilder<unknown> },
): Promise<Array<Row & { key: string | number }>> {
  const key = sql.ref(place.key);
  const { rows } = await sql<Row & { key: string | number }>`
    select ${key} as key, ${query.columns}
    from ${sql.table(place.table)}
    where ${query.where} ${after === undefined ? sql`` : sql`and ${key} > ${after}`}
    order by ${key}
    limit ${limit}`.execute(db);
  return rows;
}

/**
 * Which master key protects each stored value, and the in-place rewrap of values under older keys.
 * Sealed binary columns are read and rewritten by their first bytes only (the key part): a large
 * attachment's payload never leaves the database.
 */
export class KeyUsageRepository {
  constructor(private readonly db: Db) {}

  transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** How many values of the column each key id protects. */
  async countByKeyId(place: SealedColumn): Promise<Map<string, number>> {
    const { rows } = await sql<{ key_id: string; value_count: number | string }>`
      select ${keyIdOf(this.db, place.column)} as key_id, count(*) as value_count
      from ${sql.table(place.table)}
      where ${sealed(place.column)}
      group by 1`.execute(this.db);
    return new Map(rows.map((row) => [row.key_id, Number(row.value_count)]));
  }

  /**
   * The next `limit` values not under `keyId`, after key `after` in key order: their key part (a
   * prefix long enough for Envelope.rewrapPrefix) and the row's key as text.
   */
  async keyPartsNotUnder(
    trx: Trx,
    place: SealedColumn,
    keyId: string,
    after: string | undefined,
    limit: number,
  ): Promise<Array<{ key: string; prefix: Buffer }>> {
    const value = sql.ref(place.column);
    const rows = await nextRows<{ prefix: Buffer }>(trx, place, after, limit, {
      columns: sql`substr(${value}, 1, ${sql.lit(keyPartMaxBytes)}) as prefix`,
      where: sql`${sealed(place.column)} and ${keyIdOf(trx, place.column)} <> ${keyId}`,
    });
    return rows.map((row) => ({ key: String(row.key), prefix: row.prefix }));
  }

  /**
   * Replaces the first `oldPart.length` bytes of the value by `newPart`, only if they still are
   * `oldPart`: a value changed meanwhile (purged, rewritten by a running process) is left alone.
   * Returns whether the row was changed.
   */
  async replaceKeyPart(
    trx: Trx,
    place: SealedColumn,
    key: string,
    oldPart: Buffer,
    newPart: Buffer,
  ): Promise<boolean> {
    const value = sql.ref(place.column);
    const rest = sql`substr(${value}, ${oldPart.length + 1})`;
    // SQLite's || makes text of blobs byte for byte (the database is UTF-8, nothing is converted);
    // the cast makes it a blob again.
    const spliced = isPostgres(trx)
      ? sql`cast(${newPart} as bytea) || ${rest}`
      : sql`cast(${newPart} || ${rest} as blob)`;
    const result = await sql`
      update ${sql.table(place.table)} set ${value} = ${spliced}
      where ${sql.ref(place.key)} = ${key} and substr(${value}, 1, ${oldPart.length}) = ${oldPart}`.execute(
      trx,
    );
    return Number(result.numAffectedRows ?? 0) > 0;
  }

  /** The next `limit` rows of a text column that may hold a sealed value, after key `after`. */
  async texts(
    place: SealedInText,
    after: string | undefined,
    limit: number,
    db: Db = this.db,
  ): Promise<Array<{ key: string; text: string }>> {
    const rows = await nextRows<{ text: string }>(db, place, after, limit, {
      columns: sql`${sql.ref(place.column)} as text`,
      where: place.only ? sql`${sql.ref(place.only.column)} = ${place.only.value}` : sql`true`,
    });
    return rows.map((row) => ({ key: String(row.key), text: row.text }));
  }

  /** Replaces the text only if it is still `oldText`; returns whether it did. */
  async replaceText(
    trx: Trx,
    place: SealedInText,
    key: string,
    oldText: string,
    newText: string,
  ): Promise<boolean> {
    const value = sql.ref(place.column);
    const result = await sql`
      update ${sql.table(place.table)} set ${value} = ${newText}
      where ${sql.ref(place.key)} = ${key} and ${value} = ${oldText}
        ${place.only ? sql`and ${sql.ref(place.only.column)} = ${place.only.value}` : sql``}`.execute(trx);
    return Number(result.numAffectedRows ?? 0) > 0;
  }
}
