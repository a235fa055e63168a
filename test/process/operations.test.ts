import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli, startCliServer } from '../helpers/cli-process.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/test-database.js';

/** How an operator's deployment starts: schema, key ring, roles, the worker's own listener. */

const tempDirs: string[] = [];
const databases: TestDatabase[] = [];
after(async () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  for (const database of databases) await database.destroy();
});

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/** A fresh DATA_DIR and an unmigrated database of this run's dialect. */
async function deployment(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-ops-'));
  tempDirs.push(dir);
  if (testDialect !== 'postgres') return { DATA_DIR: dir };
  const database = await createTestDatabase({ migrate: false });
  databases.push(database);
  const url = new URL(database.databaseUrl!);
  url.searchParams.set('options', `-c search_path=${database.postgresSchema}`);
  return { DATA_DIR: dir, DATABASE_URL: url.toString() };
}

/**
 * Starts `serve --role <role>` on a fresh deployment (key k1) after `migrate`, as an operator would,
 * with the extra variables given.
 */
async function serveMigrated(role: 'web' | 'worker', extra: Record<string, string>, signal: AbortSignal) {
  const env = { ...(await deployment()), MASTER_KEY: key('k1') };
  assert.equal((await runCli(['migrate'], env, { signal })).code, 0);
  return startCliServer(['serve', '--role', role], { ...env, ...extra }, { signal });
}

function oneLine(stderr: string): string {
  const ours = stderr.split('\n').filter((line) => line.startsWith('asiointitili:'));
  return ours[ours.length - 1] ?? '';
}

describe(`starting a deployment (${testDialect})`, () => {
  test('serve refuses a database that was not migrated, then starts after `migrate`', async (t) => {
    const env = { ...(await deployment()), MASTER_KEY: key('k1') };
    const refused = await runCli(['serve', '--role', 'web'], env, { signal: t.signal });
    assert.notEqual(refused.code, 0);
    assert.match(oneLine(refused.stderr), /run "asiointitili migrate" first \(pending: 0001_foundation/);
    const migrated = await runCli(['migrate'], env, { signal: t.signal });
    assert.equal(migrated.code, 0, migrated.stderr);
    const server = await startCliServer(['serve', '--role', 'web'], env, { signal: t.signal });
    assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200);
    assert.equal(await server.stop(), 0);
  });

  test('a wrong master key is refused at start, naming the key id; the right one starts', async (t) => {
    const base = await deployment();
    const right = key('k1');
    assert.equal((await runCli(['migrate'], { ...base, MASTER_KEY: right }, { signal: t.signal })).code, 0);
    const wrong = await runCli(
      ['serve', '--role', 'web'],
      { ...base, MASTER_KEY: key('k1') },
      { signal: t.signal },
    );
    assert.notEqual(wrong.code, 0);
    assert.match(oneLine(wrong.stderr), /master key "k1" is not the key "k1" this database was written with/);
    const foreign = await runCli(['migrate'], { ...base, MASTER_KEY: key('k9') }, { signal: t.signal });
    assert.notEqual(foreign.code, 0);
    assert.match(oneLine(foreign.stderr), /none of the master keys \(k9\) has written this database/);
    const server = await startCliServer(
      ['serve', '--role', 'web'],
      { ...base, MASTER_KEY: right },
      { signal: t.signal },
    );
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);
    assert.equal(await server.stop(), 0);
  });

  test('the worker has its own listener: /metrics is scraped, /healthz and /readyz answer', async (t) => {
    // The worker's own variable wins over the one the web processes use.
    const worker = await serveMigrated('worker', { METRICS_PORT: '1', WORKER_METRICS_PORT: '0' }, t.signal);
    try {
      await new Promise<void>((resolve) => {
        const check = () =>
          /metrics and health checks on /.test(worker.stderr()) ? resolve() : setTimeout(check, 50);
        check();
      });
      const ops = /metrics and health checks on (http:\/\/\S+)/.exec(worker.stderr())![1]!;
      assert.match(ops, /^http:\/\/127\.0\.0\.1:\d+$/, 'localhost by default');
      const metrics = await fetch(`${ops}/metrics`);
      assert.equal(metrics.status, 200);
      const text = await metrics.text();
      assert.match(text, /asiointitili_deliveries_total/);
      assert.match(text, /process_cpu_user_seconds_total/);
      assert.equal((await fetch(`${ops}/healthz`)).status, 200);
      assert.equal((await fetch(`${ops}/readyz`)).status, 200);
    } finally {
      assert.equal(await worker.stop(), 0);
    }
  });

  test('TEST_IDP=1 outside --demo starts with a warning of our own, on the console and in the log', async (t) => {
    const server = await serveMigrated('web', { TEST_IDP: '1' }, t.signal);
    try {
      assert.match(
        server.stderr(),
        /warning: the bundled test identification service is enabled \(TEST_IDP=1\)/,
      );
      const logged = server
        .stdout()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: number; msg: string });
      assert.ok(
        logged.some((line) => line.level === 40 && /test identification service is enabled/.test(line.msg)),
      );
    } finally {
      await server.stop();
    }
  });
});
