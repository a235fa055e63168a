import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { PrintBatchState } from '../../db/schema-delivery.js';
import { RetryableDeliveryError } from './delivery-errors.js';
import type { Db, Trx } from './job-handler.js';

export interface NewLetter {
  id: string;
  messageId: number;
  jobId: number;
  pages: number;
  flags: Record<string, boolean>;
  pdfEnc: Buffer;
  sha256: string;
}

export interface BatchSummary {
  id: string;
  state: PrintBatchState;
  letterCount: number;
  pageCount: number;
  openedAt: string;
  closedAt: string | null;
  sentAt: string | null;
}

export interface StoredLetter {
  id: string;
  messageId: number;
  sequence: number;
  pages: number;
  flags: string;
  pdfEnc: Buffer | null;
  sha256: string;
}

export interface LetterMessage {
  messageId: number;
  organisationId: number;
  serviceId: string;
  externalId: string | null;
}

/** A LetterMessage's columns, of `messages` joined to `services` (in a batch or not yet). */
const letterMessageColumns = [
  'messages.id',
  'messages.organisation_id',
  'services.service_id',
  'messages.external_id',
] as const;

function letterMessage(row: {
  id: number;
  organisation_id: number;
  service_id: string;
  external_id: string | null;
}): LetterMessage {
  return {
    messageId: row.id,
    organisationId: row.organisation_id,
    serviceId: row.service_id,
    externalId: row.external_id,
  };
}

/** Batch ids sort by opening time and double as directory names. */
export function newBatchId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

function summary(row: {
  id: string;
  state: PrintBatchState;
  letter_count: number;
  page_count: number;
  opened_at: string;
  closed_at: string | null;
  sent_at: string | null;
}): BatchSummary {
  return {
    id: row.id,
    state: row.state,
    letterCount: row.letter_count,
    pageCount: row.page_count,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    sentAt: row.sent_at,
  };
}

export class PrintBatchRepository {
  constructor(private readonly db: Db) {}

  /**
   * Puts a letter into the open batch (opening one when there is none), in the caller's transaction.
   * The counter update takes the batch row's lock and re-checks that the batch is still open, so a
   * letter cannot slip into a batch that a concurrent close has already taken.
   */
  async addLetter(trx: Trx, letter: NewLetter, now: Date): Promise<string> {
    const at = now.toISOString();
    for (let round = 0; round < 3; round++) {
      const open = await trx
        .selectFrom('print_batches')
        .select('id')
        .where('state', '=', 'open')
        .executeTakeFirst();
      if (!open) {
        await trx
          .insertInto('print_batches')
          .values({
            id: newBatchId(now),
            state: 'open',
            open_slot: 1,
            letter_count: 0,
            page_count: 0,
            opened_at: at,
          })
          .onConflict((conflict) => conflict.column('open_slot').doNothing())
          .execute();
        continue;
      }
      const counted = await trx
        .updateTable('print_batches')
        .set({
          letter_count: sql<number>`letter_count + 1`,
          page_count: sql<number>`page_count + ${letter.pages}`,
        })
        .where('id', '=', open.id)
        .where('state', '=', 'open')
        .returning('letter_count')
        .executeTakeFirst();
      if (!counted) continue;
      await trx
        .insertInto('print_letters')
        .values({
          id: letter.id,
          batch_id: open.id,
          message_id: letter.messageId,
          job_id: letter.jobId,
          sequence: counted.letter_count,
          pages: letter.pages,
          flags: JSON.stringify(letter.flags),
          pdf_enc: letter.pdfEnc,
          sha256: letter.sha256,
          created_at: at,
        })
        .execute();
      return open.id;
    }
    throw new RetryableDeliveryError('no open print batch could be found');
  }

  async openBatch(): Promise<BatchSummary | undefined> {
    const row = await this.db
      .selectFrom('print_batches')
      .selectAll()
      .where('state', '=', 'open')
      .executeTakeFirst();
    return row ? summary(row) : undefined;
  }

  /** Batches that were closed but not (completely) written, oldest first. */
  async closingBatches(closedBefore: Date): Promise<BatchSummary[]> {
    const rows = await this.db
      .selectFrom('print_batches')
      .selectAll()
      .where('state', '=', 'closing')
      .where('closed_at', '<=', closedBefore.toISOString())
      .orderBy('opened_at')
      .execute();
    return rows.map(summary);
  }

  async recentBatches(limit: number): Promise<BatchSummary[]> {
    const rows = await this.db
      .selectFrom('print_batches')
      .selectAll()
      .orderBy('opened_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(summary);
  }

  /** open → closing; false when someone else closed it first. No letters join it afterwards. */
  async close(batchId: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('print_batches')
      .set({ state: 'closing', open_slot: null, closed_at: now.toISOString() })
      .where('id', '=', batchId)
      .where('state', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async letters(batchId: string): Promise<StoredLetter[]> {
    const rows = await this.db
      .selectFrom('print_letters')
      .select(['id', 'message_id', 'sequence', 'pages', 'flags', 'pdf_enc', 'sha256'])
      .where('batch_id', '=', batchId)
      .orderBy('sequence')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      messageId: row.message_id,
      sequence: row.sequence,
      pages: row.pages,
      flags: row.flags,
      pdfEnc: row.pdf_enc,
      sha256: row.sha256,
    }));
  }

  /** closing → sent; false when another worker recorded it first. */
  async markSent(trx: Trx, batchId: string, now: Date): Promise<boolean> {
    const result = await trx
      .updateTable('print_batches')
      .set({ state: 'sent', sent_at: now.toISOString() })
      .where('id', '=', batchId)
      .where('state', '=', 'closing')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    // The files are with the printer now; the database need not keep a copy holding the address.
    await trx.updateTable('print_letters').set({ pdf_enc: null }).where('batch_id', '=', batchId).execute();
    return true;
  }

  async setDeemedReceived(trx: Trx, messageIds: number[], date: string): Promise<void> {
    if (messageIds.length === 0) return;
    // An earlier date stays: a verifiable message acknowledged in the meantime counts from then.
    await trx
      .updateTable('messages')
      .set({ deemed_received_on: date })
      .where('id', 'in', messageIds)
      .where('deemed_received_on', 'is', null)
      .execute();
  }

  /** What the feed events of a batch's letters need. */
  async letterMessages(trx: Trx, batchId: string): Promise<LetterMessage[]> {
    const rows = await trx
      .selectFrom('print_letters')
      .innerJoin('messages', 'messages.id', 'print_letters.message_id')
      .innerJoin('services', 'services.id', 'messages.service_pk')
      .select(letterMessageColumns)
      .where('print_letters.batch_id', '=', batchId)
      .orderBy('print_letters.sequence')
      .execute();
    return rows.map(letterMessage);
  }

  /** For failure events of a letter job (not in a batch yet). */
  async messageForEvent(trx: Trx, messageId: number): Promise<LetterMessage | undefined> {
    const row = await trx
      .selectFrom('messages')
      .innerJoin('services', 'services.id', 'messages.service_pk')
      .select(letterMessageColumns)
      .where('messages.id', '=', messageId)
      .executeTakeFirst();
    return row && letterMessage(row);
  }
}
