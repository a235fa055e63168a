import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { formatKeyRing, generateKeyRingText, parseKeyRing } from '../../src/crypto/key-ring.js';
import { createKeyRotationService, type KeyStatus } from '../../src/modules/keys/index.js';
import { projectRoot } from '../../src/project-root.js';
import { createServices } from '../../src/services.js';
import { runCli } from '../helpers/cli-process.js';
import { childDatabaseEnv, contextFor } from '../helpers/delivery-context.js';
import { createFixtures } from '../helpers/fixtures.js';
import { sampleFiles } from '../helpers/sample-files.js';
import { useTestDatabase } from '../helpers/suite-harness.js';
import { testDialect } from '../helpers/test-database.js';

const messages = 120;
const withAttachment = 4;
/** Titles, bodies and the attachments. */
// The account's identity code and the lookup key are sealed values too.
const values = messages * 2 + withAttachment + 2;

/**
 * The acceptance test for master key rotation, with the compiled CLI: a new key is added to
 * the key file, the rewrap is killed with SIGKILL once it has shown progress, a second run finishes
 * it, every message reads without the old key, and the old key is retired only once nothing uses it.
 */
describe(`keys rotate, status and retire (${testDialect})`, () => {
  const database = useTestDatabase();
  let keyFile: string;
  let env: Record<string, string>;
  const oldRing = generateKeyRingText('old');

  before(async () => {
    keyFile = path.join(database.dataDir, 'master.key');
    fs.writeFileSync(keyFile, `${oldRing}\n`, { mode: 0o600 });
    env = { ...childDatabaseEnv(database), MASTER_KEY_FILE: keyFile, LOG_LEVEL: 'silent' };
  });

  /** Through the CLI, as an operator sees it. */
  async function cliStatus(): Promise<KeyStatus> {
    const result = await runCli(['keys', 'status', '--json'], env);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as KeyStatus;
  }
  /** The same in this process, with the ring now in the key file (each CLI start costs seconds). */
  const status = () =>
    createKeyRotationService(contextFor(database, fs.readFileSync(keyFile, 'utf8'))).status();
  const totalOf = (s: KeyStatus, keyId: string) => s.ring.find((key) => key.keyId === keyId)?.total;

  test('rotate survives SIGKILL mid-way; retire waits until nothing uses the old key', async (t) => {
    const context = contextFor(database, oldRing);
    const fixtures = createFixtures(context);
    const organisation = await fixtures.organisation();
    const { id: accountId } = await fixtures.account();
    const sent: Array<{ messageId: number; title: string; attachmentIds: string[] }> = [];
    for (let n = 0; n < messages; n++) {
      const title = `Päätös ${n}`;
      const attachments =
        n < withAttachment
          ? [{ fileName: 'paatos.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }]
          : [];
      sent.push({ title, ...(await fixtures.message({ organisation, accountId, title, attachments })) });
    }

    const initial = await cliStatus();
    assert.deepEqual(initial.ring, [
      {
        keyId: 'old',
        current: true,
        total: values,
        places: {
          'accounts.identity_code_enc': 1,
          'attachments.content_enc': withAttachment,
          'lookup_keys.key_enc': 1,
          'messages.body_enc': messages,
          'messages.title_enc': messages,
        },
      },
    ]);

    // Step one: a new key first in the file, nothing rewrapped yet.
    const added = await runCli(['keys', 'rotate'], env);
    assert.equal(added.code, 0, added.stderr);
    const ring = parseKeyRing(fs.readFileSync(keyFile, 'utf8'));
    const newId = ring.activeKeyId;
    assert.deepEqual([...ring.keys.keys()], [newId, 'old']);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    assert.match(added.stderr, new RegExp(`keys rotate --new-key-id ${newId}`));
    assert.equal(totalOf(await status(), 'old'), values);

    const refused = await runCli(['keys', 'retire', 'old'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`"old" still protects ${values} values`));

    // Step two, killed once it has committed some batches but not all.
    const rewrap = ['keys', 'rotate', '--new-key-id', newId, '--batch-size', '2'];
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/asiointitili.js'), ...rewrap], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      signal: t.signal,
      killSignal: 'SIGKILL',
    });
    child.on('error', () => undefined);
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    let stderr = '';
    let shown = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const match of stderr.matchAll(/rewrapping to \S+: (\d+)\/(\d+)/g)) shown = Number(match[1]);
      if (shown > 0 && shown < values) child.kill('SIGKILL');
    });
    assert.equal(await exited, 'SIGKILL', `the rewrap finished before it could be killed: ${stderr}`);
    const interrupted = await status();
    const moved = totalOf(interrupted, newId) ?? 0;
    assert.ok(moved >= shown && moved < values, `${moved} of ${values} rewrapped when killed`);
    assert.equal(moved + (totalOf(interrupted, 'old') ?? 0), values, 'every value is under one of the keys');

    const rerun = await runCli(rewrap, env);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stderr, new RegExp(`rewrapped ${values - moved} values to key ${newId}`));
    const done = await status();
    assert.equal(totalOf(done, newId), values);
    assert.equal(totalOf(done, 'old'), 0);
    assert.deepEqual(done.missing, []);

    // Every message and attachment reads through the services with a ring that lacks the old key.
    const onlyNew = formatKeyRing({ activeKeyId: newId, keys: new Map([[newId, ring.keys.get(newId)!]]) });
    const reading = createServices(contextFor(database, onlyNew)).mailbox.reading;
    for (const message of sent) {
      const view = await reading.openMessage({ accountId }, message.messageId);
      assert.equal(view.sealed ? undefined : view.title, message.title);
      for (const attachmentId of message.attachmentIds) {
        const file = await reading.downloadAttachment({ accountId }, message.messageId, attachmentId);
        assert.deepEqual(file.content, sampleFiles.pdf);
      }
    }

    const current = await runCli(['keys', 'retire', newId], env);
    assert.equal(current.code, 1);
    assert.match(current.stderr, /is the current key/);
    const retired = await runCli(['keys', 'retire', 'old'], env);
    assert.equal(retired.code, 0, retired.stderr);
    assert.deepEqual([...parseKeyRing(fs.readFileSync(keyFile, 'utf8')).keys.keys()], [newId]);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    assert.deepEqual(
      (await cliStatus()).ring.map((key) => [key.keyId, key.current, key.total]),
      [[newId, true, values]],
    );
  });

  test('several processes: the key is added last, made current, then rewrapped to; MASTER_KEY is changed by the operator', async () => {
    const current = parseKeyRing(fs.readFileSync(keyFile, 'utf8')).activeKeyId;
    const added = await runCli(['keys', 'add', '--new-key-id', 'staged'], env);
    assert.equal(added.code, 0, added.stderr);
    assert.deepEqual([...parseKeyRing(fs.readFileSync(keyFile, 'utf8')).keys.keys()], [current, 'staged']);
    const moved = await runCli(['keys', 'rotate', '--new-key-id', 'staged'], env);
    assert.equal(moved.code, 0, moved.stderr);
    assert.match(moved.stderr, /"staged" is now the current master key/);
    assert.deepEqual([...parseKeyRing(fs.readFileSync(keyFile, 'utf8')).keys.keys()], ['staged', current]);
    assert.equal(totalOf(await status(), current), values, 'making a key current rewraps nothing yet');
    const rewrapped = await runCli(['keys', 'rotate', '--new-key-id', 'staged'], env);
    assert.equal(rewrapped.code, 0, rewrapped.stderr);
    assert.match(rewrapped.stderr, new RegExp(`rewrapped ${values} values to key staged`));

    const { MASTER_KEY_FILE: _file, ...rest } = env;
    const ring = fs.readFileSync(keyFile, 'utf8').trim();
    const fromEnv = { ...rest, MASTER_KEY: ring };
    const refused = await runCli(['keys', 'rotate'], fromEnv);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /comes from MASTER_KEY, which this command cannot change/);

    const extra = generateKeyRingText('extra');
    const behind = await runCli(['keys', 'rotate', '--new-key-id', 'extra'], {
      ...fromEnv,
      MASTER_KEY: `${ring},${extra}`,
    });
    assert.equal(behind.code, 1);
    assert.match(behind.stderr, /"extra" is in MASTER_KEY but not first/);

    const rotated = await runCli(['keys', 'rotate', '--new-key-id', 'extra'], {
      ...fromEnv,
      MASTER_KEY: `${extra},${ring}`,
    });
    assert.equal(rotated.code, 0, rotated.stderr);
    assert.match(rotated.stderr, new RegExp(`rewrapped ${values} values to key extra`));
  });

  test('every change to the ring is in the audit trail, as key ids and counts, never key material', async () => {
    const rows = await database.database.db
      .selectFrom('audit_events')
      .select(['actor_type', 'actor_id', 'action', 'subject_type', 'subject_id', 'details'])
      .where('action', 'like', 'operator.master_key_%')
      .orderBy('seq')
      .execute();
    const entries = rows.map((row) => ({
      action: row.action,
      keyId: row.subject_id,
      details: JSON.parse(row.details ?? '{}') as Record<string, unknown>,
    }));
    assert.ok(rows.every((row) => row.actor_type === 'operator' && row.subject_type === 'master_key'));
    // The first test: a new key made current, the rewrap (killed once, then resumed), "old" retired.
    const first = entries.find((entry) => entry.action === 'operator.master_key_made_current');
    assert.deepEqual(first?.details, { previous: 'old' });
    assert.ok(
      entries.some((entry) => entry.action === 'operator.master_key_retired' && entry.keyId === 'old'),
    );
    // The second test, in order; the refused runs recorded nothing.
    const clean = { remaining: 0, failed: {}, changedMeanwhile: 0 };
    assert.deepEqual(entries.slice(-4), [
      { action: 'operator.master_key_added', keyId: 'staged', details: { current: first?.keyId } },
      { action: 'operator.master_key_made_current', keyId: 'staged', details: { previous: first?.keyId } },
      { action: 'operator.master_key_rewrapped', keyId: 'staged', details: { rewrapped: values, ...clean } },
      { action: 'operator.master_key_rewrapped', keyId: 'extra', details: { rewrapped: values, ...clean } },
    ]);
    const material = [...parseKeyRing(fs.readFileSync(keyFile, 'utf8')).keys.values()].map((key) =>
      Buffer.from(key).toString('base64'),
    );
    for (const row of rows) for (const key of material) assert.ok(!row.details?.includes(key));
    const audit = createServices(contextFor(database, fs.readFileSync(keyFile, 'utf8'))).audit;
    assert.equal((await audit.verify(() => {})).ok, true);
  });
});
