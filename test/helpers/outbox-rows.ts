import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../src/db/schema.js';

export interface UncheckedJobRow {
  kind: string;
  idempotencyKey: string;
  /** Stored as given: it need not be JSON, nor match the kind's payload schema. */
  payload?: string;
  runAt: Date;
}

/**
 * A pending outbox row written directly, past the typed planner (insertJobsInTransaction), which
 * cannot write what these tests need: a kind without a handler or a payload that does not fit its
 * kind, as a hand edit or another version of the application could leave them.
 */
export async function insertUncheckedJobRow(db: Kysely<DatabaseSchema>, row: UncheckedJobRow, now: Date) {
  const at = now.toISOString();
  await db
    .insertInto('outbox_jobs')
    .values({
      kind: row.kind,
      idempotency_key: row.idempotencyKey,
      message_id: null,
      account_id: null,
      payload: row.payload ?? '{}',
      state: 'pending',
      run_at: row.runAt.toISOString(),
      created_at: at,
      updated_at: at,
    })
    .execute();
}
