import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { runCli, startCliServer } from '../helpers/cli-process.js';
import { asPostgresAdmin } from '../helpers/deploy-tools.js';
import { commandDirectory, markedShellBlocks, pathWith, runShellBlock } from '../helpers/doc-blocks.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * docs/backup.md, done as written: its marked blocks run with bash against data the real commands
 * created (the demo: Kimmo Mäkinen's messages), and the restored copy must read them with the same
 * key ring and refuse another.
 */

const kimmo = '270570-901K';
// Ordinary demo messages to Kimmo; the verifiable one stays sealed until he acknowledges it.
const readableTitles = [
  'Päätös toimeentulotuesta',
  'Pyyntö lisäselvityksestä',
  'Tiedote: kunnan sähköinen asiointi uudistuu',
];
const beforeBackup = { businessId: '7654321-2', name: 'Ennen varmuuskopiota' };
const afterBackup = { businessId: '1231231-9', name: 'Varmuuskopion jälkeen' };

const blocks = markedShellBlocks('docs/backup.md');
function block(name: string): string {
  const script = blocks.get(name);
  if (script === undefined) throw new Error(`docs/backup.md has no block marked "${name}"`);
  return script;
}

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Workspace {
  dir: string;
  /** DATA_DIR of the installation being backed up. */
  dataDir: string;
  backupDir: string;
  /** The key ring, kept apart from the data and the backups. */
  keyFile: string;
  /** A key ring of the same shape (id k1) that never wrote the data. */
  wrongKeyFile: string;
  /** What every command and block gets: the operator's shell. */
  env: Record<string, string>;
}

function workspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-backup-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const keys = path.join(dir, 'keys');
  const backupDir = path.join(dir, 'backups');
  const tmp = path.join(dir, 'tmp');
  for (const sub of [keys, backupDir, tmp]) fs.mkdirSync(sub, { mode: 0o700 });
  const keyFile = path.join(keys, 'master.key');
  const wrongKeyFile = path.join(keys, 'wrong.key');
  fs.writeFileSync(keyFile, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  fs.writeFileSync(wrongKeyFile, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  const dataDir = path.join(dir, 'data');
  return {
    dir,
    dataDir,
    backupDir,
    keyFile,
    wrongKeyFile,
    env: {
      PATH: pathWith(commandDirectory(dir)),
      TMPDIR: tmp,
      DATA_DIR: dataDir,
      MASTER_KEY_FILE: keyFile,
      LOG_LEVEL: 'silent',
    },
  };
}

/** The one file a backup block wrote, which must be readable by its owner only. */
function onlyBackup(backupDir: string, extension: string): string {
  const files = fs.readdirSync(backupDir);
  assert.equal(files.length, 1, `one file and no leftovers in BACKUP_DIR: ${files.join(', ')}`);
  assert.ok(files[0]!.endsWith(extension), files[0]);
  const file = path.join(backupDir, files[0]!);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  return file;
}

function assertReadsKimmosTitles(output: string): void {
  for (const title of readableTitles) assert.ok(output.includes(title), `"${title}" in ${output}`);
}

/** The verify block, given another master key than the backup's, fails naming the key and prints nothing. */
async function assertVerifyRefusesWrongKey(
  verifyBlock: string,
  env: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  const refused = await runShellBlock(block(verifyBlock), env, { signal });
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /master key "k1" is not the key "k1" this database was written with/);
  assert.equal(refused.stdout, '');
}

function lastLine(stderr: string): string {
  return stderr.trim().split('\n').pop() ?? '';
}

async function organisationNames(env: Record<string, string>, signal: AbortSignal): Promise<string[]> {
  const listed = await runCli(['org', 'list'], env, { signal });
  assert.equal(listed.code, 0, listed.stderr);
  return (JSON.parse(listed.stdout) as Array<{ nameFi: string }>).map((organisation) => organisation.nameFi);
}

async function addOrganisation(
  env: Record<string, string>,
  organisation: { businessId: string; name: string },
  signal: AbortSignal,
): Promise<void> {
  const added = await runCli(
    ['org', 'add', '--business-id', organisation.businessId, '--name', organisation.name],
    env,
    { signal },
  );
  assert.equal(added.code, 0, added.stderr);
}

/** SQLite's own check of a stopped installation's database. */
function integrity(dataDir: string): unknown {
  const connection = new BetterSqlite3(path.join(dataDir, 'asiointitili.db'), { fileMustExist: true });
  try {
    return connection.pragma('integrity_check', { simple: true });
  } finally {
    connection.close();
  }
}

/** Whether the main database file alone, without its -wal, holds the organisation. */
function mainFileHolds(dataDir: string, businessId: string, scratch: string): boolean {
  const copy = path.join(scratch, 'plain-copy.db');
  fs.copyFileSync(path.join(dataDir, 'asiointitili.db'), copy);
  const connection = new BetterSqlite3(copy, { readonly: true });
  try {
    return (
      connection.prepare('select 1 from organisations where business_id = ?').get(businessId) !== undefined
    );
  } finally {
    connection.close();
    fs.rmSync(copy);
  }
}

if (testDialect === 'sqlite') {
  describe('SQLite backups as docs/backup.md describes them', () => {
    test('backup, verify, crash, restore in place and start: the same key ring reads the messages, another is refused', async (t) => {
      const w = workspace();
      const demo = await runCli(['demo'], w.env, { signal: t.signal });
      assert.equal(demo.code, 0, demo.stderr);

      // The service runs and has a change that is still only in its write-ahead log.
      const server = await startCliServer(['serve', '--role', 'web'], w.env, { signal: t.signal });
      cleanups.push(() => void server.child.kill('SIGKILL'));
      await addOrganisation(w.env, beforeBackup, t.signal);
      assert.equal(
        mainFileHolds(w.dataDir, beforeBackup.businessId, w.dir),
        false,
        'precondition: the new organisation is only in asiointitili.db-wal, so a plain copy would miss it',
      );

      const backup = await runShellBlock(
        block('sqlite-backup'),
        { ...w.env, BACKUP_DIR: w.backupDir },
        { signal: t.signal },
      );
      assert.equal(backup.code, 0, backup.stderr);
      const backupFile = onlyBackup(w.backupDir, '.db');
      assert.match(
        lastLine(backup.stderr),
        /^asiointitili: backup written to \S+\.db \(\d+\.\d (KiB|MiB)\); restoring it needs the master key ring with k1$/,
      );

      // After the backup: another change, then the process dies and leaves its -wal behind.
      await addOrganisation(w.env, afterBackup, t.signal);
      server.child.kill('SIGKILL');
      await new Promise((resolve) => server.child.once('close', resolve));
      assert.ok(fs.statSync(path.join(w.dataDir, 'asiointitili.db-wal')).size > 0, 'a stale -wal is left');

      const check = { ...w.env, BACKUP_FILE: backupFile, CHECK_IDENTITY_CODE: kimmo };
      const verified = await runShellBlock(block('sqlite-verify'), check, { signal: t.signal });
      assert.equal(verified.code, 0, verified.stderr);
      assertReadsKimmosTitles(verified.stdout);
      assert.deepEqual(fs.readdirSync(w.env.TMPDIR!), [], 'the scratch copy is removed');

      await assertVerifyRefusesWrongKey(
        'sqlite-verify',
        { ...check, MASTER_KEY_FILE: w.wrongKeyFile },
        t.signal,
      );

      const restored = await runShellBlock(block('sqlite-restore'), check, { signal: t.signal });
      assert.equal(restored.code, 0, restored.stderr);
      const dataFiles = fs.readdirSync(w.dataDir);
      assert.ok(!dataFiles.includes('asiointitili.db-wal') && !dataFiles.includes('asiointitili.db-shm'));
      assert.equal(fs.statSync(path.join(w.dataDir, 'asiointitili.db')).mode & 0o777, 0o600);
      const replaced = dataFiles.filter((name) => name.startsWith('replaced-'));
      assert.equal(replaced.length, 1);
      assert.deepEqual(fs.readdirSync(path.join(w.dataDir, replaced[0]!)).sort(), [
        'asiointitili.db',
        'asiointitili.db-shm',
        'asiointitili.db-wal',
      ]);

      const wrongStart = await runCli(
        ['serve', '--role', 'web'],
        { ...w.env, MASTER_KEY_FILE: w.wrongKeyFile },
        { signal: t.signal },
      );
      assert.notEqual(wrongStart.code, 0);
      assert.match(lastLine(wrongStart.stderr), /master key "k1" is not the key "k1"/);

      const restarted = await startCliServer(['serve', '--role', 'web'], w.env, { signal: t.signal });
      cleanups.push(() => void restarted.child.kill('SIGKILL'));
      try {
        assert.equal((await fetch(`${restarted.baseUrl}/readyz`)).status, 200);
        const names = await organisationNames(w.env, t.signal);
        assert.ok(names.includes(beforeBackup.name), 'what the -wal held at the backup is restored');
        assert.ok(!names.includes(afterBackup.name), 'what came after the backup is gone');
      } finally {
        assert.equal(await restarted.stop(), 0);
      }
      // A -wal of the replaced database applied to the restored one breaks pages no query above reads.
      assert.equal(integrity(w.dataDir), 'ok');
    });

    test('backup refuses an existing file, a missing database and PostgreSQL, writing nothing', async (t) => {
      const w = workspace();
      const existing = path.join(w.backupDir, 'taken.db');
      fs.writeFileSync(existing, 'an earlier backup');

      const noDatabase = await runCli(['backup', '--to', path.join(w.backupDir, 'new.db')], w.env, {
        signal: t.signal,
      });
      assert.notEqual(noDatabase.code, 0);
      assert.match(lastLine(noDatabase.stderr), /no database at \S+asiointitili\.db; check DATA_DIR$/);
      assert.equal(fs.existsSync(w.dataDir), false, 'no empty database is created where DATA_DIR points');

      assert.equal((await runCli(['migrate'], w.env, { signal: t.signal })).code, 0);
      const overwrite = await runCli(['backup', '--to', existing], w.env, { signal: t.signal });
      assert.notEqual(overwrite.code, 0);
      assert.match(lastLine(overwrite.stderr), /taken\.db exists; back up to a new file$/);
      assert.equal(fs.readFileSync(existing, 'utf8'), 'an earlier backup');

      const postgres = await runCli(
        ['backup', '--to', path.join(w.backupDir, 'pg.db')],
        { ...w.env, DATABASE_URL: 'postgres://asiointitili@db.invalid:5432/asiointitili' },
        { signal: t.signal },
      );
      assert.notEqual(postgres.code, 0);
      assert.match(lastLine(postgres.stderr), /back it up with pg_dump as docs\/backup\.md describes$/);
      assert.deepEqual(fs.readdirSync(w.backupDir), ['taken.db']);
    });
  });
}

if (testDialect === 'postgres') {
  /** The service's own login role, no superuser, as docs/deployment.md creates it; dropped at the end. */
  async function createServiceRole(): Promise<string> {
    const role = `asiointitili_test_${randomBytes(6).toString('hex')}`;
    await asPostgresAdmin(`create role ${role} login`);
    cleanups.push(() => asPostgresAdmin(`drop role if exists ${role}`));
    return role;
  }

  /** A brand-new empty database owned by the role (`createdb --owner`), as the role's URL; dropped at the end. */
  async function createDatabase(purpose: string, owner: string): Promise<string> {
    const name = `asiointitili_${purpose}_${randomBytes(6).toString('hex')}`;
    await asPostgresAdmin(`create database ${name} owner ${owner}`);
    cleanups.push(() => asPostgresAdmin(`drop database if exists ${name} with (force)`));
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = owner;
    url.password = '';
    url.pathname = `/${name}`;
    url.search = '';
    return url.toString();
  }

  describe('PostgreSQL backups as docs/backup.md describes them', () => {
    // Whole databases of a role of their own rather than the suite's schema per test: the blocks run
    // unchanged, with the privileges the service has in production.
    test('pg_dump, pg_restore into a new database, migrate: the same key ring reads the messages, another is refused', async (t) => {
      const w = workspace();
      const role = await createServiceRole();
      const env = { ...w.env, DATABASE_URL: await createDatabase('backup_source', role) };
      const demo = await runCli(['demo'], env, { signal: t.signal });
      assert.equal(demo.code, 0, demo.stderr);
      await addOrganisation(env, beforeBackup, t.signal);

      const backup = await runShellBlock(
        block('postgres-backup'),
        { ...env, BACKUP_DIR: w.backupDir },
        { signal: t.signal },
      );
      assert.equal(backup.code, 0, backup.stderr);
      const backupFile = onlyBackup(w.backupDir, '.pgdump');
      await addOrganisation(env, afterBackup, t.signal);

      const check = {
        ...env,
        BACKUP_FILE: backupFile,
        RESTORE_DATABASE_URL: await createDatabase('restore', role),
        CHECK_IDENTITY_CODE: kimmo,
      };
      const restored = await runShellBlock(block('postgres-restore'), check, { signal: t.signal });
      assert.equal(restored.code, 0, restored.stderr);
      assert.match(restored.stderr, /database schema is up to date/);

      const verified = await runShellBlock(block('postgres-verify'), check, { signal: t.signal });
      assert.equal(verified.code, 0, verified.stderr);
      assertReadsKimmosTitles(verified.stdout);

      await assertVerifyRefusesWrongKey(
        'postgres-verify',
        { ...check, MASTER_KEY_FILE: w.wrongKeyFile },
        t.signal,
      );

      const names = await organisationNames({ ...env, DATABASE_URL: check.RESTORE_DATABASE_URL }, t.signal);
      assert.ok(names.includes(beforeBackup.name));
      assert.ok(!names.includes(afterBackup.name), 'what came after the backup is not in it');
      assert.ok(
        (await organisationNames(env, t.signal)).includes(afterBackup.name),
        'the source is untouched',
      );
    });
  });
}

describe('docs/backup.md', () => {
  test('marks the blocks this test runs', () => {
    assert.deepEqual([...blocks.keys()].sort(), [
      'postgres-backup',
      'postgres-restore',
      'postgres-verify',
      'sqlite-backup',
      'sqlite-restore',
      'sqlite-verify',
    ]);
  });
});
