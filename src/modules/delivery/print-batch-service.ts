import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Envelope } from '../../crypto/envelope.js';
import { deemedReceivedLetter } from '../../domain/legal-dates.js';
import type { AppMetrics } from '../../http/metrics.js';
import type { Logger } from '../../logging/logger.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import { appendFeedEventInTransaction } from '../messages/index.js';
import { syncDirectory, writeDurably } from './atomic-file.js';
import type { DeliveryOptions } from './delivery-options.js';
import type { Db } from './job-handler.js';
import { sheetsFor } from './letter-composer.js';
import { letterContext } from './paper-letter-job.js';
import type { PrintFlags } from './paper-mail-request.js';
import type { BatchSummary, PrintBatchRepository, StoredLetter } from './print-batch-repository.js';

export interface WrittenBatch {
  batchId: string;
  directory: string;
  letters: number;
  pages: number;
}

export interface PrintManifest {
  batchId: string;
  createdAt: string;
  letterCount: number;
  pageCount: number;
  sheetCount: number;
  letters: Array<{
    file: string;
    letterId: string;
    messageId: number;
    pages: number;
    sheets: number;
    flags: PrintFlags;
    sha256: string;
  }>;
}

const tempPrefix = '.tmp-';

/**
 * Closes print batches and writes them to PRINT_DIR/<batch-id>/ (letters 0001.pdf… and
 * manifest.json). A batch directory appears only complete: everything is written and fsynced in a
 * hidden temporary directory that is then renamed into place. Only after that does the database say
 * 'sent', with the "Sent for printing and enveloping" events and the deemed-received dates; a crash
 * in between is repaired by finishing the 'closing' batch again, which finds its directory in place.
 */
export class PrintBatchService {
  constructor(
    private readonly deps: {
      db: Db;
      batches: PrintBatchRepository;
      envelope: Envelope;
      clock: () => Date;
      logger: Logger;
      metrics: AppMetrics;
      printDir: string;
      options: DeliveryOptions;
      /** Each letter's ContentHandover record is signed in the transaction that marks the batch sent. */
      evidence: EvidenceRecorder;
    },
  ) {}

  /** The scheduled check: closes the open batch when it is old or full enough. */
  async closeDueBatches(): Promise<WrittenBatch[]> {
    const now = this.deps.clock();
    const open = await this.deps.batches.openBatch();
    const written: WrittenBatch[] = [];
    if (open && open.letterCount > 0 && this.isDue(open, now)) {
      if (await this.deps.batches.close(open.id, now)) written.push(await this.finish(open.id));
    }
    const stale = await this.deps.batches.closingBatches(
      new Date(now.getTime() - this.deps.options.printClosingGraceMs),
    );
    for (const batch of stale) written.push(await this.finish(batch.id));
    return written;
  }

  /** `asiointitili print flush`: closes the open batch now and finishes any left half-done. */
  async flush(): Promise<WrittenBatch[]> {
    const now = this.deps.clock();
    const open = await this.deps.batches.openBatch();
    if (open && open.letterCount > 0) await this.deps.batches.close(open.id, now);
    const written: WrittenBatch[] = [];
    for (const batch of await this.deps.batches.closingBatches(now))
      written.push(await this.finish(batch.id));
    return written;
  }

  recentBatches(limit: number): Promise<BatchSummary[]> {
    return this.deps.batches.recentBatches(limit);
  }

  private isDue(batch: BatchSummary, now: Date): boolean {
    return (
      batch.letterCount >= this.deps.options.printBatchMaxLetters ||
      now.getTime() - new Date(batch.openedAt).getTime() >= this.deps.options.printBatchMaxAgeMs
    );
  }

