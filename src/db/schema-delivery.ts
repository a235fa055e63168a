import type { Generated } from 'kysely';

/**
 * Tables added by the delivery migration (0005). Merged into DatabaseSchema in schema.ts.
 */
export interface DeliveryTables {
  print_batches: PrintBatchesTable;
  print_letters: PrintLettersTable;
  delivery_attempts: DeliveryAttemptsTable;
}

/**
 * 'open' takes letters; 'closing' takes no more and is being written to PRINT_DIR; 'sent' is on
 * disk in full and handed over to the printing service.
 */
export type PrintBatchState = 'open' | 'closing' | 'sent';

export interface PrintBatchesTable {
  /** Also the directory name under PRINT_DIR. */
  id: string;
  state: PrintBatchState;
  /**
   * 1 while the batch is open, null afterwards. A unique index on it allows at most one open batch,
   * so concurrent workers that both find none cannot open two.
   */
  open_slot: number | null;
  letter_count: number;
  page_count: number;
  opened_at: string;
  closed_at: string | null;
  sent_at: string | null;
}

export interface PrintLettersTable {
  /** Random id, known before insert so the PDF can be encrypted bound to it. */
  id: string;
  batch_id: string;
  message_id: number;
  /** The outbox job that composed the letter; unique, so a rerun cannot add a second letter. */
  job_id: number;
  /** 1-based position in the batch, also the file name (0001.pdf). */
  sequence: number;
  pages: number;
  /** JSON of the printing flags (colour, duplex, address page, rotation). */
  flags: string;
  /** The composed letter, encrypted (it holds the recipient's address); cleared once printed. */
  pdf_enc: Buffer | null;
  sha256: string;
  created_at: string;
}

/** One row per finished attempt of an outbox job: an operator's history, and the retry window start. */
export interface DeliveryAttemptsTable {
  id: Generated<number>;
  job_id: number;
  /** The job's attempt counter when it was claimed; 1 starts a failure window. */
  attempt: number;
  outcome: 'sent' | 'skipped' | 'retried' | 'failed';
  /** A short, non-personal description of the failure (never a provider's free text). */
  error: string | null;
  started_at: string;
  finished_at: string;
}
