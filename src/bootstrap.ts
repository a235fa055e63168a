import path from 'node:path';
import type { DestinationStream } from 'pino';
import type { AppContext } from './app-context.js';
import type { Config } from './config/config.js';
import type { KeyRing } from './crypto/key-ring.js';
import { loadKeyRing } from './crypto/master-key.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import type { AppServices } from './services.js';

export interface BootstrapOptions {
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

async function openMigrated(config: Config, progress: (message: string) => void): Promise<Database> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileFor(config) });
  try {
    progress(`database: ${database.description}`);
    await migrateToLatest(database, progress);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * `asiointitili migrate`: the key check and the schema, nothing else, so it loads only the database
 * layer. The key is checked although migrations never decrypt: a missing key is an operator mistake
 * best found before the first real start.
 */
export async function migrateDatabase(
  config: Config,
  options: Pick<BootstrapOptions, 'progress' | 'demoDataDirKey'>,
): Promise<void> {
  keyRingFor(config, { demo: false, ...options });
  const database = await openMigrated(config, options.progress);
  await database.close();
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
    import('./modules/population-register/file-population-register.js'),
    import('./http/metrics.js'),
    import('./services.js'),
  ]);
  const logger = createLogger(config.logLevel, options.logDestination);
  const populationRegister = FilePopulationRegister.load(config.populationRegisterFile ?? demoRegisterFile);
  const database = await openMigrated(config, options.progress);
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
