import { Migrator, sql } from 'kysely';
import type { Database } from './database.js';
import type { Envelope } from '../crypto/envelope.js';
import { migrations, migrationsWith } from './migrations/index.js';
import { requiredMigrationKey } from './schema-compatibility.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface MigrationOutcome {
  applied: string[];
}

/**
 * Brings the schema up to date. Throws MigrationError naming the failed migration and its cause.
 * `envelope` seals stored personal data where a migration moves it (0016); a new database needs none.
 */
export async function migrateToLatest(
  database: Database,
  progress?: (message: string) => void,
  envelope?: Envelope,
): Promise<MigrationOutcome> {
  const schema = await migrationSchema(database);
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrationsWith(envelope) },
    // Without an explicit schema Kysely looks for its bookkeeping tables in every schema, and would
    // mistake another installation's (or another test run's) tables for ours.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied: string[] = [];
  for (const result of results ?? []) {
    if (result.status === 'Success') {
      applied.push(result.migrationName);
      progress?.(`applied migration ${result.migrationName}`);
    } else if (result.status === 'Error') {
      const cause = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`migration ${result.migrationName} failed: ${cause}`);
    }
  }
  if (error) {
    throw new MigrationError(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await recordRequiredMigration(database);
  return { applied };
}

/**
 * Records the newest `requires` of the migrations that have run, so an older process sees that the
 * schema was contracted past what it knows (see schema-compatibility.ts). Only ever moves forward.
 */
async function recordRequiredMigration(database: Database): Promise<void> {
  const names = Object.keys(migrations);
  const required = names
    .map((name) => migrations[name]!.requires)
    .filter((name): name is string => name !== undefined)
    .sort((a, b) => names.indexOf(a) - names.indexOf(b))
    .pop();
  if (!required) return;
  const now = new Date().toISOString();
  await database.db
    .insertInto('system_state')
    .values({ key: requiredMigrationKey, value: required, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: required, updated_at: now }))
    .execute();
}

/** The PostgreSQL schema new tables land in (the first of the search_path); none on SQLite. */
async function migrationSchema(database: Database): Promise<string | undefined> {
  if (database.dialect !== 'postgres') return undefined;
  if (database.schema) return database.schema;
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  return result.rows[0]?.schema;
}
