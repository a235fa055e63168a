import { Writable } from 'node:stream';
import type { AppContext } from '../../src/app-context.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { Envelope } from '../../src/crypto/envelope.js';
import { generateKeyRingText, parseKeyRing } from '../../src/crypto/key-ring.js';
import { buildApp, type App, type BuildAppOptions } from '../../src/http/app.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logging/logger.js';
import {
  FilePopulationRegister,
  demoRegisterFile,
} from '../../src/modules/population-register/file-population-register.js';
import { createServices, type AppServices } from '../../src/services.js';
import { createFixtures, type Fixtures } from './fixtures.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Log lines written by the app under test, as raw JSON text (what an operator would see). */
export class CapturedLog extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestHarness {
  app: App;
  context: AppContext;
  services: AppServices;
  /** Creates organisations, accounts, messages and uploads through the modules' own code. */
  fixtures: Fixtures;
  testDatabase: TestDatabase;
  log: CapturedLog;
  /** Moves the injected clock. */
  setNow(instant: Date | string): void;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  now?: Date | string;
  testMode?: boolean;
  /** Registers extra routes (e.g. ones that fail on purpose) before the app is sealed. */
  extraRoutes?: (app: App) => void;
  /** Registers extra routes inside the organisation API's scope (its error handling and wire format). */
  extraApiRoutes?: (api: App) => void;
  /** The master key ring (KEYS file text); a fresh one-key ring by default. */
  keyRingText?: string;
  /** Misconfigures the bundled test IdP's registration of the service (refusal tests). */
  testIdpClient?: BuildAppOptions['testIdpClient'];
}

/** A fresh migrated database, the real services and the real HTTP app, for one test file or test. */
export async function createHarness(options: HarnessOptions = {}): Promise<TestHarness> {
  const testDatabase = await createTestDatabase();
  try {
    return await assembleHarness(testDatabase, options);
  } catch (error) {
    // A start that fails on purpose (configuration refusals) must not leave the database pool open:
    // on PostgreSQL an open pool keeps the test process alive until the runner's time-out.
    await testDatabase.destroy();
    throw error;
  }
}

async function assembleHarness(testDatabase: TestDatabase, options: HarnessOptions): Promise<TestHarness> {
  const config: Config = loadConfig({
    DATA_DIR: testDatabase.dataDir,
    LOG_LEVEL: 'info',
    PUBLIC_URL: 'http://localhost:3000',
    ...options.env,
  });
  const log = new CapturedLog();
  let now = options.now ? new Date(options.now) : undefined;
  const context: AppContext = {
    config,
    database: testDatabase.database,
    logger: createLogger(config.logLevel, log),
    envelope: new Envelope(parseKeyRing(options.keyRingText ?? generateKeyRingText('test'))),
    populationRegister: FilePopulationRegister.load(config.populationRegisterFile ?? demoRegisterFile),
    metrics: createMetrics(),
    clock: () => (now ? new Date(now) : new Date()),
    testMode: options.testMode ?? true,
  };
  const services = createServices(context);
  const app = await buildApp(context, services, {
    ...(options.extraApiRoutes ? { extendApi: options.extraApiRoutes } : {}),
    ...(options.testIdpClient ? { testIdpClient: options.testIdpClient } : {}),
  });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    context,
    services,
    fixtures: createFixtures(context, services),
    testDatabase,
    log,
    setNow(instant) {
      now = new Date(instant);
    },
    async close() {
      await app.close();
      await testDatabase.destroy();
    },
  };
}
