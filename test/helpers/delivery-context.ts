import { loadConfig } from '../../src/config/config.js';
import type { AppContext } from '../../src/app-context.js';
import { Envelope } from '../../src/crypto/envelope.js';
import { parseKeyRing } from '../../src/crypto/key-ring.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logging/logger.js';
import {
  FilePopulationRegister,
  demoRegisterFile,
} from '../../src/modules/population-register/file-population-register.js';
import { leakScanLogger } from './leak-record.js';
import type { TestDatabase } from './test-database.js';

/**
 * An application context on a test database with a known key ring, for tests that share the data
 * with a child process (CLI, worker) which must decrypt what the test wrote.
 */
export function contextFor(
  database: TestDatabase,
  keyRingText: string,
  env: Record<string, string> = {},
): AppContext {
  const config = loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', ...env });
  const scanned = leakScanLogger('delivery context');
  return {
    config,
    database: database.database,
    logger: scanned ? createLogger(scanned.level, scanned.destination) : createLogger('silent'),
    envelope: new Envelope(parseKeyRing(keyRingText)),
    populationRegister: FilePopulationRegister.load(demoRegisterFile),
    metrics: createMetrics(),
    clock: () => new Date(),
    testMode: true,
  };
}

/** Environment for a child process on the same database (SQLite file in DATA_DIR, or the PG schema). */
export function childDatabaseEnv(database: TestDatabase): Record<string, string> {
  if (!database.databaseUrl) return { DATA_DIR: database.dataDir };
  const url = new URL(database.databaseUrl);
  url.searchParams.set('options', `-c search_path=${database.postgresSchema}`);
  return { DATA_DIR: database.dataDir, DATABASE_URL: url.toString() };
}
