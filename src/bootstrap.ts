import path from 'node:path';
import type { DestinationStream } from 'pino';
import type { AppContext } from './app-context.js';
import type { Config } from './config/config.js';
import { Envelope } from './crypto/envelope.js';
import { loadKeyRing } from './crypto/master-key.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { createMetrics } from './http/metrics.js';
import { createLogger } from './logging/logger.js';
import {
  FilePopulationRegister,
  demoRegisterFile,
} from './modules/population-register/file-population-register.js';
import { createServices, type AppServices } from './services.js';

export interface BootstrapOptions {
  demo: boolean;
  /** Enables the bundled test identification service (demo implies it). */
  testIdp?: boolean;
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

/**
 * Everything a command needs before it does its own work, in an order that fails fast on operator
 * mistakes: keys and register file are checked before the database is touched.
 */
export async function bootstrap(config: Config, options: BootstrapOptions): Promise<Bootstrapped> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const keyRing = loadKeyRing(config, { demo: options.demo, notify: options.progress });
  const populationRegister = FilePopulationRegister.load(config.populationRegisterFile ?? demoRegisterFile);
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileFor(config) });
  try {
    options.progress(`database: ${database.description}`);
    await migrateToLatest(database, options.progress);
  } catch (error) {
    await database.close();
    throw error;
  }
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
