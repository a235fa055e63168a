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
    worker = new Worker(workerTasks(context, services), context.logger);
    worker.start();
  }

  let stopping: Promise<void> | undefined;
  return {
    app,
    address,
    stop() {
      stopping ??= (async () => {
        await app?.close();
        await worker?.stop();
        await context.database.close();
        context.logger.flush();
      })();
      return stopping;
    },
  };
}
