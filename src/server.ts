import type { Config } from './config/config.js';
import { bootstrap } from './bootstrap.js';
import type { App } from './http/app.js';
import type { Worker } from './worker/worker.js';

export type Role = 'all' | 'web' | 'worker';

export interface ServeOptions {
  demo: boolean;
  role: Role;
  progress: (message: string) => void;
}

export interface RunningServer {
  app: App | undefined;
  address: string | undefined;
  /** The operators' listener (METRICS_PORT), when configured. */
  opsAddress: string | undefined;
  /** Stops accepting, lets in-flight requests and jobs finish, then closes the database. */
  stop(): Promise<void>;
}

/** Starts an import now and marks it handled, so a start that fails earlier reports its own error. */
function loadEarly<T>(load: () => Promise<T>): Promise<T> {
  const loading = load();
  loading.catch(() => undefined);
  return loading;
}

export async function serve(config: Config, options: ServeOptions): Promise<RunningServer> {
  // Each role loads only its own code. Loading starts at once and goes on while the database is
  // opened, migrated and seeded, instead of before or after that work.
  const web = options.role === 'worker' ? undefined : loadEarly(() => import('./http/app.js'));
  const background =
    options.role === 'web'
      ? undefined
      : loadEarly(() => Promise.all([import('./worker/worker.js'), import('./worker/tasks.js')]));
  const seeding = options.demo ? loadEarly(() => import('./demo/seed-demo.js')) : undefined;
  const { context, services } = await bootstrap(config, { demo: options.demo, progress: options.progress });
  // The evidence signing key is read on first use; a process that serves reads it now, so a missing
  // or unusable key file stops the start (and in DATA_DIR it is made by the service's own user).
  services.evidence.checkKeys();
  if (context.testMode && !options.demo && !config.oidc && options.role !== 'worker') {
    // TEST_IDP=1 without --demo: possible by design (tests, a staging demo), never right in production.
    const warning =
      'the bundled test identification service is enabled (TEST_IDP=1): anyone can sign in as any person ' +
      'in the population register; never run it like this in production';
    context.logger.warn(warning);
    options.progress(`warning: ${warning}`);
  }
  if (seeding) {
    const { seedDemo } = await seeding;
    await seedDemo(context, services, options.progress);
  }

  let app: App | undefined;
  let address: string | undefined;
  if (web) {
    const { buildApp } = await web;
    app = await buildApp(context, services);
    address = await app.listen({ port: config.port, host: config.host });
  }
  let worker: Worker | undefined;
  if (background) {
    const [{ Worker }, { workerTasks }] = await background;
    worker = new Worker({ tasks: workerTasks(context, services), logger: context.logger });
    worker.start();
  }

  // A worker task whose run goes on this long is taken as hung: the worker is then not ready.
  const stallMs = 15 * 60 * 1000;
  // A worker-only process may have its own port (WORKER_METRICS_PORT), so a web and a worker process
  // on one host can share one environment file.
  const opsListener = options.role === 'worker' ? config.workerMetricsListener : config.metricsListener;
  const ops = opsListener
    ? await (
        await import('./http/ops-server.js')
      ).startOpsServer(context, opsListener, () => {
        const stalled = worker?.stalledTasks(Date.now(), stallMs) ?? [];
        return stalled.length > 0 ? `worker tasks stalled: ${stalled.join(', ')}` : undefined;
      })
    : undefined;

  let stopping: Promise<void> | undefined;
  return {
    app,
    address,
    opsAddress: ops?.address,
    stop() {
      stopping ??= (async () => {
        await app?.close();
        await ops?.server.close();
        await worker?.stop();
        await context.database.close();
        context.logger.flush();
      })();
      return stopping;
    },
  };
}
