import type { Kysely } from 'kysely';
import { createIndex, optionalText, requiredText } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Login throttling of the organisation API counted by one atomic statement per attempt (see
 * modules/organisations/login-throttle.ts), replacing the row-per-failure log of 0002, whose
 * read-then-insert let concurrent attempts all pass.
 *
 * Both tables are keyed so that `INSERT … ON CONFLICT (key) DO UPDATE … WHERE … RETURNING` claims an
 * attempt in one statement on SQLite and PostgreSQL alike.
 */
export async function up(db: AnyDb): Promise<void> {
  // One row per username and client address: attempts in the current window, and when a login from
  // this address last succeeded (an address that has succeeded is exempt from the backoff).
  await db.schema
    .createTable('api_login_attempts')
    .$call(requiredText('username', 'client_address'))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .$call(requiredText('window_started_at'))
    .$call(optionalText('last_success_at'))
    .addPrimaryKeyConstraint('api_login_attempts_pk', ['username', 'client_address'])
    .execute();
  await createIndex(db, 'api_login_attempts_window', 'api_login_attempts', ['window_started_at']);

  // One row per username: attempts from addresses not trusted for it, and when the last one was let
  // through; the next is let through only after a delay that doubles with each.
  await db.schema
    .createTable('api_login_backoff')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .$call(requiredText('last_attempt_at'))
    .execute();
  await createIndex(db, 'api_login_backoff_last_attempt', 'api_login_backoff', ['last_attempt_at']);

  // The old api_login_failures table stays: a process of the previous version, still running during
  // a rolling upgrade, writes to it. It is unused from here on and dropped by a later migration once
  // no such process can exist (expand now, contract later; see docs/upgrades.md).
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('api_login_backoff').execute();
  await db.schema.dropTable('api_login_attempts').execute();
}
