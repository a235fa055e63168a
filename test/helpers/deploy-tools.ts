import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { testDialect } from './test-database.js';

/**
 * Shared parts of the deployment checks (test/process/deploy-*.test.ts), which run the artefacts in
 * deploy/ with the tools an operator would: nginx, systemd-analyze, npm, git.
 */

const sbinPath = `${process.env.PATH ?? ''}:/usr/local/sbin:/usr/sbin:/sbin`;

/**
 * Whether a tool the check needs is missing. Missing is a skip with a notice on a developer's
 * machine; with REQUIRE_DEPLOY_TOOLS=1 (CI) it fails the file instead, so the check cannot
 * quietly stop running.
 */
export function missingTool(command: string, install: string): string | false {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { env: { PATH: sbinPath } });
  if (found.status === 0) return false;
  const reason = `${command} is not installed (${install})`;
  if (process.env.REQUIRE_DEPLOY_TOOLS === '1') throw new Error(`${reason}, and REQUIRE_DEPLOY_TOOLS=1`);
  console.log(`notice: ${reason}: skipping the checks that need it (CI sets REQUIRE_DEPLOY_TOOLS=1)`);
  return reason;
}

/** The full path of a tool found by missingTool (nginx lives in /usr/sbin, not on every PATH). */
export function toolPath(command: string): string {
  return spawnSync('sh', ['-c', `command -v ${command}`], {
    env: { PATH: sbinPath },
    encoding: 'utf8',
  }).stdout.trim();
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until the condition holds: waits for observable progress, never for a fixed time. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `asiointitili-${prefix}-`));
}

/** A key ring in a 0600 file, as MASTER_KEY_FILE wants it. */
export function masterKeyFile(dir: string): string {
  const file = path.join(dir, 'master.key');
  fs.writeFileSync(file, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return file;
}

/** Runs one statement on TEST_DATABASE_URL as the test server's administrator, on a connection of its own. */
export async function asPostgresAdmin(statement: string): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('PostgreSQL needs TEST_DATABASE_URL');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The database for processes started by a test: a fresh SQLite DATA_DIR, or a fresh schema in
 * TEST_DATABASE_URL selected through the connection's search_path (dropped by destroy).
 */
export async function processDatabase(
  dataDir: string,
  dialect: 'sqlite' | 'postgres' = testDialect,
): Promise<{ env: Record<string, string>; destroy(): Promise<void> }> {
  if (dialect !== 'postgres') return { env: { DATA_DIR: dataDir }, destroy: async () => undefined };
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('PostgreSQL needs TEST_DATABASE_URL');
  const schema = `deploy_${randomBytes(6).toString('hex')}`;
  const admin = (sql: string) => asPostgresAdmin(sql);
  await admin(`create schema ${schema}`);
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    destroy: () => admin(`drop schema ${schema} cascade`),
  };
}

/** How to tell the application that the local nginx is its reverse proxy. */
export function trustLocalProxyEnv(): Record<string, string> {
  return { TRUSTED_PROXIES: '127.0.0.1' };
}
