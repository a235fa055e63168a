import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';

/**
 * Which database the suite runs against: TEST_DB=postgres uses TEST_DATABASE_URL (a fresh schema
 * per test database, dropped afterwards); anything else uses a fresh SQLite file.
 */
export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  database: Database;
  /** DATABASE_URL-style settings to start a separate process on the same data. */
  databaseUrl: string | undefined;
  postgresSchema: string | undefined;
  dataDir: string;
  destroy(): Promise<void>;
}

function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  return url;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-test-'));
  let database: Database;
  let databaseUrl: string | undefined;
  let schema: string | undefined;
  if (testDialect === 'postgres') {
    databaseUrl = postgresUrl();
    schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    database = openDatabase({ databaseUrl, postgresSchema: schema });
  } else {
    database = openDatabase({ sqliteFile: path.join(dataDir, 'asiointitili.db') });
  }
  if (options.migrate !== false) await migrateToLatest(database);
  let destroyed = false;
  return {
    database,
    databaseUrl,
    postgresSchema: schema,
    dataDir,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await database.close().catch(() => undefined);
      if (schema && databaseUrl) {
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The tables of this test database only (Kysely's bookkeeping included). On PostgreSQL the dialect's
 * introspector looks at the search_path alone (src/db/search-path-introspector.ts), so another test
 * file dropping its schema meanwhile cannot disturb it.
 */
export async function tablesOfTestDatabase(database: Database): Promise<string[]> {
  const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.map((table) => table.name).sort();
}
