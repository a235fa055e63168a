import { createHash, verify as verifySignature, type KeyObject } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../../db/schema.js';

/**
 * The audit trail's hash chain, as pure functions: the canonical encoding of an entry and of a
 * checkpoint, the entry hash, and the walk that checks a chain handed to it in order (from the
 * database or from an export). No I/O here; docs/audit.md states the same rules for an auditor who
 * wants to check a chain with other tools.
 *
 * Canonical encoding: a list of fields, each either absent (one byte 0x00) or a string (one byte
 * 0x01, its UTF-8 length as a 4-byte big-endian unsigned integer, then its UTF-8 bytes). Numbers are
 * written as decimal strings. The first field names what is encoded and its version, so an entry's
 * bytes can never be read as a checkpoint's.
 */

/** prev_hash of the first chained entry (sequence 1): 64 zeros. */
export const genesisHash = '0'.repeat(64);

const entryTag = 'asiointitili audit entry v1';
const checkpointTag = 'asiointitili audit checkpoint v1';

/** Length-prefixed fields; see the module comment. */
export function canonicalEncoding(fields: ReadonlyArray<string | null>): Buffer {
  const parts: Buffer[] = [];
  for (const field of fields) {
    if (field === null) {
      parts.push(Buffer.of(0));
      continue;
    }
    const bytes = Buffer.from(field, 'utf8');
    const header = Buffer.alloc(5);
    header.writeUInt8(1, 0);
    header.writeUInt32BE(bytes.length, 1);
    parts.push(header, bytes);
  }
  return Buffer.concat(parts);
}

/** An audit row as stored: every column the hash covers, plus id and hash. */
export interface ChainedFields {
  seq: number;
  prevHash: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  requestId: string | null;
  /** The stored JSON text, hashed as it is stored (not re-serialised). */
  details: string | null;
}

export interface StoredEntry extends Omit<ChainedFields, 'seq' | 'prevHash'> {
  id: number;
  /** Null on rows written before the chain began. */
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
}

/** A row as the chain sees it (an audit_events row). */
export function storedEntryOf(row: Selectable<AuditEventsTable>): StoredEntry {
  return {
    id: row.id,
    seq: row.seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    requestId: row.request_id,
    details: row.details,
  };
}

export function entryEncoding(entry: ChainedFields): Buffer {
  return canonicalEncoding([
    entryTag,
    String(entry.seq),
    entry.prevHash,
    entry.occurredAt,
    entry.actorType,
    entry.actorId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.requestId,
    entry.details,
  ]);
}

/** SHA-256 of the entry's canonical encoding, lowercase hex. */
export function entryHash(entry: ChainedFields): string {
  return createHash('sha256').update(entryEncoding(entry)).digest('hex');
}

/** What a checkpoint states; the signature is over checkpointEncoding of it. */
export interface CheckpointStatement {
  seq: number;
  hash: string;
  purgedThrough: number;
  createdAt: string;
  keyId: string;
}

export interface Checkpoint extends CheckpointStatement {
  id: number;
  /** Ed25519 signature over checkpointEncoding, base64url. */
  signature: string;
}

export function checkpointEncoding(statement: CheckpointStatement): Buffer {
  return canonicalEncoding([
    checkpointTag,
    String(statement.seq),
    statement.hash,
    String(statement.purgedThrough),
    statement.createdAt,
    statement.keyId,
  ]);
}

