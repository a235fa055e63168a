import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { persons } from '../helpers/fixtures.js';
import { useMigratedCliEnvironment } from '../helpers/cli-in-process.js';
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

    // Each person export is an audited operator action.
    for (let i = 0; i < 3; i++)
      assert.equal((await cli(['person', 'export', persons.maija])).failure, undefined);
    const checkpoint = await cli(['audit', 'checkpoint']);
    assert.deepEqual(JSON.parse(checkpoint.stdout), { written: 1 });

    const verified = await cli(['audit', 'verify']);
    assert.equal(verified.failure, undefined);
    assert.match(
      verified.stdout,
      /audit chain intact: 3 entries \(sequence 1–3\), 1 signed checkpoint\(s\) verified/,
    );

    // A day either side, so a run across midnight (UTC) still covers the entries.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [yesterday, tomorrow] = [day(-1), day(1)];
    const out = path.join(env.DATA_DIR!, 'audit-export.jsonl');
    const exported = await cli(['audit', 'export', '--from', yesterday, '--to', tomorrow, '--out', out]);
    assert.equal(exported.failure, undefined);
    const offline = await cli(['audit', 'verify', '--file', out]);
    assert.equal(offline.failure, undefined);
    assert.match(offline.stdout, /audit chain intact: 3 entries/);
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

  test('the process exits 1 and names the first bad entry', async () => {
    const { openDatabase } = await import('../../src/db/database.js');
    const database = openDatabase({
      databaseUrl: env.DATABASE_URL,
      sqliteFile: path.join(env.DATA_DIR!, 'asiointitili.db'),
    });
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
