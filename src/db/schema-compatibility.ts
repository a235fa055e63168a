import { sql } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';

/** The schema cannot be used by this version; the message says what to do, in one line. */
export class SchemaMismatchError extends Error {
  override name = 'SchemaMismatchError';
}

/** The key in system_state under which `migrate` records the oldest migration a process must know. */
export const requiredMigrationKey = 'schema.requires';

export interface SchemaStatus {
  /** Migrations this version knows that have not run. */
  pending: string[];
  /** Migrations that have run but this version does not know (a newer release migrated). */
  unknown: string[];
  /** The oldest migration a process must know, if a contract migration has run. */
  requires: string | undefined;
}

/** Whether the table exists where this connection's queries find it (PostgreSQL: the search_path). */
export async function tableExists(database: Database, name: string): Promise<boolean> {
  if (database.dialect === 'postgres') {
    const result = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(
      database.db,
    );
    return result.rows[0]?.found != null;
  }
  const result = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name = ${name}`.execute(database.db);
  return result.rows.length > 0;
}

export async function schemaStatus(database: Database): Promise<SchemaStatus> {
  const known = Object.keys(migrations);
  let applied: string[] = [];
  if (await tableExists(database, 'kysely_migration')) {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(database.db);
    applied = rows.rows.map((row) => row.name);
  }
  let requires: string | undefined;
  if (applied.length > 0 && (await tableExists(database, 'system_state'))) {
    const row = await database.db
      .selectFrom('system_state')
      .select('value')
      .where('key', '=', requiredMigrationKey)
      .executeTakeFirst();
    requires = row?.value;
  }
  return {
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
    requires,
  };
}

/**
 * Refuses to run against a schema this version cannot work with: older than the code (run
 * `migrate`), or contracted by a newer release past what this version knows. A schema a newer
 * release only expanded is fine (see docs/upgrades.md).
 */
export async function assertSchemaUsable(database: Database): Promise<void> {
  const status = await schemaStatus(database);
  if (status.pending.length > 0) {
    throw new SchemaMismatchError(
      `the database schema is older than this version: run "asiointitili migrate" first (pending: ${status.pending.join(', ')})`,
    );
  }
  if (status.requires !== undefined && !(status.requires in migrations)) {
    throw new SchemaMismatchError(
      `this database was changed by a newer asiointitili; it needs a version that has migration ${status.requires}`,
    );
  }
}
