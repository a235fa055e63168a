import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { generateKeyRingText } from '../../src/crypto/key-ring.js';
import { createDeliveryServices } from '../../src/modules/delivery/index.js';
import { createEvidenceServices } from '../../src/modules/evidence/index.js';
import { jobKinds } from '../../src/modules/delivery/job-kinds.js';
import { insertJobsInTransaction } from '../../src/modules/delivery/outbox-repository.js';
import type { AppContext } from '../../src/app-context.js';
import { runCli } from '../helpers/cli-process.js';
import { childDatabaseEnv, contextFor } from '../helpers/delivery-context.js';
import { paperPart } from '../helpers/api-requests.js';
import { createFixtures } from '../helpers/fixtures.js';
import { samplePdf } from '../helpers/sample-files.js';
import { insertUncheckedJobRow } from '../helpers/outbox-rows.js';
import { useTestDatabase } from '../helpers/suite-harness.js';
import { testDialect } from '../helpers/test-database.js';

describe(`asiointitili deliveries / print commands (${testDialect})`, () => {
  const database = useTestDatabase();
  let context: AppContext;
  let env: Record<string, string>;
  const keyRing = generateKeyRingText('ops');

  before(async () => {
    context = contextFor(database, keyRing);
    const fixtures = createFixtures(context);
    env = { ...childDatabaseEnv(database), MASTER_KEY: keyRing };
    const now = new Date();
    const organisation = await fixtures.organisation();
    // One letter waiting in the open batch, one failed job, one e-mail due and one scheduled for later.
    const attachmentId = await fixtures.upload(organisation, { content: await samplePdf(1) });
    await fixtures.sentMessage({
      organisation,
      accountId: null,
      recipientId: '140987-924J',
      channel: 'paper',
      paper: paperPart(attachmentId, undefined),
      now,
    });
    await insertUncheckedJobRow(
      context.database.db,
      { kind: 'no-such-kind', idempotencyKey: 'cli-failed', runAt: now },
      now,
    );
    const delivery = createDeliveryServices(context, createEvidenceServices(context).recorder);
    while ((await delivery.worker.runDueJobs()) > 0) {
      // drain
    }
    const email = (idempotencyKey: string, runAt: Date) => ({
      kind: jobKinds.email,
      idempotencyKey,
      messageId: null,
      accountId: null,
      payload: { template: 'new-message' as const },
      runAt,
    });
    await context.database.db.transaction().execute((trx) =>
      insertJobsInTransaction(
        trx,
        [
          email('cli-pending', new Date(now.getTime() + 3600_000)),
          // Due now, with no worker running: waits.
          email('cli-due', now),
        ],
        now,
      ),
    );
  });

  test('each command has --help', async () => {
    for (const args of [
      ['deliveries'],
      ['deliveries', 'status'],
      ['deliveries', 'retry'],
      ['print', 'flush'],
    ]) {
      const result = await runCli([...args, '--help'], {});
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Usage: asiointitili/);
    }
    assert.match((await runCli(['deliveries', 'retry', '--help'], {})).stdout, /--failed/);
    assert.match((await runCli(['--help'], {})).stdout, /deliveries[\s\S]*print/);
  });

  test('deliveries status counts jobs per channel and state and lists failures, without personal data', async () => {
    const table = await runCli(['deliveries', 'status'], env);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^channel\s+due\s+scheduled\s+running\s+done\s+failed$/m);
    assert.match(table.stdout, /^email\s+1\s+1\s+0\s+0\s+0$/m);
    assert.match(table.stdout, /^paper\s+0\s+0\s+0\s+1\s+0$/m);
    assert.match(table.stdout, /^unknown\s+0\s+0\s+0\s+0\s+1$/m);
    assert.match(table.stdout, /no-such-kind.*no handler for kind no-such-kind/);
    assert.match(table.stdout, /open, 1 letter\(s\), 2 page\(s\)/);
    const json = await runCli(['deliveries', 'status', '--json'], env);
    const status = JSON.parse(json.stdout) as { channels: Record<string, Record<string, number>> };
    assert.equal(status.channels.paper?.done, 1);
    assert.deepEqual([status.channels.email?.pending, status.channels.email?.scheduled], [1, 1]);
    for (const output of [table.stdout, table.stderr, json.stdout]) {
      assert.doesNotMatch(output, /Esimerkinkatu|140987/);
    }
  });

  test('deliveries retry needs --failed, then requeues the failed jobs', async () => {
    const refused = await runCli(['deliveries', 'retry'], env);
    assert.notEqual(refused.code, 0);
    // One line of ours (a dependency may print its own start-up warnings).
    assert.equal(refused.stderr.split('\n').filter((line) => line.startsWith('asiointitili:')).length, 1);
    assert.match(refused.stderr, /--failed/);
    const retried = await runCli(['deliveries', 'retry', '--failed'], env);
    assert.equal(retried.code, 0, retried.stderr);
    assert.deepEqual(JSON.parse(retried.stdout), { requeued: 1 });
    const job = await context.database.db
      .selectFrom('outbox_jobs')
      .select(['state', 'attempts'])
      .where('idempotency_key', '=', 'cli-failed')
      .executeTakeFirstOrThrow();
    assert.deepEqual(job, { state: 'pending', attempts: 0 });
  });

  test('print flush writes the open batch to PRINT_DIR at once', async () => {
    const result = await runCli(['print', 'flush'], env);
    assert.equal(result.code, 0, result.stderr);
    const { batches } = JSON.parse(result.stdout) as {
      batches: Array<{ directory: string; letters: number }>;
    };
    assert.equal(batches.length, 1);
    assert.equal(batches[0]!.letters, 1);
    assert.equal(path.dirname(batches[0]!.directory), path.join(database.dataDir, 'print'));
    assert.deepEqual(fs.readdirSync(batches[0]!.directory).sort(), ['0001.pdf', 'manifest.json']);
    assert.doesNotMatch(result.stderr + result.stdout, /Esimerkinkatu/);
    const again = await runCli(['print', 'flush'], env);
    assert.equal(again.code, 0);
    assert.match(again.stderr, /no letters waiting/);
  });
});
