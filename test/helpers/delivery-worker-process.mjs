/**
 * A bare delivery worker for process-level tests: the real delivery services and worker loop against
 * the database in the environment, with a short lease so a killed worker's jobs come back quickly.
 * Environment: DATA_DIR, DATABASE_URL (+ TEST_PG_SCHEMA) or the SQLite file in DATA_DIR, SMTP_URL,
 * SMS_GATEWAY_URL, TEST_KEY_RING (key ring text shared with the test).
 *
 * Plain JavaScript on the compiled code (dist/, built before the process tests like the CLI they
 * run): started seven times per crash test, it would spend over a second each time in the
 * TypeScript loader, several on a busy machine.
 */
import path from 'node:path';
import { loadConfig } from '../../dist/src/config/config.js';
import { Envelope } from '../../dist/src/crypto/envelope.js';
import { parseKeyRing } from '../../dist/src/crypto/key-ring.js';
import { openDatabase } from '../../dist/src/db/database.js';
import { createMetrics } from '../../dist/src/http/metrics.js';
import { destination } from 'pino';
import { createLogger } from '../../dist/src/logging/logger.js';
import { createDeliveryServices, deliveryTasks } from '../../dist/src/modules/delivery/index.js';
import { createEvidenceServices } from '../../dist/src/modules/evidence/index.js';
import {
  FilePopulationRegister,
  demoRegisterFile,
} from '../../dist/src/modules/population-register/file-population-register.js';
import { Worker } from '../../dist/src/worker/worker.js';

// The test holds our stdin open; when it closes, the test process is gone (finished, timed out or
// killed), and a worker left running would deliver into a database that no longer exists.
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = openDatabase({
  databaseUrl: config.databaseUrl,
  sqliteFile: path.join(config.dataDir, 'asiointitili.db'),
  ...(process.env.TEST_PG_SCHEMA ? { postgresSchema: process.env.TEST_PG_SCHEMA } : {}),
});
/** @type {import('../../src/app-context.js').AppContext} */
const context = {
  config,
  database,
  logger: workerLogger(),
  envelope: new Envelope(parseKeyRing(process.env.TEST_KEY_RING ?? '')),
  populationRegister: FilePopulationRegister.load(demoRegisterFile),
  metrics: createMetrics(),
  clock: () => new Date(),
  testMode: true,
};
/**
 * WORKER_LOG_LEVEL=debug shows what the worker does (on stdout) when a test needs looking into. Under
 * the leak scan (LEAK_SCAN_DIR) the worker logs at info level into the scan's directory, as the
 * test's own helpers do (test/helpers/leak-record.ts), so its lines are scanned too.
 */
function workerLogger() {
  if (process.env.WORKER_LOG_LEVEL === 'debug') return createLogger('debug');
  const dir = process.env.LEAK_SCAN_DIR;
  if (!dir) return createLogger('silent');
  return createLogger(
    'info',
    destination({ dest: path.join(dir, `logs-worker-${process.pid}.log`), sync: true, mkdir: true }),
  );
}

const delivery = createDeliveryServices(context, createEvidenceServices(context).recorder, {
  leaseMs: 1_500,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 1_000,
  pollIntervalMs: 50,
  printCheckIntervalMs: 200,
  printBatchMaxAgeMs: 300,
  printClosingGraceMs: 1_000,
  claimBatchSize: 32,
});
const worker = new Worker({ tasks: deliveryTasks(context, delivery), logger: context.logger });
worker.start();
process.stderr.write('worker ready\n');
process.once('SIGTERM', () => {
  void worker.stop().then(async () => {
    await database.close();
    process.exit(0);
  });
});
