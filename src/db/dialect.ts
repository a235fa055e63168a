import { PostgresAdapter, type Kysely } from 'kysely';

/** For the few statements that differ between SQLite and PostgreSQL (DDL, locking). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
