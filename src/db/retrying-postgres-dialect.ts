import {
  PostgresDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { isDatabaseUnavailable } from './database-errors.js';
import { SearchPathIntrospector } from './search-path-introspector.js';

/**
 * PostgreSQL, with one retry of a read that fails because its connection went away (a failover, a
 * restart, an administrator terminating backends). The pool hands out a connection that was alive
 * when it was last used; if the server ended it since, the next query fails at once. A SELECT outside
 * a transaction changes nothing, so it is safe to repeat on a fresh connection; writes and anything
 * inside a transaction are not repeated (the caller decides: the API answers 503, the worker retries
 * the job later under its idempotency key).
 */
export class RetryingPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new RetryingDriver(super.createDriver());
  }

  // See search-path-introspector.ts: our schemas only, so a schema dropped elsewhere cannot fail it.
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SearchPathIntrospector(db, super.createIntrospector(db));
  }
}

class RetryingConnection implements DatabaseConnection {
  inTransaction = false;
  /**
   * Set while the broken connection has gone back to the pool and no new one is held yet: if
   * acquiring the new one fails (the database is still away), Kysely still releases this connection
   * afterwards, and the pool must not get the broken one back a second time (pg-pool throws then,
   * which would turn a 503 into a 500).
   */
  released = false;

  constructor(
    public inner: DatabaseConnection,
    private readonly driver: Driver,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(compiledQuery);
    } catch (error) {
      if (this.inTransaction || !isRead(compiledQuery) || !isDatabaseUnavailable(error)) throw error;
      // The broken client is dropped by the pool on release (it is no longer queryable).
      this.released = true;
      await this.driver.releaseConnection(this.inner);
      this.inner = await this.driver.acquireConnection();
      this.released = false;
      return this.inner.executeQuery<R>(compiledQuery);
    }
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

function isRead(query: CompiledQuery): boolean {
  if (query.query.kind === 'SelectQueryNode') return true;
  return (
    query.query.kind === 'RawNode' && /^\s*select\b/i.test(query.sql) && !/\bfor\s+update\b/i.test(query.sql)
  );
}

/** Exported for its unit test; the dialect above is what the service uses. */
export class RetryingDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RetryingConnection(await this.inner.acquireConnection(), this.inner);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const retrying = connection as RetryingConnection;
    await this.inner.beginTransaction(retrying.inner, settings);
    retrying.inTransaction = true;
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.endTransaction(connection, (inner) => this.inner.commitTransaction(inner));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.endTransaction(connection, (inner) => this.inner.rollbackTransaction(inner));
  }

  /** Whether the commit or rollback succeeds or fails, the connection is outside a transaction after. */
  private async endTransaction(
    connection: DatabaseConnection,
    end: (inner: DatabaseConnection) => Promise<void>,
  ): Promise<void> {
    const retrying = connection as RetryingConnection;
    try {
      await end(retrying.inner);
    } finally {
      retrying.inTransaction = false;
    }
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.savepoint!((connection as RetryingConnection).inner, name, compileQuery);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.rollbackToSavepoint!((connection as RetryingConnection).inner, name, compileQuery);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.releaseSavepoint!((connection as RetryingConnection).inner, name, compileQuery);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const retrying = connection as RetryingConnection;
    if (retrying.released) return;
    await this.inner.releaseConnection(retrying.inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
