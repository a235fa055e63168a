import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export interface SqliteSnapshot {
  /** Absolute path of the snapshot. */
  file: string;
  bytes: number;
  /** Ids of the master keys that wrote the data: the key ring a restore needs holds them. */
  keyIds: string[];
}

/** The snapshot cannot be written; the message is one line for an operator. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

function fsyncPath(target: string): void {
  const descriptor = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/** Key ids recorded in key_fingerprints; none for a database that was never migrated. */
function recordedKeyIds(connection: BetterSqlite3.Database): string[] {
  const table = connection
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'key_fingerprints'")
    .get();
  if (table === undefined) return [];
  const rows = connection.prepare('select key_id from key_fingerprints order by key_id').all() as {
    key_id: string;
  }[];
  return rows.map((row) => row.key_id);
}

/**
 * Writes a consistent copy of the live SQLite database to `target` with `VACUUM INTO`: it reads in
 * one transaction, so the copy includes what is still only in the -wal file and nothing written
 * after it started, while the service keeps reading and writing (WAL readers block no writer).
 *
 * Plain better-sqlite3 rather than openDatabase: one statement, and the source must already exist
 * (openDatabase would create an empty database where an operator mistyped DATA_DIR).
 *
 * The copy is written under a hidden temporary name created with mode 0600 (VACUUM INTO fills an
 * empty file and keeps its mode), forced to disk, checked, and only then linked to `target`, which
 * fails if `target` exists: an existing backup is never overwritten, and a crash leaves no file that
 * looks like a finished backup.
 */
export function writeSqliteSnapshot(sourceFile: string, target: string): SqliteSnapshot {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new SnapshotError(`${file} exists; back up to a new file`);
  if (!fs.existsSync(sourceFile)) throw new SnapshotError(`no database at ${sourceFile}; check DATA_DIR`);
  const directory = path.dirname(file);
  const temporary = path.join(directory, `.${path.basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    fs.closeSync(fs.openSync(temporary, 'wx', 0o600));
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) throw new SnapshotError(`directory ${directory} does not exist`);
    throw error;
  }
  try {
    const source = new BetterSqlite3(sourceFile, { fileMustExist: true });
    try {
      // The service may hold the write lock for a moment; VACUUM INTO only reads, so it waits at most
      // for the start of its read transaction.
      source.pragma('busy_timeout = 5000');
      source.prepare('vacuum into ?').run(temporary);
    } finally {
      source.close();
    }
    fsyncPath(temporary);
    const copy = new BetterSqlite3(temporary, { readonly: true, fileMustExist: true });
    let keyIds: string[];
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok')
        throw new SnapshotError(`the snapshot failed SQLite's quick_check: ${String(check)}`);
      keyIds = recordedKeyIds(copy);
    } finally {
      copy.close();
    }
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if (isErrorCode(error, 'EEXIST')) throw new SnapshotError(`${file} exists; back up to a new file`);
      throw error;
    }
    fsyncPath(directory);
    return { file, bytes: fs.statSync(file).size, keyIds };
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
