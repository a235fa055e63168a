import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, startCliServer } from '../helpers/cli-process.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/test-database.js';
import { temporaryDirectories } from '../helpers/temporary-files.js';

const tempDir = temporaryDirectories('cli');

/** Environment pointing a child process at this run's database (SQLite file or PostgreSQL schema). */
async function databaseEnv(): Promise<{ env: Record<string, string>; db: TestDatabase | undefined }> {
  if (testDialect === 'postgres') {
    const db = await createTestDatabase({ migrate: false });
    const url = new URL(db.databaseUrl!);
    url.searchParams.set('options', `-c search_path=${db.postgresSchema}`);
    return { env: { DATABASE_URL: url.toString() }, db };
  }
  return { env: {}, db: undefined };
}

describe('the asiointitili command', () => {
  test('--help lists the commands; each command has --help', async () => {
    const help = await runCli(['--help'], {});
    assert.equal(help.code, 0);
    for (const command of ['serve', 'migrate', 'demo'])
      assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
    const serveHelp = await runCli(['serve', '--help'], {});
    assert.equal(serveHelp.code, 0);
    assert.match(serveHelp.stdout, /--role/);
    assert.match(serveHelp.stdout, /--demo/);
  });

  const failures: Array<[string, Record<string, string>, RegExp]> = [
    ['PORT=abc', { PORT: 'abc' }, /PORT/],
    ['a malformed DATABASE_URL', { DATABASE_URL: 'postgres:/nohost' }, /DATABASE_URL/],
    ['a missing master key outside demo', {}, /MASTER_KEY/],
  ];
  for (const [name, env, pattern] of failures) {
    test(`serve stops on ${name} with one line naming it`, async () => {
      const result = await runCli(['serve'], { DATA_DIR: tempDir(), ...env });
      assert.notEqual(result.code, 0);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, pattern);
    });
  }

  test('serve stops on a malformed population register file, naming line and field', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'register.json');
    fs.writeFileSync(file, '{\n  "persons": [\n    { "identityCode": 12 }\n  ]\n}\n');
    const result = await runCli(['serve', '--demo'], { DATA_DIR: dir, POPULATION_REGISTER_FILE: file });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /register\.json:3: persons\[0\]\.identityCode/);
  });

  test('an unknown role is refused', async () => {
    const result = await runCli(['serve', '--role', 'both'], { DATA_DIR: tempDir() });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /role/);
  });

  test(`migrate, then demo twice (idempotent), on ${testDialect}`, async () => {
    const { env, db } = await databaseEnv();
    try {
      const dir = tempDir();
      const migrate = await runCli(['migrate'], {
        DATA_DIR: dir,
        MASTER_KEY_FILE: '',
        ...env,
        ...keyEnv(dir),
      });
      assert.equal(migrate.code, 0, migrate.stderr);
      assert.match(migrate.stderr, /applied migration 0001_foundation/);
      // The same key ring as the migration: a database refuses a key that did not write it.
      const first = await runCli(['demo'], { DATA_DIR: dir, ...env, ...keyEnv(dir) });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, /created 5 organisations/);
      const second = await runCli(['demo'], { DATA_DIR: dir, ...env, ...keyEnv(dir) });
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stderr, /organisations present/);
    } finally {
      await db?.destroy();
    }
  });

  // How long the start takes depends on the machine and what else runs on it; the test waits for the
  // "listening" line, and only the runner's per-test timeout bounds that.
  test(`serve --demo on an empty DATA_DIR serves / and /healthz, and stops cleanly on SIGTERM (${testDialect})`, async (t) => {
    const { env, db } = await databaseEnv();
    try {
      const dir = path.join(tempDir(), 'fresh');
      // The most talkative log level: no line at any level may carry the demo password.
      const server = await startCliServer(
        ['serve', '--demo'],
        { DATA_DIR: dir, LOG_LEVEL: 'trace', ...env },
        { signal: t.signal },
      );
      const health = await fetch(`${server.baseUrl}/healthz`);
      assert.equal(health.status, 200);
      const start = await fetch(`${server.baseUrl}/`);
      assert.equal(start.status, 200);
      assert.match(await start.text(), /Peruspalvelukuntayhtymä Kallio/);
      const key = fs.statSync(path.join(dir, 'master.key'));
      assert.equal(key.mode & 0o777, 0o600);
      assert.match(server.stderr(), /master key/);
      if (testDialect === 'sqlite') {
        assert.equal(fs.statSync(dir).mode & 0o777, 0o700, 'DATA_DIR');
        for (const file of ['asiointitili.db', 'asiointitili.db-wal', 'asiointitili.db-shm']) {
          assert.equal(fs.statSync(path.join(dir, file)).mode & 0o777, 0o600, file);
        }
      }

      // The demo API password is for the person at the console (stderr), never for the log (stdout).
      const password = /password (\S+), serviceId/.exec(server.stderr())?.[1];
      assert.ok(password && password.length >= 12, server.stderr());
      const logLines = server
        .stdout()
        .split('\n')
        .filter((line) => line !== '');
      assert.ok(logLines.length > 0);
      for (const line of logLines) {
        assert.doesNotThrow(() => JSON.parse(line), line);
        assert.ok(!line.includes(password), `a log line carries the password: ${line}`);
      }
      // No alarming third-party warning (the test IdP keeps its state in our database).
      assert.doesNotMatch(server.stderr(), /WARNING/);

      // After `npm start`, an operator command in the same DATA_DIR uses the demo key and says so once.
      const orgs = await runCli(['org', 'list'], { DATA_DIR: dir, ...env }, { signal: t.signal });
      assert.equal(orgs.code, 0, orgs.stderr);
      assert.ok(
        (JSON.parse(orgs.stdout) as Array<{ businessId: string }>).some((o) => o.businessId === '9990001-6'),
      );
      const demoKeyLines = orgs.stderr.split('\n').filter((line) => line.includes('demo master key'));
      assert.deepEqual(demoKeyLines, [
        `asiointitili: using the demo master key ${path.join(dir, 'master.key')} (this DATA_DIR was set up by serve --demo)`,
      ]);
      assert.equal(await server.stop(), 0);
    } finally {
      await db?.destroy();
    }
  });

  test('outside a demo data directory operator commands still refuse to run without a master key', async (t) => {
    const empty = tempDir();
    const placed = tempDir();
    // A key file nobody generated through serve --demo is not picked up just because of its name.
    fs.writeFileSync(path.join(placed, 'master.key'), Buffer.alloc(32, 3).toString('base64'), {
      mode: 0o600,
    });
    for (const dir of [empty, placed]) {
      const result = await runCli(['org', 'list'], { DATA_DIR: dir }, { signal: t.signal });
      assert.notEqual(result.code, 0);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, /^asiointitili: MASTER_KEY or MASTER_KEY_FILE must be set/);
      assert.equal(result.stdout, '');
    }
    assert.deepEqual(fs.readdirSync(empty), [], 'nothing is created');
    assert.deepEqual(fs.readdirSync(placed), ['master.key']);
  });
});

function keyEnv(dir: string): Record<string, string> {
  const file = path.join(dir, 'ops.key');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, 'ops:' + Buffer.alloc(32, 7).toString('base64'), { mode: 0o600 });
  return { MASTER_KEY_FILE: file };
}
