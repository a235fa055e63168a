import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/db/database.js';

const posix = process.platform !== 'win32';

describe('a new SQLite database is private to its owner', { skip: !posix }, () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-modes-'));
  after(() => fs.rmSync(parent, { recursive: true, force: true }));

  const mode = (file: string) => fs.statSync(file).mode & 0o777;

  test('DATA_DIR 0700; the database file, its WAL and shared-memory files 0600', async () => {
    const dataDir = path.join(parent, 'data');
    const file = path.join(dataDir, 'asiointitili.db');
    const database = openDatabase({ sqliteFile: file });
    try {
      // A write makes SQLite create the -wal and -shm files.
      await sql`create table t (id integer primary key)`.execute(database.db);
      await sql`insert into t (id) values (1)`.execute(database.db);
      assert.equal(mode(dataDir), 0o700, 'DATA_DIR');
      for (const name of ['asiointitili.db', 'asiointitili.db-wal', 'asiointitili.db-shm']) {
        assert.equal(mode(path.join(dataDir, name)), 0o600, name);
      }
    } finally {
      await database.close();
    }
  });

  test('an existing database keeps the mode its operator gave it', async () => {
    const file = path.join(parent, 'shared.db');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o640);
    const database = openDatabase({ sqliteFile: file });
    try {
      await sql`create table t (id integer primary key)`.execute(database.db);
      assert.equal(mode(file), 0o640);
    } finally {
      await database.close();
    }
  });
});
