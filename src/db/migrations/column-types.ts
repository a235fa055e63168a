import { sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder } from 'kysely';
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
