import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { DatabaseSchema } from '../../src/db/schema.js';

export type SnapshotDialect = 'sqlite' | 'postgres';

/** What the recording database saw: statements in order, with transaction boundaries. */
export class QueryLog {
  entries: string[] = [];
  /** Rows to answer the next queries with, in order; once used up, queries return no rows. */
  responses: unknown[][] = [];

  record(query: CompiledQuery): QueryResult<unknown> {
    const count = query.parameters.length;
    this.entries.push(`${query.sql}\n  -- ${count} parameter${count === 1 ? '' : 's'}`);
    // One affected row, so code that checks "exactly one row changed" takes its usual path.
    return { rows: this.responses.shift() ?? [], numAffectedRows: 1n };
  }
}

class RecordingConnection implements DatabaseConnection {
  constructor(private readonly log: QueryLog) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.log.record(query) as QueryResult<R>;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the recording database does not stream');
  }
}

/** Runs nothing: records each compiled statement, and (when asked) the transaction boundaries. */
class RecordingDriver implements Driver {
  constructor(
    private readonly log: QueryLog,
    private readonly recordTransactions: boolean,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new RecordingConnection(this.log);
  }
  async beginTransaction(): Promise<void> {
    if (this.recordTransactions) this.log.entries.push('begin');
  }
  async commitTransaction(): Promise<void> {
    if (this.recordTransactions) this.log.entries.push('commit');
  }
  async rollbackTransaction(): Promise<void> {
    if (this.recordTransactions) this.log.entries.push('rollback');
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * A Kysely instance with the real adapter and query compiler of `dialect` (so `isPostgres` and every
 * dialect-specific branch behave as in production) over a driver that only records. Transactions the
 * code under test opens itself show as begin/commit; `recordTransactions: false` is for the
 * transaction a caller is expected to hold, which is not the method's own.
 */
export function recordingDatabase(
  dialect: SnapshotDialect,
  log: QueryLog,
  recordTransactions: boolean,
): Kysely<DatabaseSchema> {
  const driver = new RecordingDriver(log, recordTransactions);
  const recording: Dialect =
    dialect === 'sqlite'
      ? {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => driver,
          createQueryCompiler: () => new SqliteQueryCompiler(),
          createIntrospector: (db) => new SqliteIntrospector(db),
        }
      : {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => driver,
          createQueryCompiler: () => new PostgresQueryCompiler(),
          createIntrospector: (db) => new PostgresIntrospector(db),
        };
  return new Kysely<DatabaseSchema>({ dialect: recording });
}
