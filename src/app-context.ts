import type { Config } from './config/config.js';
import type { Envelope } from './crypto/envelope.js';
import type { Database } from './db/database.js';
import type { AppMetrics } from './http/metrics.js';
import type { Logger } from './logging/logger.js';
import type { PopulationRegister } from './modules/population-register/index.js';

/** The process-wide parts every module is built from; created once at start-up (or per test). */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
  envelope: Envelope;
  populationRegister: PopulationRegister;
  metrics: AppMetrics;
  /** Injected so tests can move time (deadlines, expiries) without sleeping. */
  clock: () => Date;
  /** True when started with --demo or TEST_IDP=1: enables the bundled test identification service. */
  testMode: boolean;
}
