import { DecryptionError, type Envelope } from '../../crypto/envelope.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import { isDatabaseUnavailable } from '../../db/database-errors.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { sealedColumns, sealedInText, type SealedInText } from './encrypted-values.js';
import type { KeyUsageRepository } from './key-usage-repository.js';

/** How many stored values one key id protects, per place (`table.column`) and in all. */
export interface KeyUsage {
  keyId: string;
  total: number;
  places: Record<string, number>;
}

export interface KeyStatus {
  /** The ring's keys, the current one (which wraps new values) first. */
  ring: Array<KeyUsage & { current: boolean }>;
  /** Key ids found in the database that the ring lacks: those values cannot be read. */
  missing: KeyUsage[];
}

export interface RewrapOutcome {
  rewrapped: number;
  /** Values that changed while being rewrapped (purged, or rewritten by a running process). */
  changedMeanwhile: number;
  /** Values that could not be unwrapped (unknown key, damaged), per place; left as they are. */
  failed: Record<string, number>;
  /** Values still under another key than the current one after this run. */
  remaining: number;
}

export interface RewrapOptions {
  /** Values per transaction. */
  batchSize: number;
  /** After each committed batch that rewrapped something: how many values so far. */
  onBatch: (rewrapped: number) => void;
}

/** A sealed value in a text that does not parse or has no readable header is counted under this id. */
export const malformedKeyId = '(malformed)';

const textPageSize = 500;
const batchAttempts = 5;

/**
 * Key rotation's work on the stored data: which key protects how many values (status, retire), and
 * moving every value to the current key by rewrapping its data key (envelope.rewrap: the payload is
 * neither decrypted nor re-encrypted).
 *
 * Rewrapping is resumable by construction: each batch is one transaction, it selects only values not
 * yet under the current key, and it writes a value only if it is still what was read. A run killed
 * at any point leaves every value under either its old key or the current one, both in the ring, and
 * the next run picks up what is left.
 */
export class KeyRotationService {
  constructor(private readonly deps: { repository: KeyUsageRepository; envelope: Envelope }) {}

