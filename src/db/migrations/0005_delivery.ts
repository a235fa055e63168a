import type { Kysely } from 'kysely';
import { bigint, binary, serialId, serialIdOptions } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Print batches and their letters, and the history of delivery attempts. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('print_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('open_slot', 'integer')
    .addColumn('letter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('page_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  // NULLs never collide in a unique index (both dialects), so only the open batch occupies the slot.
  await db.schema
    .createIndex('print_batches_one_open')
    .on('print_batches')
    .column('open_slot')
    .unique()
    .execute();
  await db.schema
    .createIndex('print_batches_state')
    .on('print_batches')
    .columns(['state', 'opened_at'])
    .execute();

  await db.schema
    .createTable('print_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('print_batches.id'))
    .addColumn('message_id', bigint(db), (c) => c.notNull().references('messages.id'))
    .addColumn('job_id', bigint(db), (c) => c.notNull().unique())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('pdf_enc', binary(db))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('print_letters_batch')
    .on('print_letters')
    .columns(['batch_id', 'sequence'])
    .unique()
    .execute();
  await db.schema.createIndex('print_letters_message').on('print_letters').column('message_id').execute();

  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('job_id', bigint(db), (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delivery_attempts_job')
    .on('delivery_attempts')
    .columns(['job_id', 'attempt'])
    .execute();
  // Operators list jobs by state; workers look for expired leases of running jobs.
  await db.schema
    .createIndex('outbox_jobs_lease')
    .on('outbox_jobs')
    .columns(['state', 'locked_until'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('outbox_jobs_lease').execute();
  for (const table of ['delivery_attempts', 'print_letters', 'print_batches']) {
    await db.schema.dropTable(table).execute();
  }
}
