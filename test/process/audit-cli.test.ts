import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { persons } from '../helpers/fixtures.js';
import { jsonOf, useMigratedCliEnvironment } from '../helpers/cli-in-process.js';
import { runCli } from '../helpers/cli-process.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * `asiointitili audit …` as an operator runs it: a key made with rotate-key, a checkpoint, verify on
 * the database, an export checked offline (and a tampered copy refused), and the real process's exit
 * status when the chain is broken.
 */
const { env, cli } = useMigratedCliEnvironment('asiointitili-audit-cli-');

describe(`audit commands (${testDialect})`, () => {
  test('rotate-key, checkpoint, verify, export and verify --file', async () => {
    const key = await cli(['audit', 'rotate-key']);
    assert.equal(key.failure, undefined);
    const keyFile = path.join(env.DATA_DIR!, 'audit-signing-keys.json');
    assert.equal(JSON.parse(key.stdout).file, keyFile);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);

    // The rotation is an audited operator action (the first entry), and so is each person export.
    for (let i = 0; i < 3; i++)
      assert.equal((await cli(['person', 'export', persons.maija])).failure, undefined);
    const checkpoint = await cli(['audit', 'checkpoint']);
    assert.deepEqual(JSON.parse(checkpoint.stdout), { written: 1 });

    const verified = await cli(['audit', 'verify']);
    assert.equal(verified.failure, undefined);
    assert.match(
      verified.stdout,
      /audit chain intact: 4 entries \(sequence 1–4\), 1 signed checkpoint\(s\) verified/,
    );

    // A day either side, so a run across midnight (UTC) still covers the entries.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [yesterday, tomorrow] = [day(-1), day(1)];
    const out = path.join(env.DATA_DIR!, 'audit-export.jsonl');
    const exported = await cli(['audit', 'export', '--from', yesterday, '--to', tomorrow, '--out', out]);
    assert.equal(exported.failure, undefined);
    const offline = await cli(['audit', 'verify', '--file', out]);
    assert.equal(offline.failure, undefined);
    assert.match(offline.stdout, /audit chain intact: 4 entries/);
    const trusted = await cli(['audit', 'verify', '--file', out, '--keys', keyFile]);
    assert.equal(trusted.failure, undefined);

    const lines = fs.readFileSync(out, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('"seq":2,'));
    lines[at] = lines[at]!.replace('"operator"', '"staff"');
    const tampered = path.join(env.DATA_DIR!, 'tampered.jsonl');
    fs.writeFileSync(tampered, lines.join('\n'));
    const refused = await cli(['audit', 'verify', '--file', tampered]);
    assert.equal(
      refused.failure,
      `audit chain broken at line ${at + 1}, entry id ${JSON.parse(lines[at]!).id}, sequence 2: the hash does not match the entry (modified)`,
    );

    const badDate = await cli(['audit', 'export', '--from', '31.1.2026', '--to', tomorrow]);
    assert.match(badDate.failure ?? '', /--from/);
  });

  test('audit keys, rotate-key and retire-key: the signer stays, a used key keeps its public half', async () => {
    type Listed = Array<{ kid: string; signs: boolean; publicOnly: boolean; signed: number }>;
    const keyFile = path.join(env.DATA_DIR!, 'audit-signing-keys.json');
    const [first] = jsonOf<Listed>(await cli(['audit', 'keys']));
    assert.deepEqual(first, { kid: first!.kid, signs: true, signed: 1, publicOnly: false });
    const second = jsonOf<{ kid: string }>(await cli(['audit', 'rotate-key']));
    assert.deepEqual(jsonOf(await cli(['audit', 'checkpoint'])), { written: 1 });
    assert.match(
      (await cli(['audit', 'retire-key', second.kid])).failure ?? '',
      /is the key that signs; run audit rotate-key first/,
    );
    assert.deepEqual(jsonOf(await cli(['audit', 'retire-key', first!.kid])), {
      kid: first!.kid,
      kept: 'public half',
      checkpoints: 1,
    });
    const third = jsonOf<{ kid: string }>(await cli(['audit', 'rotate-key']));
    const fourth = jsonOf<{ kid: string }>(await cli(['audit', 'rotate-key']));
    assert.deepEqual(jsonOf(await cli(['audit', 'retire-key', third.kid])), {
      kid: third.kid,
      kept: 'nothing',
      checkpoints: 0,
    });
    assert.match((await cli(['audit', 'retire-key', 'nope'])).failure ?? '', /has no audit key "nope"/);

    const inFile = (
      JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { keys: Array<{ kid: string; d?: string }> }
    ).keys;
    assert.deepEqual(
      inFile.map((key) => [key.kid, key.d !== undefined]),
      [
        [first!.kid, false],
        [second.kid, true],
        [fourth.kid, true],
      ],
    );
    assert.deepEqual(
      jsonOf<Listed>(await cli(['audit', 'keys'])).map((key) => [key.kid, key.signs, key.publicOnly]),
      [
        [first!.kid, false, true],
        [second.kid, false, false],
        [fourth.kid, true, false],
      ],
    );
    // The checkpoint the retired key signed still verifies with its public half.
    assert.deepEqual(jsonOf(await cli(['audit', 'checkpoint'])), { written: 1 });
    const verified = await cli(['audit', 'verify']);
    assert.equal(verified.failure, undefined);
    assert.match(verified.stdout, /3 signed checkpoint\(s\) verified/);
  });

  test('keys evidence rotate, list and retire, each audited', async () => {
    const first = await cli(['keys', 'evidence', 'rotate']);
    assert.equal(first.failure, undefined);
    assert.equal((await cli(['keys', 'evidence', 'rotate'])).failure, undefined);
    const listed = await cli(['keys', 'evidence', 'list']);
    const rows = listed.stdout.trim().split('\n');
    assert.equal(rows.length, 2, listed.stdout);
    const [older, newer] = rows.map((row) => /^ES256 +(\S+) +(signs|published) +0 records$/.exec(row));
    assert.equal(older?.[2], 'published');
    assert.equal(newer?.[2], 'signs');
    assert.match(
      (await cli(['keys', 'evidence', 'retire', newer![1]!])).failure ?? '',
      /is the key that signs; run keys evidence rotate first/,
    );
    assert.equal((await cli(['keys', 'evidence', 'retire', older![1]!])).failure, undefined);
    assert.equal((await cli(['keys', 'evidence', 'list'])).stdout.trim().split('\n').length, 1);
    const verified = await cli(['audit', 'verify']);
    assert.equal(verified.failure, undefined);
    const entries = await auditedActions();
    assert.deepEqual(
      entries.filter((entry) => entry.subject_type === 'evidence_signing_key'),
      [
        {
          action: 'operator.evidence_key_added',
          subject_type: 'evidence_signing_key',
          subject_id: older![1]!,
        },
        {
          action: 'operator.evidence_key_added',
          subject_type: 'evidence_signing_key',
          subject_id: newer![1]!,
        },
        {
          action: 'operator.evidence_key_retired',
          subject_type: 'evidence_signing_key',
          subject_id: older![1]!,
        },
      ],
    );
    assert.deepEqual(
      entries.filter((entry) => entry.subject_type === 'audit_signing_key').map((entry) => entry.action),
      [
        'operator.audit_key_added',
        'operator.audit_key_added',
        'operator.audit_key_retired',
        'operator.audit_key_added',
        'operator.audit_key_added',
        'operator.audit_key_retired',
      ],
    );
  });

  /** The database the CLI environment's commands use. */
  async function openCliDatabase() {
    const { openDatabase } = await import('../../src/db/database.js');
    return openDatabase({
      databaseUrl: env.DATABASE_URL,
      sqliteFile: path.join(env.DATA_DIR!, 'asiointitili.db'),
    });
  }

  /** The audit trail's operator actions on keys, oldest first. */
  async function auditedActions() {
    const database = await openCliDatabase();
    try {
      return await database.db
        .selectFrom('audit_events')
        .select(['action', 'subject_type', 'subject_id'])
        .where('action', 'like', 'operator.%key%')
        .orderBy('seq')
        .execute();
    } finally {
      await database.close();
    }
  }

  test('the process exits 1 and names the first bad entry', async () => {
    const database = await openCliDatabase();
    try {
      await database.db.updateTable('audit_events').set({ action: 'changed' }).where('seq', '=', 2).execute();
    } finally {
      await database.close();
    }
    const result = await runCli(['audit', 'verify'], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /audit chain broken at entry id \d+, sequence 2: the hash does not match/);
  });
});
