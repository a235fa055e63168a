import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { runCli, startCliServer, type StartedServer } from '../helpers/cli-process.js';
import { startCuttableProxy } from '../helpers/cuttable-proxy.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/test-database.js';

/**
 * The database goes away under a running service, as in a failover or when an administrator
 * terminates backends: no process may exit, and every request is answered 200 or 503 with
 * Retry-After (in the API's JSON, or a page in the reader's language), never a crash or a 500.
 * PostgreSQL only: an embedded SQLite file cannot be taken away from under the process.
 */
const skip = testDialect === 'postgres' ? false : 'the database outage drills need PostgreSQL';

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function migratedDeployment(applicationName: string, viaPort?: number) {
  const database: TestDatabase = await createTestDatabase();
  cleanups.push(() => database.destroy());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-outage-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const url = new URL(database.databaseUrl!);
  url.searchParams.set('options', `-c search_path=${database.postgresSchema}`);
  url.searchParams.set('application_name', applicationName);
  if (viaPort) {
    url.hostname = '127.0.0.1';
    url.port = String(viaPort);
  }
  const env = {
    DATA_DIR: dir,
    DATABASE_URL: url.toString(),
    MASTER_KEY: `k1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'warn',
  };
  return { database, env };
}

/** Credentials for the organisation API, made with the operator commands. */
async function apiToken(baseUrl: string, env: Record<string, string>, signal: AbortSignal): Promise<string> {
  const org = await runCli(['org', 'add', '--business-id', '9990011-2', '--name', 'Testikunta'], env, {
    signal,
  });
  assert.equal(org.code, 0, org.stderr);
  const created = await runCli(['credentials', 'create', '--business-id', '9990011-2'], env, { signal });
  assert.equal(created.code, 0, created.stderr);
  const { username, password } = JSON.parse(created.stdout) as { username: string; password: string };
  const response = await fetch(`${baseUrl}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { access_token: string }).access_token;
}

interface Outcome {
  status: number;
  retryAfter: string | null;
  contentType: string | null;
}

function alive(server: StartedServer): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

describe('the database goes away under load', { skip }, () => {
  test('backends terminated again and again: no process exits, every answer is 200 or 503 with Retry-After', async (t) => {
    const applicationName = `asiointitili-drill-${randomBytes(4).toString('hex')}`;
    const { env } = await migratedDeployment(applicationName);
    const web = await startCliServer(['serve', '--role', 'all'], env, { signal: t.signal });
    cleanups.push(() => void web.stop());
    const worker = await startCliServer(['serve', '--role', 'worker'], env, { signal: t.signal });
    cleanups.push(() => void worker.stop());
    const token = await apiToken(web.baseUrl, env, t.signal);

    const outcomes: Outcome[] = [];
    let loading = true;
    const request = async (i: number) => {
      const calls = [
        () => fetch(`${web.baseUrl}/`),
        () =>
          fetch(`${web.baseUrl}/v1/mailboxes/active`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ endUsers: [{ id: '270570-901K' }] }),
          }),
        () => fetch(`${web.baseUrl}/v2/events`, { headers: { authorization: `Bearer ${token}` } }),
      ];
      const response = await calls[i % calls.length]!();
      await response.arrayBuffer();
      outcomes.push({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        contentType: response.headers.get('content-type'),
      });
    };
    const clients = Array.from({ length: 6 }, async (_, client) => {
      for (let i = client; loading; i += 6) await request(i);
    });

    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    let terminated = 0;
    try {
      for (let round = 0; round < 12; round++) {
        // Wait for progress between rounds: new answers since the last one, whatever the machine's speed.
        const seen = outcomes.length;
        while (outcomes.length < seen + 20) await new Promise((resolve) => setTimeout(resolve, 20));
        const result = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
          [applicationName],
        );
        terminated += result.rowCount ?? 0;
        assert.ok(alive(web) && alive(worker), `a process exited in round ${round}`);
      }
      // And it recovers: more successful answers after the last round.
      const before = outcomes.filter((o) => o.status === 200).length;
      while (outcomes.filter((o) => o.status === 200).length < before + 30) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      loading = false;
      await Promise.all(clients);
      await admin.end();
    }

    assert.ok(terminated >= 12, `backends terminated: ${terminated}`);
    assert.ok(alive(web) && alive(worker), 'both processes are still running');
    const statuses = new Set(outcomes.map((o) => o.status));
    for (const status of statuses) assert.ok(status === 200 || status === 503, `answered ${status}`);
    for (const o of outcomes.filter((x) => x.status === 503))
      assert.ok(o.retryAfter, '503 without Retry-After');
    t.diagnostic(
      `${outcomes.length} answers, ${outcomes.filter((o) => o.status === 503).length} of them 503, ${terminated} backends terminated`,
    );
    assert.equal(await web.stop(), 0);
    assert.equal(await worker.stop(), 0);
  });

  test('a database that refuses connections: 503 with Retry-After, JSON for the API and a page in the reader’s language; back to 200 when it returns', async (t) => {
    const proxy = await startCuttableProxy({ host: '127.0.0.1', port: 5432 });
    cleanups.push(() => proxy.close());
    const { env } = await migratedDeployment(
      `asiointitili-down-${randomBytes(4).toString('hex')}`,
      proxy.port,
    );
    const web = await startCliServer(['serve', '--role', 'web'], env, { signal: t.signal });
    cleanups.push(() => void web.stop());
    assert.equal((await fetch(`${web.baseUrl}/readyz`)).status, 200);

    await proxy.cut();
    const api = await fetch(`${web.baseUrl}/v2/events`, { headers: { authorization: 'Bearer whatever' } });
    assert.equal(api.status, 503);
    assert.equal(api.headers.get('content-type'), 'application/json');
    assert.ok(api.headers.get('retry-after'));
    assert.match(String(api.headers.get('traceid')), /^[0-9a-f-]{36}$/);
    assert.equal(typeof ((await api.json()) as { reason: unknown }).reason, 'string');

    const page = await fetch(`${web.baseUrl}/`, { headers: { 'accept-language': 'sv' } });
    assert.equal(page.status, 503);
    assert.match(String(page.headers.get('content-type')), /^text\/html/);
    assert.ok(page.headers.get('retry-after'));
    assert.match(await page.text(), /Tjänsten är tillfälligt otillgänglig/);

    assert.equal((await fetch(`${web.baseUrl}/healthz`)).status, 200, 'alive, only not ready');
    assert.equal((await fetch(`${web.baseUrl}/readyz`)).status, 503);

    await proxy.restore();
    // Back in service once the database answers again (the process checks every two seconds).
    for (;;) {
      const response = await fetch(`${web.baseUrl}/`);
      await response.arrayBuffer();
      if (response.status === 200) break;
      assert.equal(response.status, 503);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(alive(web));
    assert.equal(await web.stop(), 0);
  });
});
