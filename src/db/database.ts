import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { RetryingPostgresDialect } from './retrying-postgres-dialect.js';
import type { DatabaseSchema } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: DialectName;
  /** Where the data lives, for operators (never includes a password). */
  readonly description: string;
  /** PostgreSQL schema given explicitly (tests); otherwise the connection's search_path decides. */
  readonly schema: string | undefined;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at sqliteFile. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests run each file in its own schema). */
  postgresSchema?: string;
  /** Most PostgreSQL connections this process opens (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** Told about connection errors the pool absorbed (a lost idle or in-use connection). */
  onConnectionError?: (error: Error) => void;
}

// int8 (bigserial ids, counts) arrives from pg as a string by default; every value we keep in
// int8 columns stays far below 2^53, so converting to number is lossless and keeps both dialects
// returning the same JavaScript types.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) return openPostgres(options);
  if (!options.sqliteFile) throw new Error('openDatabase: sqliteFile is required without a databaseUrl');
  return openSqlite(options.sqliteFile);
}

/**
 * The database holds everything (encrypted content, but also names of organisations, account
 * settings, session rows), so a new one is readable by its owner only: the directory 0700, the file
 * 0600. SQLite gives its -wal and -shm files the mode of the database file, so creating that file
 * first with 0600 covers them too. Existing files keep the mode the operator gave them.
 */
function createPrivately(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') createPrivately(file);
  const connection = new BetterSqlite3(file);
  connection.pragma('journal_mode = WAL');
  // FULL makes every commit durable across power loss, which an acknowledged message requires.
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
  });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${file}`,
    schema: undefined,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Distinct SQL texts kept prepared; variable-length inserts and IN lists make the set open-ended. */
const statementCacheSize = 500;

/**
 * Kysely's SQLite driver prepares every query afresh. The queries a page or an API call runs are
 * few and always the same text, so keep their prepared statements (least recently used dropped
 * first). Kysely runs one statement at a time on the single connection and never binds a statement
 * permanently; a statement still busy (an unfinished iterate) is not shared but prepared anew.
 * SQLite re-prepares a cached statement by itself after a schema change (migrations).
 */
function withStatementCache(connection: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sqlText: string): BetterSqlite3.Statement {
      // On a full or failing disk (SQLITE_FULL, SQLITE_IOERR) SQLite rolls the transaction back by
      // itself; Kysely's ROLLBACK afterwards would fail with "no transaction is active" and hide the
      // error that says why, which decides the answer (503 for a full disk).
      if (sqlText === 'rollback' && !connection.inTransaction) return connection.prepare('select 0 where 0');
      const cached = statements.get(sqlText);
      if (cached && !cached.busy) {
        // Re-insert to mark it most recently used.
        statements.delete(sqlText);
        statements.set(sqlText, cached);
        return cached;
      }
      const statement = connection.prepare(sqlText);
      if (!cached) {
        statements.set(sqlText, statement);
        if (statements.size > statementCacheSize) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
    close(): void {
      statements.clear();
      connection.close();
    },
  };
}

function openPostgres(options: DatabaseOptions): Database {
  const url = options.databaseUrl!;
  const schema = options.postgresSchema;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    // Keep TCP keep-alives on so a connection a firewall or failover silently dropped is noticed.
    keepAlive: true,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection can be lost at any time (a failover, a restart, pg_terminate_backend). pg reports
  // it as an 'error' event, on the pool for an idle client and on the client itself while it is
  // checked out; an 'error' event without a listener would end the whole process. The pool drops a
  // broken client, the query that used it fails (and is retried if it was a read; see
  // RetryingPostgresDialect), and /readyz and the 503 answers tell the rest.
  const report = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  const db = new Kysely<DatabaseSchema>({ dialect: new RetryingPostgresDialect({ pool }) });
  const parsed = new URL(url);
  return {
    db,
    dialect: 'postgres',
    schema,
    description: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
