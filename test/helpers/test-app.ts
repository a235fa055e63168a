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
import {
  leakScanDir,
  recordLogLines,
  recordSecretsInBody,
  recordSecretsInHeaders,
  recordSecretsOfServer,
} from './leak-record.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Log lines written by the app under test, as raw JSON text (what an operator would see). */
export class CapturedLog extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    const text = chunk.toString('utf8');
    this.lines.push(...text.split('\n').filter(Boolean));
    recordLogLines('app', text);
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
  recordSecretsOfRequests(app);
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

/**
 * Under the leak scan, records the credentials and content of every request a test makes, in
 * process (inject) or over a socket (browser tests), and the tokens the app hands out in answer.
 */
function recordSecretsOfRequests(app: App): void {
  if (!leakScanDir) return;
  recordSecretsOfServer(app.server);
  const inject = app.inject.bind(app) as (...args: unknown[]) => unknown;
  (app as { inject: unknown }).inject = (...args: unknown[]) => {
    const [options] = args;
    // Only the promise form with an options object (what the tests use); others pass through.
    if (args.length !== 1 || !options || typeof options !== 'object') return inject(...args);
    const request = options as {
      headers?: Record<string, unknown>;
      cookies?: Record<string, string>;
      payload?: unknown;
      body?: unknown;
    };
    recordSecretsInHeaders(request.headers);
    const cookies = Object.entries(request.cookies ?? {}).map(([name, value]) => `${name}=${value}`);
    if (cookies.length > 0) recordSecretsInHeaders({ cookie: cookies.join('; ') });
    const type = request.headers?.['content-type'];
    recordSecretsInBody(request.payload ?? request.body, typeof type === 'string' ? type : undefined);
    return (inject(options) as Promise<{ headers: Record<string, unknown>; body: string }>).then(
      (response) => {
        recordSecretsInHeaders(response.headers);
        const answered = response.headers['content-type'];
        recordSecretsInBody(response.body, typeof answered === 'string' ? answered : undefined);
        return response;
      },
    );
  };
}