export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verifySignature(
      null,
      checkpointEncoding(checkpoint),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

/**
 * Which sequence numbers the worker signs now, oldest first: one every `every` entries after the
 * last checkpoint (so the rule holds even when the worker looks rarely), and the head when entries
 * are waiting and the last checkpoint is `minutes` old (or there is none yet).
 */
export function checkpointsDue(
  head: { seq: number },
  last: { seq: number; createdAt: string } | undefined,
  now: Date,
  rule: { every: number; minutes: number },
): number[] {
  const lastSeq = last?.seq ?? 0;
  if (head.seq <= lastSeq) return [];
  const due: number[] = [];
  for (let seq = lastSeq + rule.every; seq <= head.seq; seq += rule.every) due.push(seq);
  const ageMs = last === undefined ? Infinity : now.getTime() - Date.parse(last.createdAt);
  if (due.at(-1) !== head.seq && ageMs >= rule.minutes * 60_000) due.push(head.seq);
  return due;
}

/** The first thing wrong with a chain: the entry (or checkpoint) and what is wrong with it. */
export interface ChainProblem {
  entryId?: number | undefined;
  seq?: number | undefined;
  checkpointId?: number | undefined;
  /** Export files: the line it is on. */
  line?: number | undefined;
  what: string;
}

export interface ChainSummary {
  /** Chained entries checked. */
  entries: number;
  /** Rows without a place in the chain (written before it began, or tolerated by unchainedUntil). */
  unchained: number;
  firstSeq: number | undefined;
  lastSeq: number | undefined;
  checkpoints: number;
  /** The newest checkpoint's sequence number. */
  lastCheckpointSeq: number | undefined;
  /** Entries up to here were purged by retention, as the checkpoints say. */
  purgedThrough: number;
}

export type ChainResult = { ok: true; summary: ChainSummary } | { ok: false; problem: ChainProblem };

export interface ChainWalkOptions {
  checkpoints: readonly Checkpoint[];
  /** Public keys by key id. */
  keys: ReadonlyMap<string, KeyObject>;
  /**
   * `database`: the whole chain; the first entry must follow what retention purged, and the head row
   * must name the last entry. `export`: a stretch of it; it may start and end anywhere.
   */
  scope: { kind: 'database'; head: { seq: number; hash: string } } | { kind: 'export' };
  /**
   * Unchained rows after the chain began that were written (occurred_at) before this instant are
   * counted, not refused: rows an older release wrote during the upgrade that brought the chain.
   */
  unchainedUntil?: Date | undefined;
}

/**
 * Checks a chain fed to it entry by entry in storage order (id order in the database, line order in
 * an export). `start()` checks the checkpoints' signatures; `add()` each entry; `finish()` what can
 * only be seen at the end. Each returns the first problem, after which the walk is over.
 */
export class ChainWalk {
  readonly #options: ChainWalkOptions;
  readonly #bySeq = new Map<number, Checkpoint[]>();
  #purgedThrough = 0;
  #previous: { id: number; seq: number; hash: string } | undefined;
  #firstSeq: number | undefined;
  #entries = 0;
  #unchained = 0;

  constructor(options: ChainWalkOptions) {
    this.#options = options;
  }

  start(): ChainProblem | undefined {
    for (const checkpoint of this.#options.checkpoints) {
      const at = { checkpointId: checkpoint.id, seq: checkpoint.seq };
      const key = this.#options.keys.get(checkpoint.keyId);
      if (key === undefined) {
        const known =
          this.#options.keys.size === 0
            ? 'but no audit signing key is known (AUDIT_SIGNING_KEY_FILE)'
            : 'not one of the known keys';
        return {
          ...at,
          what: `checkpoint ${checkpoint.id} is signed with key ${checkpoint.keyId}, ${known}`,
        };
      }
      if (!checkpointSignatureValid(checkpoint, key)) {
        return {
          ...at,
          what: `checkpoint ${checkpoint.id} (sequence ${checkpoint.seq}): the signature does not verify (forged or altered)`,
        };
      }
      this.#purgedThrough = Math.max(this.#purgedThrough, checkpoint.purgedThrough);
      const list = this.#bySeq.get(checkpoint.seq) ?? [];
      list.push(checkpoint);
      this.#bySeq.set(checkpoint.seq, list);
    }
    return undefined;
  }

  add(entry: StoredEntry): ChainProblem | undefined {
    const at = { entryId: entry.id, seq: entry.seq ?? undefined };
    if (entry.seq === null) {
      const tolerated = this.#options.unchainedUntil;
      if (this.#previous === undefined || (tolerated && entry.occurredAt < tolerated.toISOString())) {
        this.#unchained += 1;
        return undefined;
      }
      return { ...at, what: 'an unchained row after the chain began (inserted outside recordAudit)' };
    }
    if (entry.prevHash === null || entry.hash === null) {
      return { ...at, what: 'a chained row without prev_hash or hash' };
    }
    const expected = this.#expectedSeq();
    if (expected !== undefined && entry.seq !== expected) {
      return {
        ...at,
        what:
          entry.seq > expected
            ? `expected sequence ${expected}, found ${entry.seq}: ${missingText(expected, entry.seq - 1)} (deleted) or rows were moved`
            : `expected sequence ${expected}, found ${entry.seq}: rows are out of order (reordered or inserted)`,
      };
    }
    const linkTo = this.#previous?.hash ?? (entry.seq === 1 ? genesisHash : undefined);
    if (linkTo !== undefined && entry.prevHash !== linkTo) {
      return {
        ...at,
        what:
          this.#previous === undefined
            ? 'the first entry does not start from the genesis hash'
            : `prev_hash does not match the hash of entry ${this.#previous.seq} before it (an entry was changed, removed or inserted)`,
      };
    }
    if (entryHash({ ...entry, seq: entry.seq, prevHash: entry.prevHash }) !== entry.hash) {
      return { ...at, what: 'the hash does not match the entry (modified)' };
    }
    for (const checkpoint of this.#bySeq.get(entry.seq) ?? []) {
      if (checkpoint.hash !== entry.hash) {
        return {
          ...at,
          checkpointId: checkpoint.id,
          what: `checkpoint ${checkpoint.id} signed another hash for this entry (the chain up to here was rewritten)`,
        };
      }
    }
    this.#firstSeq ??= entry.seq;
    this.#previous = { id: entry.id, seq: entry.seq, hash: entry.hash };
    this.#entries += 1;
    return undefined;
  }

  finish(): ChainResult {
    const { scope, checkpoints } = this.#options;
    const lastSeq = this.#previous?.seq;
    for (const checkpoint of checkpoints) {
      const inPurged = checkpoint.seq <= this.#purgedThrough;
      if (checkpoint.seq > (lastSeq ?? 0) && !inPurged) {
        return problem({
          checkpointId: checkpoint.id,
          seq: checkpoint.seq,
          what: `checkpoint ${checkpoint.id} names entry ${checkpoint.seq}, which is missing (entries at the end were deleted)`,
        });
      }
    }
    if (scope.kind === 'database') {
      if (this.#previous === undefined) {
        if (scope.head.seq > this.#purgedThrough) {
          return problem({
            what: `the chain head names entry ${scope.head.seq} but no chained entry is left after those purged (through ${this.#purgedThrough})`,
          });
        }
      } else if (this.#previous.seq !== scope.head.seq || this.#previous.hash !== scope.head.hash) {
        return problem({
          entryId: this.#previous.id,
          seq: this.#previous.seq,
          what: `the chain head names entry ${scope.head.seq}, but the last entry is ${this.#previous.seq}${this.#previous.seq === scope.head.seq ? ' with another hash' : ''} (entries at the end were deleted or rewritten)`,
        });
      }
    }
    const lastCheckpointSeq =
      checkpoints.length === 0 ? undefined : Math.max(...checkpoints.map((c) => c.seq));
    return {
      ok: true,
      summary: {
        entries: this.#entries,
        unchained: this.#unchained,
        firstSeq: this.#firstSeq,
        lastSeq,
        checkpoints: checkpoints.length,
        lastCheckpointSeq,
        purgedThrough: this.#purgedThrough,
      },
    };
  }

  /** The sequence number the next entry must have; undefined when any is fine (an export's first). */
  #expectedSeq(): number | undefined {
    if (this.#previous !== undefined) return this.#previous.seq + 1;
    return this.#options.scope.kind === 'database' ? this.#purgedThrough + 1 : undefined;
  }
}

function problem(found: ChainProblem): ChainResult {
  return { ok: false, problem: found };
}

function missingText(from: number, to: number): string {
  return from === to ? `entry ${from} is missing` : `entries ${from}–${to} are missing`;
}
