import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ChainWalk,
  canonicalEncoding,
  checkpointsDue,
  entryHash,
  genesisHash,
  type ChainedFields,
  type Checkpoint,
  type StoredEntry,
} from '../../../src/modules/audit/audit-chain.js';
import { purgeLimit } from '../../../src/modules/audit/audit-retention.js';
import { auditKeyId, signCheckpoint, type AuditKey } from '../../../src/modules/audit/audit-signing-keys.js';

// An independent restatement of the documented encoding (docs/audit.md), field by field.
function restated(fields: Array<string | null>): Buffer {
  const bytes: number[] = [];
  for (const field of fields) {
    if (field === null) {
      bytes.push(0);
      continue;
    }
    const utf8 = [...new TextEncoder().encode(field)];
    const n = utf8.length;
    bytes.push(1, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, ...utf8);
  }
  return Buffer.from(bytes);
}

describe('canonical encoding', () => {
  test('matches the documented layout: 0x00 for null, 0x01 + 4-byte big-endian length + UTF-8', () => {
    assert.deepEqual(canonicalEncoding([null]), Buffer.of(0));
    assert.deepEqual(canonicalEncoding(['']), Buffer.of(1, 0, 0, 0, 0));
    assert.deepEqual(canonicalEncoding(['ä', null]), Buffer.of(1, 0, 0, 0, 2, 0xc3, 0xa4, 0));
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: null })), (fields) => {
        assert.deepEqual(canonicalEncoding(fields), restated(fields));
      }),
    );
  });

  test('is unambiguous: different field lists never encode alike', () => {
    assert.notDeepEqual(canonicalEncoding(['ab', 'c']), canonicalEncoding(['a', 'bc']));
    assert.notDeepEqual(canonicalEncoding([null]), canonicalEncoding(['']));
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string(), { nil: null })),
        fc.array(fc.option(fc.string(), { nil: null })),
        (a, b) => {
          fc.pre(JSON.stringify(a) !== JSON.stringify(b));
          // Lone surrogates become U+FFFD in UTF-8 (and in the database): compare what is stored.
          fc.pre(a.concat(b).every((s) => s === null || Buffer.from(s).toString() === s));
          assert.notDeepEqual(canonicalEncoding(a), canonicalEncoding(b));
        },
      ),
    );
  });
});

const sample: ChainedFields = {
  seq: 1,
  prevHash: genesisHash,
  occurredAt: '2026-01-02T03:04:05.000Z',
  actorType: 'citizen',
  actorId: '7',
  action: 'message.read',
  subjectType: 'message',
  subjectId: '42',
  requestId: null,
  details: '{"contentShown":true}',
};

describe('entry hash', () => {
  test('is SHA-256 over the tag, the sequence number, prev_hash and every column in order', () => {
    const expected = createHash('sha256')
      .update(
        restated([
          'asiointitili audit entry v1',
          '1',
          genesisHash,
          '2026-01-02T03:04:05.000Z',
          'citizen',
          '7',
          'message.read',
          'message',
          '42',
          null,
          '{"contentShown":true}',
        ]),
      )
      .digest('hex');
    assert.equal(entryHash(sample), expected);
  });

  test('changes with every field', () => {
    const changes: Array<Partial<ChainedFields>> = [
      { seq: 2 },
      { prevHash: 'f'.repeat(64) },
      { occurredAt: '2026-01-02T03:04:06.000Z' },
      { actorType: 'staff' },
      { actorId: null },
      { action: 'message.send' },
      { subjectType: null },
      { subjectId: '43' },
      { requestId: '' },
      { details: null },
    ];
    for (const change of changes) assert.notEqual(entryHash({ ...sample, ...change }), entryHash(sample));
  });
});

function key(): AuditKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid: auditKeyId(publicKey), publicKey, privateKey };
}

function chain(length: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq++) {
    const fields = { ...sample, seq, prevHash, subjectId: String(seq) };
    const hash = entryHash(fields);
    entries.push({ ...fields, id: seq + 10, hash });
    prevHash = hash;
  }
  return entries;
}

function walk(entries: StoredEntry[], checkpoints: Checkpoint[], signer: AuditKey, head = entries.at(-1)) {
  const run = new ChainWalk({
    checkpoints,
    keys: new Map([[signer.kid, signer.publicKey]]),
    scope: { kind: 'database', head: { seq: head?.seq ?? 0, hash: head?.hash ?? genesisHash } },
  });
  const refused = run.start();
  if (refused) return { ok: false as const, problem: refused };
  for (const entry of entries) {
    const problem = run.add(entry);
    if (problem) return { ok: false as const, problem };
  }
  return run.finish();
}

function checkpointAt(entries: StoredEntry[], seq: number, signer: AuditKey, purgedThrough = 0): Checkpoint {
  const hash = entries.find((e) => e.seq === seq)!.hash!;
  return {
    id: seq,
    ...signCheckpoint({ seq, hash, purgedThrough, createdAt: '2026-01-02T04:00:00.000Z' }, signer),
  };
}

