import path from 'node:path';
import type { DestinationStream } from 'pino';
import type { AppContext } from './app-context.js';
import type { Config } from './config/config.js';
import type { KeyRing } from './crypto/key-ring.js';
import { loadKeyRing } from './crypto/master-key.js';
import { Envelope } from './crypto/envelope.js';
import { KeyMismatchError, checkKeyRing } from './crypto/key-fingerprint.js';
import { openDatabase, type Database } from './db/database.js';
import { KeyFingerprintRepository } from './db/key-fingerprint-repository.js';
import { migrateToLatest } from './db/migrator.js';
import { assertSchemaUsable, tableExists } from './db/schema-compatibility.js';
import type { Logger } from './logging/logger.js';
import type { AppServices } from './services.js';

export { KeyMismatchError };

export interface BootstrapOptions {
  /** Demo mode: a generated key is fine, and the schema is migrated here (otherwise by `migrate`). */
  demo: boolean;
  /** Enables the bundled test identification service (demo implies it). */
  testIdp?: boolean;
  /**
   * Operator commands (not `serve`): without MASTER_KEY or MASTER_KEY_FILE, use the key `serve --demo`
   * generated in DATA_DIR, if this is such a demo data directory.
   */
  demoDataDirKey?: boolean;
  progress: (message: string) => void;
  logDestination?: DestinationStream;
}

export interface Bootstrapped {
  context: AppContext;
  services: AppServices;
}

export function sqliteFileFor(config: Config): string {
  return path.join(config.dataDir, 'asiointitili.db');
}

function keyRingFor(config: Config, options: Omit<BootstrapOptions, 'logDestination'>): KeyRing {
  return loadKeyRing(config, {
    demo: options.demo,
    demoDataDirKey: options.demoDataDirKey === true,
    notify: options.progress,
  });
}

function openDatabaseFor(config: Config, logger?: Logger): Database {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: sqliteFileFor(config),
    poolSize: config.databasePoolSize,
    onConnectionError: (error) => logger?.warn({ err: error }, 'database connection lost'),
  });
}

/**
 * Refuses a key ring this database was not written with (see crypto/key-fingerprint.ts), before any
 * row is written under the wrong key; records the fingerprints of keys new to it.
 */
async function verifyKeyRing(keyRing: KeyRing, database: Database): Promise<void> {
  const fingerprints = new KeyFingerprintRepository(database.db);
  const fresh = checkKeyRing(keyRing, await fingerprints.all());
  await fingerprints.record(fresh, new Date().toISOString());
  // Another process may have recorded a different key under the same id at the same moment.
  if (fresh.size > 0) checkKeyRing(keyRing, await fingerprints.all());
}

/** Opens the database and makes sure this process can work with it: schema, then key ring. */
async function openReady(
  config: Config,
  keyRing: KeyRing,
  options: { migrate: boolean; progress: (message: string) => void; logger?: Logger },
): Promise<Database> {
  const database = openDatabaseFor(config, options.logger);
  try {
    options.progress(`database: ${database.description}`);
    // A database that knows its keys checks them first: migrations seal personal data with them.
    if (options.migrate) {
      if (await tableExists(database, 'key_fingerprints')) await verifyKeyRing(keyRing, database);
      await migrateToLatest(database, options.progress, new Envelope(keyRing));
    } else await assertSchemaUsable(database);
    await verifyKeyRing(keyRing, database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * `asiointitili migrate`: the schema and the key check, nothing else, so it loads only the database
 * layer. The key is checked although migrations never decrypt: a missing or wrong key is an operator
 * mistake best found before the first real start.
 */
export async function migrateDatabase(
  config: Config,
  options: Pick<BootstrapOptions, 'progress' | 'demoDataDirKey'>,
): Promise<void> {
  const keyRing = keyRingFor(config, { demo: false, ...options });
  const database = await openReady(config, keyRing, { migrate: true, progress: options.progress });
  await database.close();
}

/**
 * The key ring and the database it was checked against, for the `keys …` commands: no services, no
 * population register. The caller closes the database.
 */
export async function openWithKeyRing(
  config: Config,
  options: Pick<BootstrapOptions, 'progress' | 'demoDataDirKey'>,
): Promise<{ keyRing: KeyRing; database: Database }> {
  const keyRing = keyRingFor(config, { demo: false, ...options });
  const database = await openReady(config, keyRing, { migrate: false, progress: options.progress });
  return { keyRing, database };
}

/**
 * Everything a command needs before it does its own work, in an order that fails fast on operator
 * mistakes: keys and register file are checked before the database is touched. The service layer is
 * imported here rather than at the top so that `migrate`, which shares this module, does not load it.
 */
export async function bootstrap(config: Config, options: BootstrapOptions): Promise<Bootstrapped> {
  const keyRing = keyRingFor(config, options);
  const [
    { createLogger },
    { Envelope },
    { FilePopulationRegister, demoRegisterFile },
    { createMetrics },
    { createServices },
  ] = await Promise.all([
    import('./logging/logger.js'),
    import('./crypto/envelope.js'),
    import('./modules/population-register/index.js'),
    import('./http/metrics.js'),
    import('./services.js'),
  ]);
  const logger = createLogger(config.logLevel, options.logDestination);
  const populationRegister = FilePopulationRegister.load(config.populationRegisterFile ?? demoRegisterFile);
  // Only the demo migrates by itself; everywhere else migrations are an explicit step, so that
  // several versions can run side by side during an upgrade (docs/upgrades.md).
  const database = await openReady(config, keyRing, {
    migrate: options.demo,
    progress: options.progress,
    logger,
  });
  const context: AppContext = {
    config,
    database,
    logger,
    envelope: new Envelope(keyRing),
    populationRegister,
    metrics: createMetrics(),
    clock: () => new Date(),
    testMode: options.demo || options.testIdp === true || config.testIdp,
  };
  return { context, services: createServices(context) };
}