  /** Key id → place → count, over every place that holds sealed values. */
  async usage(): Promise<Map<string, Map<string, number>>> {
    const usage = new Map<string, Map<string, number>>();
    const add = (keyId: string, place: string, count: number) => {
      const places = usage.get(keyId) ?? new Map<string, number>();
      places.set(place, (places.get(place) ?? 0) + count);
      usage.set(keyId, places);
    };
    for (const place of sealedColumns) {
      for (const [keyId, count] of await this.deps.repository.countByKeyId(place))
        add(keyId, place.name, count);
    }
    for (const place of sealedInText) {
      await this.#eachText(place, (sealed) => {
        if (sealed !== undefined) add(this.#keyIdOf(sealed), place.name, 1);
      });
    }
    return usage;
  }

  async status(): Promise<KeyStatus> {
    const usage = await this.usage();
    const { envelope } = this.deps;
    const summary = (keyId: string): KeyUsage => {
      const places = Object.fromEntries([...(usage.get(keyId) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)));
      return { keyId, total: Object.values(places).reduce((sum, n) => sum + n, 0), places };
    };
    return {
      ring: envelope.keyIds.map((keyId) => ({ ...summary(keyId), current: keyId === envelope.activeKeyId })),
      missing: [...usage.keys()]
        .filter((keyId) => !envelope.keyIds.includes(keyId))
        .sort()
        .map(summary),
    };
  }

  /** How many values are under another key than the current one. */
  async pending(): Promise<number> {
    let count = 0;
    for (const [keyId, places] of await this.usage()) {
      if (keyId !== this.deps.envelope.activeKeyId) for (const n of places.values()) count += n;
    }
    return count;
  }

  /**
   * Rewraps every value under an older key to the current key, `batchSize` values per transaction;
   * `onBatch(rewrapped so far)` after each committed batch.
   */
  async rewrap(options: RewrapOptions): Promise<RewrapOutcome> {
    const outcome: RewrapOutcome = { rewrapped: 0, changedMeanwhile: 0, failed: {}, remaining: 0 };
    const { repository, envelope } = this.deps;
    for (const place of sealedColumns) {
      await this.#inBatches(
        place.name,
        options,
        outcome,
        (trx, after) =>
          repository.keyPartsNotUnder(trx, place, envelope.activeKeyId, after, options.batchSize),
        (trx, row) => {
          const rewrapped = envelope.rewrapPrefix(row.prefix, place.context(row.key));
          const oldPart = row.prefix.subarray(0, rewrapped.replace);
          return repository.replaceKeyPart(trx, place, row.key, oldPart, rewrapped.with);
        },
      );
    }
    for (const place of sealedInText) {
      await this.#inBatches(
        place.name,
        options,
        outcome,
        (trx, after) => repository.texts(place, after, options.batchSize, trx),
        async (trx, { key, text }) => {
          const sealed = this.#read(place, text);
          // The text rows are not selected by key in SQL: some hold nothing, or are done already.
          if (sealed === undefined || this.#keyIdOf(sealed) === envelope.activeKeyId) return undefined;
          const newText = place.write(text, envelope.rewrap(sealed, place.context(key)));
          return repository.replaceText(trx, place, key, text, newText);
        },
      );
    }
    outcome.remaining = await this.pending();
    return outcome;
  }

  /**
   * One place's rows, a batch per transaction, in key order (keyset paging: a value that cannot be
   * unwrapped stays under its old key and must not be selected again). `rewrapRow` says whether it
   * rewrapped the row (true), found it changed meanwhile (false) or had nothing to do (undefined).
   */
  async #inBatches<Row extends { key: string }>(
    place: string,
    options: RewrapOptions,
    outcome: RewrapOutcome,
    select: (trx: Transaction<DatabaseSchema>, after: string | undefined) => Promise<Row[]>,
    rewrapRow: (trx: Transaction<DatabaseSchema>, row: Row) => Promise<boolean | undefined>,
  ): Promise<void> {
    let after: string | undefined;
    for (;;) {
      const batch = await this.#batch(async (trx) => {
        const counts = { rows: await select(trx, after), rewrapped: 0, changed: 0, failed: 0 };
        for (const row of counts.rows) {
          let result: boolean | undefined;
          try {
            result = await rewrapRow(trx, row);
          } catch (error) {
            if (!(error instanceof DecryptionError)) throw error;
            counts.failed += 1;
            continue;
          }
          if (result === true) counts.rewrapped += 1;
          else if (result === false) counts.changed += 1;
        }
        return counts;
      });
      // Counted once the batch is committed: a killed run never reports what it did not keep.
      outcome.rewrapped += batch.rewrapped;
      outcome.changedMeanwhile += batch.changed;
      if (batch.failed > 0) outcome.failed[place] = (outcome.failed[place] ?? 0) + batch.failed;
      if (batch.rewrapped > 0) options.onBatch(outcome.rewrapped);
      if (batch.rows.length < options.batchSize) return;
      after = batch.rows[batch.rows.length - 1]?.key;
    }
  }

  /**
   * One batch's transaction, run again when the database was briefly unavailable: on SQLite a batch
   * that read before a running process wrote cannot write (SQLITE_BUSY_SNAPSHOT) and simply starts
   * over; a batch is safe to repeat, as it selects what is still to do.
   */
  async #batch<T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.repository.transaction(work);
      } catch (error) {
        if (attempt >= batchAttempts || !isDatabaseUnavailable(error)) throw error;
        await sleep(100 * attempt);
      }
    }
  }

  async #eachText(place: SealedInText, visit: (sealed: Buffer | undefined) => void): Promise<void> {
    let after: string | undefined;
    for (;;) {
      const rows = await this.deps.repository.texts(place, after, textPageSize);
      for (const { text } of rows) visit(this.#read(place, text));
      if (rows.length < textPageSize) return;
      after = rows[rows.length - 1]?.key;
    }
  }

  /** The sealed value in a text; an unparseable text counts as a malformed sealed value. */
  #read(place: SealedInText, text: string): Buffer | undefined {
    try {
      return place.read(text);
    } catch {
      return Buffer.alloc(0);
    }
  }

  #keyIdOf(sealed: Buffer): string {
    try {
      return this.deps.envelope.keyIdOf(sealed);
    } catch {
      return malformedKeyId;
    }
  }
}