describe('ChainWalk', () => {
  const signer = key();

  test('accepts an intact chain and reports what it checked', () => {
    const entries = chain(10);
    const result = walk(entries, [checkpointAt(entries, 5, signer)], signer);
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.summary, {
      entries: 10,
      unchained: 0,
      firstSeq: 1,
      lastSeq: 10,
      checkpoints: 1,
      lastCheckpointSeq: 5,
      purgedThrough: 0,
    });
  });

  test('names the first modified, deleted, inserted or reordered entry', () => {
    const entries = chain(10);
    const modified = entries.map((e) => (e.seq === 4 ? { ...e, action: 'message.delete' } : e));
    assertProblem(walk(modified, [], signer), 4, /hash does not match/);

    const deleted = entries.filter((e) => e.seq !== 4);
    assertProblem(walk(deleted, [], signer), 5, /expected sequence 4, found 5: entry 4 is missing/);

    const unchained = { ...entries[3]!, id: 14.5, seq: null, prevHash: null, hash: null };
    const inserted = [...entries.slice(0, 4), unchained, ...entries.slice(4)];
    assertProblem(walk(inserted, [], signer), undefined, /unchained row/);

    const swapped = [...entries];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    assertProblem(walk(swapped, [], signer), 5, /expected sequence 4, found 5/);
  });

  test('a rewritten stretch is caught by the checkpoint that signed it', () => {
    const entries = chain(6);
    const checkpoints = [checkpointAt(entries, 6, signer)];
    // Rewrite entry 3 and every hash after it, consistently: only the signature can tell.
    let prevHash = entries[1]!.hash!;
    const rewritten = entries.map((e) => {
      if (e.seq! < 3) return e;
      const fields = { ...e, seq: e.seq!, prevHash, action: e.seq === 3 ? 'forged' : e.action };
      prevHash = entryHash(fields);
      return { ...fields, hash: prevHash };
    });
    const result = walk(rewritten, checkpoints, signer);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.problem.what : '', /checkpoint 6 signed another hash/);
  });

  test('a forged or unknown-key checkpoint is refused', () => {
    const entries = chain(3);
    const good = checkpointAt(entries, 3, signer);
    const forged = { ...good, purgedThrough: 2 };
    assert.match(failure(walk(entries, [forged], signer)), /signature does not verify/);
    const stranger = checkpointAt(entries, 3, key());
    assert.match(failure(walk(entries, [stranger], signer)), /not one of the known keys/);
  });

  test('after retention the chain starts where a checkpoint says it was purged; more missing is found', () => {
    const entries = chain(10);
    const purge = checkpointAt(entries, 10, signer, 4);
    assert.equal(walk(entries.slice(4), [purge], signer).ok, true);
    assert.match(failure(walk(entries.slice(6), [purge], signer)), /entries 5–6 are missing/);
    assert.match(failure(walk(entries.slice(4), [], signer)), /expected sequence 1, found 5/);
  });

  test('entries deleted at the end are found by the head or a checkpoint', () => {
    const entries = chain(8);
    assert.match(failure(walk(entries.slice(0, 6), [], signer, entries.at(-1))), /head names entry 8/);
    const late = checkpointAt(entries, 8, signer);
    assert.match(
      failure(walk(entries.slice(0, 6), [late], signer, entries[5])),
      /names entry 8, which is missing/,
    );
  });

  test('rows from before the chain are skipped while no chained entry has been seen', () => {
    const old = { ...chain(1)[0]!, id: 1, seq: null, prevHash: null, hash: null };
    const result = walk([old, ...chain(2)], [], signer);
    assert.equal(result.ok && result.summary.unchained, 1);
  });
});

function assertProblem(result: ReturnType<typeof walk>, seq: number | undefined, what: RegExp): void {
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.problem.seq, seq);
  assert.match(result.problem.what, what);
}

function failure(result: ReturnType<typeof walk>): string {
  assert.equal(result.ok, false);
  return !result.ok ? result.problem.what : '';
}

describe('checkpointsDue', () => {
  const rule = { every: 100, minutes: 10 };
  const now = new Date('2026-01-02T12:00:00Z');
  test('one every `every` entries, also for a backlog, then the head once the last one is old', () => {
    assert.deepEqual(checkpointsDue({ seq: 0 }, undefined, now, rule), []);
    assert.deepEqual(checkpointsDue({ seq: 5 }, undefined, now, rule), [5]);
    assert.deepEqual(checkpointsDue({ seq: 250 }, undefined, now, rule), [100, 200, 250]);
    const recent = { seq: 200, createdAt: '2026-01-02T11:55:00Z' };
    assert.deepEqual(checkpointsDue({ seq: 250 }, recent, now, rule), []);
    assert.deepEqual(checkpointsDue({ seq: 300 }, recent, now, rule), [300]);
    const old = { seq: 200, createdAt: '2026-01-02T11:50:00Z' };
    assert.deepEqual(checkpointsDue({ seq: 250 }, old, now, rule), [250]);
    assert.deepEqual(checkpointsDue({ seq: 200 }, old, now, rule), []);
  });

  test('never leaves more than `every` entries between checkpoints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(500), fc.nat(500), (every, lastSeq, more) => {
        const due = checkpointsDue(
          { seq: lastSeq + more },
          { seq: lastSeq, createdAt: now.toISOString() },
          now,
          {
            every,
            minutes: 10,
          },
        );
        let previous = lastSeq;
        for (const seq of due) {
          assert.ok(seq - previous <= every && seq > previous);
          previous = seq;
        }
        assert.ok(lastSeq + more - previous < every);
      }),
    );
  });
});

describe('purgeLimit', () => {
  const cutoff = new Date('2026-01-01T00:00:00Z');
  const row = (seq: number, day: string) => ({ seq, occurredAt: `${day}T00:00:00.000Z` });
  test('cuts only a gapless prefix written before the cutoff', () => {
    assert.equal(
      purgeLimit(0, [row(1, '2025-01-01'), row(2, '2025-06-01'), row(3, '2026-02-01')], cutoff),
      2,
    );
    assert.equal(purgeLimit(0, [row(1, '2026-02-01'), row(2, '2025-06-01')], cutoff), 0);
    assert.equal(purgeLimit(4, [row(5, '2025-01-01'), row(7, '2025-01-01')], cutoff), 5);
    assert.equal(purgeLimit(4, [], cutoff), 4);
  });
});
