import assert from 'node:assert/strict';
import fs from 'node:fs';
import { beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { identityCodeLikePattern } from '../../src/domain/identity-code.js';
import { entryHash, genesisHash, storedEntryOf } from '../../src/modules/audit/audit-chain.js';
import {
  ExportVerifier,
  recordAudit,
  type ChainResult,
  type ExportLine,
} from '../../src/modules/audit/index.js';
import { rotateAuditKeyFile } from '../../src/modules/audit/audit-signing-keys.js';
import { workerTasks } from '../../src/worker/tasks.js';
import { persons } from '../helpers/fixtures.js';
import { useSuiteHarness } from '../helpers/suite-harness.js';

/**
 * The audit chain on whichever database the suite runs (SQLite, or PostgreSQL with TEST_DB=postgres):
 * written by recordAudit in one order also under concurrent writers, checked by verify, which names
 * the first entry changed, removed, inserted or reordered with SQL behind its back; signed
 * checkpoints, exports checked offline, and retention that still verifies.
 */

const h = useSuiteHarness({ now: '2026-03-02T10:00:00.000Z' });
const db = () => h.context.database.db;

async function reset(): Promise<void> {
  await db().deleteFrom('audit_checkpoints').execute();
  await db().deleteFrom('audit_events').execute();
  await db().updateTable('audit_chain_head').set({ seq: 0, hash: genesisHash }).where('id', '=', 1).execute();
}

async function record(count: number, action = 'message.read'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await recordAudit(db(), {
      actorType: 'citizen',
      actorId: String(100 + i),
      action,
      subjectType: 'message',
      subjectId: String(i),
      requestId: `req-${i}`,
      details: { contentShown: i % 2 === 0 },
      occurredAt: h.context.clock(),
    });
  }
}

const verify = () => h.services.audit.verify(() => {});

function assertBroken(result: ChainResult, at: { seq?: number; entryId?: number }, what: RegExp): void {
  assert.equal(result.ok, false, 'verify found nothing');
  if (result.ok) return;
  if ('seq' in at) assert.equal(result.problem.seq, at.seq);
  if ('entryId' in at) assert.equal(result.problem.entryId, at.entryId);
  assert.match(result.problem.what, what);
}

const rowAt = (seq: number) =>
  db().selectFrom('audit_events').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

