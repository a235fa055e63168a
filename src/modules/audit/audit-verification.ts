import type { JsonWebKey, KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { ChainWalk, type ChainResult, type Checkpoint, type StoredEntry } from './audit-chain.js';
import { AuditRepository } from './audit-repository.js';
import { publicKeysOf } from './audit-signing-keys.js';

/** Rows read per query while walking the chain. */
export const verifyBatchSize = 1000;

export type VerifyProgress = (done: number, total: number) => void;

/**
 * Runs `read` on the audit tables in one consistent snapshot (repeatable read on PostgreSQL; SQLite's
 * read transaction): the chain is read in batches, and entries written or purged meanwhile must not
 * show in some batches and not in others.
 */
function inOneSnapshot<T>(
  db: Kysely<DatabaseSchema>,
  read: (repository: AuditRepository) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => read(new AuditRepository(trx)));
}

/**
 * Checks the whole chain in the database (see ChainWalk), in one consistent snapshot (repeatable
 * read on PostgreSQL; SQLite's read transaction), so writers and the purge may go on meanwhile.
 */
export function verifyDatabaseChain(
  db: Kysely<DatabaseSchema>,
  keys: ReadonlyMap<string, KeyObject>,
  onProgress: VerifyProgress,
  unchainedUntil?: Date,
): Promise<ChainResult> {
  return inOneSnapshot(db, async (repository) => {
    const [checkpoints, head, total] = await Promise.all([
      repository.checkpoints(),
      repository.head(),
      repository.countEntries(),
    ]);
    const walk = new ChainWalk({ checkpoints, keys, scope: { kind: 'database', head }, unchainedUntil });
    const refused = walk.start();
    if (refused) return { ok: false, problem: refused };
    let afterId = 0;
    let done = 0;
    onProgress(0, total);
    for (;;) {
      const rows = await repository.entriesAfterId(afterId, verifyBatchSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        const problem = walk.add(row);
        if (problem) return { ok: false, problem };
      }
      done += rows.length;
      afterId = rows.at(-1)!.id;
      onProgress(done, total);
    }
    return walk.finish();
  });
}

/** The lines of an export file (JSON Lines): a header, the keys, the checkpoints, then the entries. */
export type ExportLine =
  | {
      type: 'audit-export';
      version: 1;
      from: string;
      to: string;
      exportedAt: string;
      firstSeq: number | null;
      lastSeq: number | null;
    }
  | { type: 'key'; jwk: JsonWebKey }
  | ({ type: 'checkpoint' } & Checkpoint)
  | ({ type: 'entry' } & StoredEntry);

/**
 * An export for an auditor: the chained entries from the first one written at or after `from`
 * through the last one written before `to`, continued to the first checkpoint after them (so every
 * entry is covered by a signature where one exists yet), with those checkpoints and the public keys.
 * Read in one snapshot; `write` gets the lines in order (awaited, so a slow file holds the reading).
 * Returns how many entries were written.
 */
export function exportChain(
  db: Kysely<DatabaseSchema>,
  range: { from: Date; to: Date; exportedAt: Date },
  publicJwks: readonly JsonWebKey[],
  write: (line: ExportLine) => Promise<void>,
): Promise<number> {
  return inOneSnapshot(db, async (repository) => {
    const first = await repository.seqByTime({ from: range.from });
    const last = await repository.seqByTime({ before: range.to });
    const empty = first === undefined || last === undefined || last < first;
    const end = empty ? undefined : ((await repository.checkpointFrom(last))?.seq ?? last);
    await write({
      type: 'audit-export',
      version: 1,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      exportedAt: range.exportedAt.toISOString(),
      firstSeq: empty ? null : first,
      lastSeq: end ?? null,
    });
    for (const jwk of publicJwks) await write({ type: 'key', jwk });
    if (empty || end === undefined) return 0;
    for (const checkpoint of await repository.checkpointsBetween(first, end)) {
      await write({ type: 'checkpoint', ...checkpoint });
    }
    let count = 0;
    for (let next = first; next <= end;) {
      const rows = await repository.entriesBySeq(next, end, verifyBatchSize);
      if (rows.length === 0) break;
      for (const row of rows) await write({ type: 'entry', ...row });
      count += rows.length;
      next = rows.at(-1)!.seq! + 1;
    }
    return count;
  });
}

