import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { generateKeyRingText } from '../../src/crypto/key-ring.js';
import { projectRoot } from '../../src/project-root.js';
import type { PrintManifest } from '../../src/modules/delivery/print-batch-service.js';
import { paperPart } from '../helpers/api-requests.js';
import { contextFor } from '../helpers/delivery-context.js';
import { createFixtures } from '../helpers/fixtures.js';
import { samplePdf } from '../helpers/sample-files.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/delivery-smtp.js';
import { startSmsGateway, type TestSmsGateway } from '../helpers/delivery-sms-gateway.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/test-database.js';
import { sealedContact } from '../helpers/stored-rows.js';

const script = path.join(projectRoot, 'test/helpers/delivery-worker-process.mjs');
const messages = 2000;
const letters = 40;

/**
 * The acceptance test: a worker process is killed with SIGKILL at random moments while it
 * works through a few thousand messages; after restarts everything is delivered, every job is done,
 * and the providers saw each idempotency key (duplicates only of the same key, which providers drop).
 */
describe(`delivery survives SIGKILL at random points (${testDialect})`, () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let sms: TestSmsGateway;
  let env: Record<string, string>;
  const keyRing = generateKeyRingText('crash');
  /** Workers not yet seen to exit: whatever ends the test, none is left running. */
  const running = new Set<ChildProcess>();

  before(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
    sms = await startSmsGateway();
    env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: database.dataDir,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      TEST_KEY_RING: keyRing,
      // The workers write their log lines into the leak scan's directory (when the run has one).
      ...(process.env.LEAK_SCAN_DIR ? { LEAK_SCAN_DIR: process.env.LEAK_SCAN_DIR } : {}),
      ...(database.databaseUrl
        ? { DATABASE_URL: database.databaseUrl, TEST_PG_SCHEMA: database.postgresSchema ?? '' }
        : {}),
    };
  });
  after(async () => {
    for (const child of running) child.kill('SIGKILL');
    await database.destroy();
    await smtp.stop();
    await sms.stop();
  });

  /** Starts the worker process and resolves once it runs (however long its start-up takes). */
  async function startWorker(signal: AbortSignal): Promise<ChildProcess> {
    // stdin stays open as a lifeline: the worker exits when it closes (see the helper).
    const child = spawn(process.execPath, [script], {
      cwd: projectRoot,
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
      signal,
      killSignal: 'SIGKILL',
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    child.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('worker ready')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited early with ${code}: ${stderr}`)));
    });
    return child;
  }

  /**
   * Checks `done` again and again until it holds. There is no time limit here: the worker's pace
   * depends on the machine, and the test runner's per-test timeout is the only bound. A worker that
   * exits on its own fails the wait at once.
   */
  async function until(
    done: () => boolean | Promise<boolean>,
    worker: ChildProcess,
    pollMs: number,
  ): Promise<void> {
    while (!(await done())) {
      if (worker.exitCode !== null || worker.signalCode !== null) {
        throw new Error(`the worker exited on its own (${worker.exitCode ?? worker.signalCode})`);
      }
      await sleep(pollMs);
    }
  }

  test(`${messages} messages and ${letters} letters, the worker killed repeatedly`, async (t) => {
    const context = contextFor(database, keyRing);
    const fixtures = createFixtures(context);
    const started = Date.now();
    const organisation = await fixtures.organisation();
    const db = database.database.db;
    const now = new Date();
    // Half want e-mail and SMS, half only e-mail. Rows go in a few hundred at a time and messages
    // several at once (in parallel on PostgreSQL), so the setup does not eat the test's time.
    const at = now.toISOString();
    const accounts: number[] = [];
    for (let first = 0; first < messages; first += 250) {
      const rows = Array.from({ length: Math.min(250, messages - first) }, (_, i) => ({
        identity_lookup: `crash-${first + i}`,
        status: 'active' as const,
        ...sealedContact(context, { email: `p${first + i}@example.fi`, mobile: '+358501234567' }),
        email_notifications: 1,
        sms_notifications: (first + i) % 2,
        language: 'fi' as const,
        terms_version: '1',
        terms_accepted_at: at,
        opened_at: at,
        closed_at: null,
        created_at: at,
        updated_at: at,
      }));
      const inserted = await db.insertInto('accounts').values(rows).returning('id').execute();
      accounts.push(...inserted.map((row) => row.id));
    }
    for (let first = 0; first < accounts.length; first += 8) {
      await Promise.all(
        accounts
          .slice(first, first + 8)
          .map((accountId) => fixtures.sentMessage({ organisation, accountId, recipientId: 'x', now })),
      );
    }
    const pdf = await samplePdf(1);
    for (let n = 0; n < letters; n++) {
      const attachmentId = await fixtures.upload(organisation, { content: pdf });
      await fixtures.sentMessage({
        organisation,
        accountId: null,
        recipientId: null,
        channel: 'paper',
        paper: paperPart(attachmentId, {
          name: `Vastaanottaja ${n}`,
          streetAddress: 'Rantatie 5',
          zipCode: '00100',
          city: 'Helsinki',
          countryCode: 'FI',
        }),
        now,
      });
    }

    const unfinished = async () =>
      Number(
        (
          await db
            .selectFrom('outbox_jobs')
            .select(({ fn }) => fn.countAll<number>().as('count'))
            .where('state', 'in', ['pending', 'running'])
            .where('run_at', '<=', new Date(Date.now() + 3600_000).toISOString())
            .where('kind', '!=', 'reminder')
            .executeTakeFirstOrThrow()
        ).count,
      );
    const openBatches = async () =>
      (await db.selectFrom('print_batches').select('id').where('state', '!=', 'sent').execute()).length;
    const delivered = () => smtp.mails.length + sms.accepted.length;

    // Each run is killed only once deliveries are seen arriving from it, at a random point 1–150
    // deliveries in, with more claimed jobs in flight (sends, letters, batches). Six runs take at
    // most 900 of the 3000 notifications, so every run reaches its point.
    const kills = 6;
    const deliveredByKilledRuns: number[] = [];
    const setupDone = Date.now();
    for (let run = 0; run < kills; run++) {
      const child = await startWorker(t.signal);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const before = delivered();
      const target = before + 1 + Math.floor(Math.random() * 150);
      await until(() => delivered() >= target, child, 10);
      child.kill('SIGKILL');
      await exited;
      deliveredByKilledRuns.push(delivered() - before);
    }
    // The last run goes on until the queue is empty and every batch is on disk.
    const last = await startWorker(t.signal);
    const lastExited = new Promise((resolve) => last.once('exit', resolve));
    // Asked of the database a few times a second: polling harder would only compete with the worker.
    await until(async () => (await unfinished()) === 0 && (await openBatches()) === 0, last, 250);
    last.kill('SIGTERM');
    await lastExited;

    const jobs = await db
      .selectFrom('outbox_jobs')
      .select(['id', 'kind', 'state', 'idempotency_key'])
      .execute();
    const due = jobs.filter((job) => job.kind !== 'reminder');
    assert.deepEqual(
      due.filter((job) => job.state !== 'done').map((job) => `${job.kind}:${job.state}`),
      [],
    );
    const emailKeys = new Set(
      due.filter((job) => job.kind === 'email-notification').map((job) => job.idempotency_key),
    );
    const smsReferences = new Set(
      due.filter((job) => job.kind === 'sms-notification').map((job) => String(job.id)),
    );
    assert.equal(emailKeys.size, messages);
    assert.equal(smsReferences.size, messages / 2);
    // Every notification arrived; nothing arrived that was not a job.
    assert.deepEqual([...smtp.distinctKeys()].sort(), [...emailKeys].sort());
    assert.deepEqual([...sms.distinctReferences()].sort(), [...smsReferences].sort());
    // Each letter is in exactly one complete batch on disk, and no half-written batch is visible.
    const printDir = path.join(database.dataDir, 'print');
    const entries = fs.readdirSync(printDir);
    const printed = entries
      .filter((entry) => !entry.startsWith('.'))
      .flatMap((entry) => {
        const manifest = JSON.parse(
          fs.readFileSync(path.join(printDir, entry, 'manifest.json'), 'utf8'),
        ) as PrintManifest;
        for (const letter of manifest.letters)
          assert.ok(fs.existsSync(path.join(printDir, entry, letter.file)));
        return manifest.letters.map((letter) => letter.messageId);
      });
    assert.equal(printed.length, letters);
    assert.equal(new Set(printed).size, letters);
    const duplicates =
      smtp.mails.length - smtp.distinctKeys().size + (sms.accepted.length - sms.distinctReferences().size);
    process.stdout.write(
      `# setup ${setupDone - started} ms, run ${Date.now() - setupDone} ms; deliveries by each killed run: ${deliveredByKilledRuns.join(', ')}; repeated deliveries of the same key: ${duplicates}\n`,
    );
    assert.ok(
      deliveredByKilledRuns.every((count) => count > 0),
      'kills happened while the worker was delivering',
    );
  });
});