describe('audit chain', () => {
  beforeEach(reset);

  test('each entry takes the next number and links to the one before it', async () => {
    await record(3);
    await db()
      .transaction()
      .execute((trx) =>
        recordAudit(trx, { actorType: 'system', actorId: null, action: 'x', occurredAt: h.context.clock() }),
      );
    const rows = await db().selectFrom('audit_events').selectAll().orderBy('id').execute();
    assert.deepEqual(
      rows.map((row) => row.seq),
      [1, 2, 3, 4],
    );
    assert.equal(rows[0]!.prev_hash, genesisHash);
    for (const [i, row] of rows.entries()) {
      if (i > 0) assert.equal(row.prev_hash, rows[i - 1]!.hash);
      const fields = { ...storedEntryOf(row), seq: row.seq!, prevHash: row.prev_hash! };
      assert.equal(row.hash, entryHash(fields));
    }
    const head = await db().selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([Number(head.seq), head.hash], [4, rows[3]!.hash]);
    const result = await verify();
    assert.equal(result.ok && result.summary.entries, 4);
  });

  test('an entry rolled back with its transaction leaves no gap', async () => {
    await record(2);
    await assert.rejects(
      db()
        .transaction()
        .execute(async (trx) => {
          await recordAudit(trx, {
            actorType: 'system',
            actorId: null,
            action: 'y',
            occurredAt: h.context.clock(),
          });
          throw new Error('rolled back');
        }),
      /rolled back/,
    );
    await record(1);
    const seqs = await db().selectFrom('audit_events').select('seq').orderBy('seq').execute();
    assert.deepEqual(
      seqs.map((row) => row.seq),
      [1, 2, 3],
    );
    assert.equal((await verify()).ok, true);
  });

  test('20 concurrent transactions keep one gapless order', async () => {
    const writers = Array.from({ length: 20 }, (_, writer) =>
      db()
        .transaction()
        .execute(async (trx) => {
          for (let i = 0; i < 3; i++) {
            await recordAudit(trx, {
              actorType: 'system',
              actorId: String(writer),
              action: 'concurrent',
              details: { i },
              occurredAt: h.context.clock(),
            });
            // Give the other transactions a turn between this one's entries.
            await sql`select 1`.execute(trx);
          }
        }),
    );
    await Promise.all(writers);
    const seqs = await db().selectFrom('audit_events').select(['seq', 'actor_id']).orderBy('seq').execute();
    assert.deepEqual(
      seqs.map((row) => row.seq),
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    // The head's lock holds a writer's three entries together until it commits.
    for (let i = 0; i < 60; i += 3) {
      assert.equal(new Set(seqs.slice(i, i + 3).map((row) => row.actor_id)).size, 1);
    }
    const result = await verify();
    assert.equal(result.ok && result.summary.entries, 60);
  });

  test('a modified entry is named', async () => {
    await record(10);
    const target = await rowAt(4);
    await db().updateTable('audit_events').set({ subject_id: '999' }).where('id', '=', target.id).execute();
    assertBroken(
      await verify(),
      { seq: 4, entryId: target.id },
      /hash does not match the entry \(modified\)/,
    );
  });

  test('a deleted entry is named by the one after it', async () => {
    await record(10);
    await db().deleteFrom('audit_events').where('seq', '=', 4).execute();
    const next = await rowAt(5);
    assertBroken(
      await verify(),
      { seq: 5, entryId: next.id },
      /expected sequence 4, found 5: entry 4 is missing/,
    );
  });

  test('an inserted row is named, chained or not', async () => {
    await record(5);
    const last = await rowAt(5);
    const forged = {
      seq: 6,
      prevHash: last.hash!,
      occurredAt: last.occurred_at,
      actorType: 'staff',
      actorId: '1',
      action: 'forged',
      subjectType: null,
      subjectId: null,
      requestId: null,
      details: null,
    };
    await db()
      .insertInto('audit_events')
      .values({
        seq: 6,
        prev_hash: forged.prevHash,
        hash: entryHash(forged),
        occurred_at: forged.occurredAt,
        actor_type: 'staff',
        actor_id: '1',
        action: 'forged',
      })
      .execute();
    assertBroken(await verify(), { seq: 6 }, /the chain head names entry 5, but the last entry is 6/);
    await db().deleteFrom('audit_events').where('seq', '=', 6).execute();
    await db()
      .insertInto('audit_events')
      .values({ occurred_at: last.occurred_at, actor_type: 'staff', actor_id: '1', action: 'forged' })
      .execute();
    const inserted = await db()
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'forged')
      .executeTakeFirstOrThrow();
    assertBroken(await verify(), { entryId: inserted.id }, /unchained row after the chain began/);
    // Rows an older release wrote during the upgrade: tolerated up to the time the operator names.
    const until = new Date(Date.parse(last.occurred_at) + 1000);
    const tolerated = await h.services.audit.verify(() => {}, { unchainedUntil: until });
    assert.equal(tolerated.ok && tolerated.summary.unchained, 1);
  });

  test('two swapped entries are named', async () => {
    await record(10);
    const [a, b] = [await rowAt(4), await rowAt(5)];
    const { id: aId, ...aContent } = a;
    const { id: bId, ...bContent } = b;
    // Move one out of the way first: seq is unique.
    await db().updateTable('audit_events').set({ seq: null }).where('id', '=', aId).execute();
    await db().updateTable('audit_events').set(aContent).where('id', '=', bId).execute();
    await db().updateTable('audit_events').set(bContent).where('id', '=', aId).execute();
    assertBroken(await verify(), { seq: 5, entryId: aId }, /expected sequence 4, found 5/);
  });

  test('a checkpoint holds the chain: a consistent rewrite before it and a forged signature are named', async () => {
    await record(6);
    assert.equal(await h.services.audit.writeCheckpoints({ now: true }), 1);
    assert.equal((await verify()).ok, true);
    // Rewrite entry 3 and recompute every hash after it, as someone with database access could.
    let prevHash = (await rowAt(2)).hash!;
    for (let seq = 3; seq <= 6; seq++) {
      const row = await rowAt(seq);
      const fields = {
        ...storedEntryOf(row),
        seq,
        prevHash,
        action: seq === 3 ? 'rewritten' : row.action,
      };
      prevHash = entryHash(fields);
      await db()
        .updateTable('audit_events')
        .set({ action: fields.action, prev_hash: fields.prevHash, hash: prevHash })
        .where('id', '=', row.id)
        .execute();
    }
    await db().updateTable('audit_chain_head').set({ hash: prevHash }).execute();
    assertBroken(await verify(), { seq: 6 }, /checkpoint \d+ signed another hash for this entry/);
    // Re-signing it without the key does not help.
    await db().updateTable('audit_checkpoints').set({ hash: prevHash }).execute();
    assertBroken(await verify(), { seq: 6 }, /signature does not verify \(forged or altered\)/);
  });

  test('the worker signs at least every AUDIT_CHECKPOINT_EVERY entries, and the head after the minutes', async () => {
    const every = h.context.config.auditCheckpointEvery;
    await record(3);
    // No checkpoint yet: the first one is due at once; the worker's task writes it.
    const task = workerTasks(h.context, h.services).find(
      (candidate) => candidate.name === 'audit-checkpoint',
    )!;
    await task.run();
    assert.equal(await h.services.audit.writeCheckpoints(), 0);
    const checkpointSeqs = async () =>
      (await db().selectFrom('audit_checkpoints').select('seq').orderBy('seq').execute()).map((r) =>
        Number(r.seq),
      );
    assert.deepEqual(await checkpointSeqs(), [3]);
    h.setNow(new Date(h.context.clock().getTime() + (h.context.config.auditCheckpointMinutes + 1) * 60_000));
    await record(2);
    assert.equal(await h.services.audit.writeCheckpoints(), 1);
    assert.deepEqual(await checkpointSeqs(), [3, 5]);
    assert.ok(every > 5);
  });

  test('retention purges the start of the chain and records the cut; a deletion beyond it is named', async () => {
    const old = new Date('2019-01-01T00:00:00.000Z');
    const now = h.context.clock();
    h.setNow(old);
    await record(5);
    h.setNow(now);
    await record(3);
    assert.equal(await h.services.audit.purgeExpired(), 5);
    const result = await verify();
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && [result.summary.firstSeq, result.summary.purgedThrough], [6, 5]);
    assert.equal(await h.services.audit.purgeExpired(), 0);
    // Removing the next entry too looks like more of the same purge, but no checkpoint vouches for it.
    await db().deleteFrom('audit_events').where('seq', '=', 6).execute();
    assertBroken(await verify(), { seq: 7 }, /expected sequence 6, found 7: entry 6 is missing/);
  });

  test('a rotated key signs the next checkpoints; the older ones still verify', async () => {
    await record(2);
    await h.services.audit.writeCheckpoints({ now: true });
    rotateAuditKeyFile(h.context.config.auditSigningKeys.file);
    await record(2);
    await h.services.audit.writeCheckpoints({ now: true });
    const kids = await db().selectFrom('audit_checkpoints').select('key_id').orderBy('seq').execute();
    assert.equal(new Set(kids.map((k) => k.key_id)).size, 2);
    const result = await verify();
    assert.equal(result.ok && result.summary.checkpoints, 2);
  });

  test('an export verifies offline; a changed line is named', async () => {
    h.setNow('2026-03-01T10:00:00.000Z');
    await record(3);
    h.setNow('2026-03-02T10:00:00.000Z');
    await record(4, 'message.open');
    await h.services.audit.writeCheckpoints({ now: true });
    h.setNow('2026-03-03T10:00:00.000Z');
    await record(2);
    const lines: string[] = [];
    const count = await h.services.audit.export(
      { from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-02T12:00:00Z') },
      async (line: ExportLine) => {
        lines.push(JSON.stringify(line));
      },
    );
    assert.equal(count, 4);
    const entries = lines
      .map((line) => JSON.parse(line) as ExportLine)
      .filter((line) => line.type === 'entry');
    assert.deepEqual(
      entries.map((line) => line.seq),
      [4, 5, 6, 7],
    );
    const check = (text: string[]) => {
      const verifier = new ExportVerifier();
      for (const line of text) {
        const problem = verifier.line(line);
        if (problem) return problem;
      }
      return verifier.finish();
    };
    const intact = check(lines);
    assert.equal(intact.ok && intact.summary.checkpoints, 1);
    const changedAt = lines.findIndex((line) => line.includes('"seq":5,'));
    const changed = [...lines];
    changed[changedAt] = changed[changedAt]!.replace('"message.open"', '"message.delete"');
    const broken = check(changed);
    assert.equal(broken.ok, false);
    assert.deepEqual(!broken.ok && [broken.problem.line, broken.problem.seq], [changedAt + 1, 5]);
    const dropped = check(lines.filter((_, i) => i !== changedAt));
    assert.match(!dropped.ok ? dropped.problem.what : '', /entry 5 is missing/);
    // The key file is the one the service signs with.
    assert.ok(fs.existsSync(h.context.config.auditSigningKeys.file));
  });

  test('entries of a typical flow hold no identity code', async () => {
    const organisation = await h.fixtures.organisation();
    const account = await h.fixtures.account({ identityCode: persons.kimmo });
    const { messageId } = await h.fixtures.message({
      organisation,
      accountId: account.id,
      recipientId: persons.kimmo,
    });
    await h.services.mailbox.reading.openMessage({ accountId: account.id, requestId: 'r1' }, messageId);
    const caseWorker = { organisationId: organisation.id, staffMemberId: 11, servicePks: 'all' as const };
    await h.services.messaging.staff.checkMailbox(
      caseWorker,
      persons.kimmo,
      `Asiakkaan ${persons.kimmo} pyyntö`,
    );
    await h.services.messaging.staff.sentMessage(caseWorker, messageId, 'Asian käsittely');
    const rows = await db().selectFrom('audit_events').selectAll().execute();
    assert.ok(rows.length >= 3, 'the flow was audited');
    const text = JSON.stringify(rows);
    assert.equal(text.includes(persons.kimmo), false);
    assert.deepEqual(text.match(identityCodeLikePattern), null);
    assert.equal((await verify()).ok, true);
  });
});