/**
 * Checks an export without the database: feed it the file's lines in order. Keys come from the file
 * unless trusted ones are given (an auditor's copy of the operator's public keys).
 */
export class ExportVerifier {
  #walk: ChainWalk | undefined;
  #lineNumber = 0;
  #header = false;
  readonly #jwks: JsonWebKey[] = [];
  readonly #checkpoints: Checkpoint[] = [];

  constructor(private readonly trustedKeys?: ReadonlyMap<string, KeyObject>) {}

  /** Returns the first problem found (with its line number). */
  line(text: string): ChainResult | undefined {
    this.#lineNumber += 1;
    const line = this.#lineNumber;
    if (text.trim() === '') return undefined;
    let parsed: ExportLine;
    try {
      parsed = JSON.parse(text) as ExportLine;
    } catch {
      return this.fail('not valid JSON');
    }
    if (!this.#header) {
      if (parsed.type !== 'audit-export' || parsed.version !== 1) {
        return this.fail('the file does not start with an audit export header (version 1)');
      }
      this.#header = true;
      return undefined;
    }
    if (parsed.type === 'key' || parsed.type === 'checkpoint') {
      if (this.#walk) return this.fail(`a ${parsed.type} line after the entries began`);
      if (parsed.type === 'key') this.#jwks.push(parsed.jwk);
      else this.#checkpoints.push({ ...checkpointOf(parsed) });
      return undefined;
    }
    if (parsed.type !== 'entry') return this.fail('a line of unknown type');
    if (!this.#walk) {
      const started = this.begin();
      if (started) return started;
    }
    const problem = this.#walk!.add(entryOf(parsed));
    return problem ? { ok: false, problem: { ...problem, line } } : undefined;
  }

  finish(): ChainResult {
    if (!this.#header) return this.fail('the file is empty');
    if (!this.#walk) {
      const started = this.begin();
      if (started) return started;
    }
    return this.#walk!.finish();
  }

  private begin(): ChainResult | undefined {
    let keys: ReadonlyMap<string, KeyObject>;
    try {
      keys = this.trustedKeys ?? publicKeysOf(this.#jwks, 'the export');
    } catch (error) {
      return this.fail((error as Error).message);
    }
    this.#walk = new ChainWalk({ checkpoints: this.#checkpoints, keys, scope: { kind: 'export' } });
    const problem = this.#walk.start();
    return problem ? { ok: false, problem } : undefined;
  }

  private fail(what: string): ChainResult {
    return { ok: false, problem: { line: this.#lineNumber, what } };
  }
}

/** Only the fields the chain covers: an extra or missing field in a line changes nothing else. */
function entryOf(line: StoredEntry): StoredEntry {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id: Number(line.id),
    seq: typeof line.seq === 'number' ? line.seq : null,
    prevHash: text(line.prevHash),
    hash: text(line.hash),
    occurredAt: String(line.occurredAt),
    actorType: String(line.actorType),
    actorId: text(line.actorId),
    action: String(line.action),
    subjectType: text(line.subjectType),
    subjectId: text(line.subjectId),
    requestId: text(line.requestId),
    details: text(line.details),
  };
}

function checkpointOf(line: Checkpoint): Checkpoint {
  return {
    id: Number(line.id),
    seq: Number(line.seq),
    hash: String(line.hash),
    purgedThrough: Number(line.purgedThrough),
    createdAt: String(line.createdAt),
    keyId: String(line.keyId),
    signature: String(line.signature),
  };
}
