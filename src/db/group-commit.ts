import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseSchema } from './schema.js';

export type TransactionWork<T> = (trx: Transaction<DatabaseSchema>) => Promise<T>;

/** Runs a unit of work in a transaction and resolves only once that work is durably committed. */
export interface TransactionRunner {
  run<T>(work: TransactionWork<T>): Promise<T>;
}

/** Most units of work one commit carries: bounds how long the first of them waits for the rest. */
const maxBatch = 128;

/**
 * On SQLite every durable commit is an fsync, and better-sqlite3 makes it on the event loop: a
 * message a commit caps ingest at the disk's fsync rate. Work that arrives together (requests
 * read in the same turn of the event loop) is therefore run in one transaction, each unit in its
 * own savepoint so that one failing unit (a duplicate externalId, a validation error) is undone
 * alone, and every caller is answered only after the shared commit: an acknowledged unit is as
 * durable as with a transaction of its own, and none is acknowledged if the commit fails.
 *
 * PostgreSQL commits from many connections at once and groups their WAL flushes itself, so there
 * each unit keeps its own transaction.
 */
export function transactionRunner(database: Database): TransactionRunner {
  let runner = runners.get(database);
  if (!runner) {
    runner =
      database.dialect === 'postgres'
        ? { run: (work) => database.db.transaction().execute(work) }
        : new GroupCommit(database.db);
    runners.set(database, runner);
  }
  return runner;
}

// One runner per database: every module that commits through it (sending, the mailbox's reads and
// acknowledgements) joins the same batches rather than each taking turns for its own commit.
const runners = new WeakMap<Database, TransactionRunner>();

interface Pending {
  work: TransactionWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Outcome {
  pending: Pending;
  ok: boolean;
  value: unknown;
}

export class GroupCommit implements TransactionRunner {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  run<T>(work: TransactionWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase, so every request read in this turn has queued its work.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, maxBatch);
    if (this.queue.length > 0) this.schedule();
    if (batch.length === 0) return;
    if (batch.length === 1) {
      // Nothing to share: a plain transaction costs two statements fewer.
      const [only] = batch as [Pending];
      await this.db.transaction().execute(only.work).then(only.resolve, only.reject);
      return;
    }
    let outcomes: Outcome[];
    try {
      const trx = await this.db.startTransaction().execute();
      try {
        outcomes = [];
        for (const pending of batch) outcomes.push(await this.runInSavepoint(trx, pending));
        await trx.commit().execute();
      } catch (error) {
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw error;
      }
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const { pending, ok, value } of outcomes) (ok ? pending.resolve : pending.reject)(value);
  }

  /**
   * A unit's own failure is its caller's answer and undoes only its savepoint; a failure to create,
   * release or roll back the savepoint itself fails the whole batch (thrown).
   */
  private async runInSavepoint(
    trx: Awaited<ReturnType<ReturnType<Kysely<DatabaseSchema>['startTransaction']>['execute']>>,
    pending: Pending,
  ): Promise<Outcome> {
    const unit = await trx.savepoint('unit').execute();
    let value: unknown;
    try {
      value = await pending.work(unit);
    } catch (error) {
      try {
        await unit.rollbackToSavepoint('unit').execute();
        await unit.releaseSavepoint('unit').execute();
      } catch {
        // The transaction itself is gone (SQLite rolls it back on a full disk): the unit's error is
        // the whole batch's.
        throw error;
      }
      return { pending, ok: false, value: error };
    }
    await unit.releaseSavepoint('unit').execute();
    return { pending, ok: true, value };
  }
}
