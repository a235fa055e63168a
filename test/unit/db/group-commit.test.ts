import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql, type Transaction } from 'kysely';
import { openDatabase, type Database } from '../../../src/db/database.js';
import { GroupCommit } from '../../../src/db/group-commit.js';
import type { DatabaseSchema } from '../../../src/db/schema.js';

// Raw tables of the test's own: the runner's behaviour does not depend on the product's schema.
async function insertChild(trx: Transaction<DatabaseSchema>, id: number, parentId: number): Promise<void> {
  await sql`insert into child (id, parent_id) values (${id}, ${parentId})`.execute(trx);
}

describe('group commit on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'group-commit-'));
  let database: Database;
  let runner: GroupCommit;

  before(async () => {
    database = openDatabase({ sqliteFile: path.join(dir, 'test.db') });
    await sql`create table parent (id integer primary key)`.execute(database.db);
    await sql`create table child (id integer primary key, parent_id integer not null references parent(id))`.execute(
      database.db,
    );
    await sql`insert into parent (id) values (1)`.execute(database.db);
    runner = new GroupCommit(database.db);
  });
  after(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const childIds = async () =>
    (await sql<{ id: number }>`select id from child order by id`.execute(database.db)).rows.map((r) => r.id);

  test('work queued together shares one transaction, and every caller is answered after its commit', async () => {
    const order: string[] = [];
    const units = Array.from({ length: 10 }, (_, index) =>
      runner
        .run(async (trx) => {
          await insertChild(trx, 100 + index, 1);
          // Each unit sees the earlier units' rows: they are in the same, still open transaction.
          const seen = await sql<{ n: number }>`select count(*) as n from child where id >= 100`.execute(trx);
          order.push(`work ${index} saw ${seen.rows[0]!.n}`);
          return index;
        })
        .then((value) => {
          order.push(`answered ${value}`);
          return value;
        }),
    );
    assert.deepEqual(await Promise.all(units), [...Array(10).keys()]);
    assert.deepEqual(order, [
      ...Array.from({ length: 10 }, (_, index) => `work ${index} saw ${index + 1}`),
      ...Array.from({ length: 10 }, (_, index) => `answered ${index}`),
    ]);
    assert.deepEqual(
      await childIds(),
      Array.from({ length: 10 }, (_, index) => 100 + index),
    );
  });

  test('a failing unit is undone alone and its caller gets its own error', async () => {
    const results = await Promise.allSettled([
      runner.run((trx) => insertChild(trx, 200, 1)),
      runner.run(async (trx) => {
        await insertChild(trx, 201, 1);
        await insertChild(trx, 200, 1); // the primary key the first unit took
      }),
      runner.run((trx) => insertChild(trx, 202, 1)),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.match(String((results[1] as PromiseRejectedResult).reason), /UNIQUE constraint failed/);
    const stored = (await childIds()).filter((id) => id >= 200);
    assert.deepEqual(stored, [200, 202], 'the failing unit’s first insert is rolled back with it');
  });

  test('when the shared commit fails, no caller is told its work is stored, and none of it is', async () => {
    const results = await Promise.allSettled([
      runner.run((trx) => insertChild(trx, 300, 1)),
      runner.run(async (trx) => {
        // A deferred foreign key is checked only at the commit, which therefore fails for all.
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await insertChild(trx, 301, 999);
      }),
      runner.run((trx) => insertChild(trx, 302, 1)),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected', 'rejected'],
    );
    assert.match(String((results[0] as PromiseRejectedResult).reason), /FOREIGN KEY constraint failed/);
    assert.deepEqual(
      (await childIds()).filter((id) => id >= 300),
      [],
    );
  });

  test('work queued while a batch runs goes into the next batch, after that batch’s commit', async () => {
    const order: string[] = [];
    let later: Promise<void> | undefined;
    await runner.run(async (trx) => {
      await insertChild(trx, 400, 1);
      // Queued from inside the running batch: it cannot join a transaction that may be committing.
      later = runner.run(async (next) => {
        order.push('later work');
        await insertChild(next, 401, 1);
      });
      order.push('first work');
    });
    order.push('first answered');
    await later;
    assert.deepEqual(order, ['first work', 'first answered', 'later work']);
    assert.deepEqual(
      (await childIds()).filter((id) => id >= 400),
      [400, 401],
    );
  });
});
