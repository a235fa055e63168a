import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { RetryingDriver } from '../../../src/db/retrying-postgres-dialect.js';

const connectionLost = () =>
  Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** A pool of fake connections: each `acquire` takes the next outcome; releases are counted per connection. */
function fakeDriver(outcomes: Array<'works' | 'broken' | 'refused'>) {
  const released = new Map<string, number>();
  let made = 0;
  const driver: Driver = {
    init: async () => undefined,
    async acquireConnection() {
      const outcome = outcomes.shift() ?? 'works';
      if (outcome === 'refused') throw refused();
      const name = `c${++made}`;
      const connection: DatabaseConnection = {
        async executeQuery<R>(): Promise<QueryResult<R>> {
          if (outcome === 'broken') throw connectionLost();
          return { rows: [{ name } as R] };
        },
        streamQuery: () => {
          throw new Error('not used');
        },
      };
      return Object.assign(connection, { name });
    },
    beginTransaction: async (_c: DatabaseConnection, _s: TransactionSettings) => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    async releaseConnection(connection) {
      const name = (connection as DatabaseConnection & { name: string }).name;
      const count = (released.get(name) ?? 0) + 1;
      // As pg-pool does: a second release of one client is an error.
      if (count > 1) throw new Error('Release called on client which has already been released to the pool.');
      released.set(name, count);
    },
    destroy: async () => undefined,
  };
  return { driver, released };
}

const read = CompiledQuery.raw('select 1');

test('a read on a lost connection is repeated once on a fresh one', async () => {
  const { driver, released } = fakeDriver(['broken', 'works']);
  const retrying = new RetryingDriver(driver);
  const connection = await retrying.acquireConnection();
  const result = await connection.executeQuery<{ name: string }>(read);
  assert.deepEqual(result.rows, [{ name: 'c2' }]);
  await retrying.releaseConnection(connection);
  assert.deepEqual(
    [...released],
    [
      ['c1', 1],
      ['c2', 1],
    ],
  );
});

test('while the database refuses connections: the refusal comes out (a 503), and nothing is released twice', async () => {
  const { driver, released } = fakeDriver(['broken', 'refused']);
  const retrying = new RetryingDriver(driver);
  const connection = await retrying.acquireConnection();
  await assert.rejects(connection.executeQuery(read), /ECONNREFUSED/);
  // Kysely releases the connection it handed out, whatever the query did.
  await retrying.releaseConnection(connection);
  assert.deepEqual([...released], [['c1', 1]]);
});

test('a write or a read in a transaction is not repeated', async () => {
  const { driver } = fakeDriver(['broken', 'works']);
  const retrying = new RetryingDriver(driver);
  const connection = await retrying.acquireConnection();
  await assert.rejects(connection.executeQuery(CompiledQuery.raw('update t set a = 1')), /terminated/);
  await retrying.beginTransaction(connection, {});
  await assert.rejects(connection.executeQuery(read), /terminated/);
});
