import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../../../src/db/database.js';
import { preparedQuery, preparedStatement } from '../../../src/db/prepared-query.js';

describe('preparedQuery', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepared-query-'));
  const database = openDatabase({ sqliteFile: path.join(dir, 'test.sqlite') });
  after(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('runs the compiled query with each call’s values in their own places', async () => {
    const { db } = database;
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('business_id', 'text')
      .addColumn('name_fi', 'text')
      .execute();
    await db
      .insertInto('organisations')
      .values([
        { id: 1, business_id: 'a', name_fi: 'x' },
        { id: 2, business_id: 'b', name_fi: 'x' },
        { id: 3, business_id: 'c', name_fi: 'y' },
      ] as never)
      .execute();
    // A constant between the arguments, and the arguments used out of order.
    const query = preparedQuery(db, 2, (limit: number, name: string) =>
      db
        .selectFrom('organisations')
        .select(['id', 'business_id'])
        .where('name_fi', '=', name)
        .where('business_id', '!=', 'zzz')
        .orderBy('id')
        .limit(limit),
    );
    assert.deepEqual((await query(10, 'x')).rows, [
      { id: 1, business_id: 'a' },
      { id: 2, business_id: 'b' },
    ]);
    assert.deepEqual((await query(1, 'x')).rows, [{ id: 1, business_id: 'a' }]);
    assert.deepEqual((await query(10, 'y')).rows, [{ id: 3, business_id: 'c' }]);
  });

  test('refuses a query that does not use every argument as one parameter', async () => {
    const { db } = database;
    const unused = preparedQuery<[number, number], { id: number }>(db, 2, (limit: number) =>
      db.selectFrom('organisations').select('id').limit(limit),
    );
    await assert.rejects(unused(1, 2), /argument 1 is not exactly one parameter/);
  });

  test('preparedStatement runs one compiled statement on the database and inside its transactions', async () => {
    const { db } = database;
    const rename = preparedStatement(2, (on, id: number, name: string) =>
      on
        .updateTable('organisations')
        .set({ name_fi: name })
        .where('id', '=', id)
        .returning(['id', 'name_fi']),
    );
    assert.deepEqual((await rename(db, 1, 'first')).rows, [{ id: 1, name_fi: 'first' }]);
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        assert.deepEqual((await rename(trx, 2, 'second')).rows, [{ id: 2, name_fi: 'second' }]);
        // Run on the transaction: undone with it.
        throw new Error('roll back');
      }),
      /roll back/,
    );
    const names = await db.selectFrom('organisations').select(['id', 'name_fi']).orderBy('id').execute();
    assert.deepEqual(names.slice(0, 2), [
      { id: 1, name_fi: 'first' },
      { id: 2, name_fi: 'x' },
    ]);
  });
});
