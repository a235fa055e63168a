import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDatabaseUnavailable } from '../../../src/db/database-errors.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('database unavailability', () => {
  test('connection losses and refusals are temporary', () => {
    for (const error of [
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('connection failure', '08006'),
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      withCode('database is locked', 'SQLITE_BUSY'),
      withCode('database or disk is full', 'SQLITE_FULL'),
      withCode('attempt to write a readonly database', 'SQLITE_READONLY'),
      withCode('disk I/O error', 'SQLITE_IOERR_WRITE'),
      withCode('no space left on device', 'ENOSPC'),
      new TypeError('The database connection is not open'),
      new Error('query failed', { cause: withCode('read ECONNRESET', 'ECONNRESET') }),
    ]) {
      assert.equal(isDatabaseUnavailable(error), true, error.message);
    }
  });

  test('problems with the query itself are not', () => {
    for (const error of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error at or near "selct"', '42601'),
      withCode('UNIQUE constraint failed: messages.external_id', 'SQLITE_CONSTRAINT_UNIQUE'),
      new Error('tampered, or wrong context'),
      'not an error',
      undefined,
    ]) {
      assert.equal(isDatabaseUnavailable(error), false, String(error));
    }
  });
});
