import type { Kysely } from 'kysely';
import { bigint, binary, createIndex, idColumn, optionalText, requiredText } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Print batches and their letters, and the history of delivery attempts. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('print_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .$call(requiredText('state'))
    .addColumn('open_slot', 'integer')
    .addColumn('letter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('page_count', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(requiredText('opened_at'))
    .$call(optionalText('closed_at', 'sent_at'))
    .execute();
  // NULLs never collide in a unique index (both dialects), so only the open batch occupies the slot.
  await createIndex(db, 'print_batches_one_open', 'print_batches', ['open_slot'], { unique: true });
  await createIndex(db, 'print_batches_state', 'print_batches', ['state', 'opened_at']);

  await db.schema
    .createTable('print_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('print_batches.id'))
    .addColumn('message_id', bigint(db), (c) => c.notNull().references('messages.id'))
    .addColumn('job_id', bigint(db), (c) => c.notNull().unique())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .$call(requiredText('flags'))
    .addColumn('pdf_enc', binary(db))
    .$call(requiredText('sha256', 'created_at'))
    .execute();
  await createIndex(db, 'print_letters_batch', 'print_letters', ['batch_id', 'sequence'], { unique: true });
  await createIndex(db, 'print_letters_message', 'print_letters', ['message_id']);

  await db.schema
    .createTable('delivery_attempts')
    .$call(idColumn(db))
    .addColumn('job_id', bigint(db), (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .$call(requiredText('outcome'))
    .$call(optionalText('error'))
    .$call(requiredText('started_at', 'finished_at'))
    .execute();
  await createIndex(db, 'delivery_attempts_job', 'delivery_attempts', ['job_id', 'attempt']);
  // Operators list jobs by state; workers look for expired leases of running jobs.
  await createIndex(db, 'outbox_jobs_lease', 'outbox_jobs', ['state', 'locked_until']);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('outbox_jobs_lease').execute();
  for (const table of ['delivery_attempts', 'print_letters', 'print_batches']) {
    await db.schema.dropTable(table).execute();
  }
}
