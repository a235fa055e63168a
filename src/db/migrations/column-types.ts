import {
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type RawBuilder,
} from 'kysely';
import { isPostgres } from '../dialect.js';

export { isPostgres };

/**
 * The few places where SQLite and PostgreSQL need different DDL. Values are portable by design:
 * timestamps are ISO-8601 UTC strings (fixed width, so they sort correctly as text), booleans are
 * 0/1 integers, and binary data is bytea/blob (both map to Buffer).
 */
/** Auto-incrementing 64-bit primary key. */
export function serialId(db: Kysely<unknown>): RawBuilder<unknown> {
  return isPostgres(db) ? sql`bigserial` : sql`integer`;
}

export function serialIdOptions(db: Kysely<unknown>) {
  return (column: ColumnDefinitionBuilder) =>
    isPostgres(db) ? column.primaryKey() : column.primaryKey().autoIncrement();
}

export function binary(db: Kysely<unknown>): RawBuilder<unknown> {
  return isPostgres(db) ? sql`bytea` : sql`blob`;
}

/** 64-bit integer for foreign keys to serial ids. */
export function bigint(db: Kysely<unknown>): RawBuilder<unknown> {
  return isPostgres(db) ? sql`bigint` : sql`integer`;
}

/*
 * Shorthands for the columns and indexes most tables have, for `createTable(…).$call(…)`. Each adds
 * exactly what the spelled-out builder calls would: the DDL of a migration must never change.
 */
type TableBuilder = CreateTableBuilder<string, string>;

/** The table's auto-incrementing primary key `id`. */
export function idColumn(db: Kysely<unknown>) {
  return (table: TableBuilder) => table.addColumn('id', serialId(db), serialIdOptions(db));
}

/** Text columns that are never null, in the order given. */
export function requiredText(...names: string[]) {
  return (table: TableBuilder) =>
    names.reduce((builder, name) => builder.addColumn(name, 'text', (c) => c.notNull()), table);
}

/** Text columns that may be null, in the order given. */
export function optionalText(...names: string[]) {
  return (table: TableBuilder) => names.reduce((builder, name) => builder.addColumn(name, 'text'), table);
}

/** An index over the columns of a table; `unique` makes it a unique index. */
export async function createIndex(
  db: Kysely<unknown>,
  name: string,
  table: string,
  columns: string[],
  options: { unique?: boolean } = {},
): Promise<void> {
  const index = db.schema.createIndex(name).on(table).columns(columns);
  await (options.unique ? index.unique() : index).execute();
}