  private async finish(batchId: string): Promise<WrittenBatch> {
    const { batches, db, clock, printDir, logger, metrics } = this.deps;
    const letters = await batches.letters(batchId);
    const directory = path.join(printDir, batchId);
    const manifest = await this.writeDirectory(batchId, directory, letters);
    let recorded = false;
    await db.transaction().execute(async (trx) => {
      const now = clock();
      recorded = await batches.markSent(trx, batchId, now);
      if (!recorded) return;
      const messages = await batches.letterMessages(trx, batchId);
      await batches.setDeemedReceived(
        trx,
        messages.map((message) => message.messageId),
        deemedReceivedLetter(now),
      );
      const letterDigests = new Map(letters.map((letter) => [letter.messageId, letter.sha256]));
      for (const message of messages) {
        await appendFeedEventInTransaction(trx, {
          ...message,
          type: 'Sent for printing and enveloping',
          occurredAt: now,
        });
        await this.deps.evidence.recordInTransaction(trx, message.messageId, 'handed-to-printing', now, {
          printBatch: batchId,
          letterSha256: letterDigests.get(message.messageId) ?? '',
        });
      }
    });
    if (recorded) {
      metrics.deliveries.inc({ channel: 'paper', outcome: 'sent' }, manifest.letterCount);
      logger.info(
        { batchId, letters: manifest.letterCount, pages: manifest.pageCount },
        'print batch written and sent for printing',
      );
    }
    return { batchId, directory, letters: manifest.letterCount, pages: manifest.pageCount };
  }

  /** Writes the batch directory unless a complete one is already in place (a rerun after a crash). */
  private async writeDirectory(
    batchId: string,
    directory: string,
    letters: StoredLetter[],
  ): Promise<PrintManifest> {
    const existing = await readManifest(directory);
    if (existing) return existing;
    const { printDir, clock } = this.deps;
    await fs.mkdir(printDir, { recursive: true, mode: 0o700 });
    await this.removeStaleTemporaries(batchId);
    const temp = path.join(printDir, `${tempPrefix}${batchId}-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(temp, { mode: 0o700 });
    try {
      const manifest: PrintManifest = {
        batchId,
        createdAt: clock().toISOString(),
        letterCount: letters.length,
        pageCount: 0,
        sheetCount: 0,
        letters: [],
      };
      for (const letter of letters) {
        const entry = await this.writeLetter(temp, letter);
        manifest.letters.push(entry);
        manifest.pageCount += entry.pages;
        manifest.sheetCount += entry.sheets;
      }
      await writeDurably(path.join(temp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await syncDirectory(temp);
      await fs.rename(temp, directory);
      await syncDirectory(printDir);
      return manifest;
    } catch (error) {
      await fs.rm(temp, { recursive: true, force: true });
      // Another worker may have finished the same batch first; its directory is complete.
      const written = await readManifest(directory);
      if (written) return written;
      throw error;
    }
  }

  private async writeLetter(dir: string, letter: StoredLetter): Promise<PrintManifest['letters'][number]> {
    if (!letter.pdfEnc) throw new Error(`letter ${letter.id} has no stored PDF`);
    const pdf = this.deps.envelope.decrypt(letter.pdfEnc, letterContext(letter.id));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    if (sha256 !== letter.sha256) throw new Error(`letter ${letter.id} does not match its checksum`);
    const file = `${String(letter.sequence).padStart(4, '0')}.pdf`;
    await writeDurably(path.join(dir, file), pdf);
    const flags = JSON.parse(letter.flags) as PrintFlags;
    return {
      file,
      letterId: letter.id,
      messageId: letter.messageId,
      pages: letter.pages,
      sheets: sheetsFor(letter.pages, flags.duplex),
      flags,
      sha256,
    };
  }

  /** Leftovers of writers that died mid-batch; never visible to the printer (hidden names). */
  private async removeStaleTemporaries(batchId: string): Promise<void> {
    const entries = await fs.readdir(this.deps.printDir);
    for (const entry of entries) {
      if (entry.startsWith(`${tempPrefix}${batchId}-`)) {
        await fs.rm(path.join(this.deps.printDir, entry), { recursive: true, force: true });
      }
    }
  }
}

async function readManifest(directory: string): Promise<PrintManifest | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(directory, 'manifest.json'), 'utf8')) as PrintManifest;
  } catch {
    return undefined;
  }
}
