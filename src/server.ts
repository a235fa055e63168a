import type { Config } from './config/config.js';
import { bootstrap } from './bootstrap.js';
import { seedDemo } from './demo/seed-demo.js';
import { buildApp, type App } from './http/app.js';
import { startOpsServer } from './http/ops-server.js';
import { Worker } from './worker/worker.js';
import { workerTasks } from './worker/tasks.js';

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

export async function serve(config: Config, options: ServeOptions): Promise<RunningServer> {
  const { context, services } = await bootstrap(config, { demo: options.demo, progress: options.progress });
  if (options.demo) await seedDemo(context, services, options.progress);

  let app: App | undefined;
  let address: string | undefined;
  if (options.role !== 'worker') {
    app = await buildApp(context, services);
    address = await app.listen({ port: config.port, host: config.host });
  }
  let worker: Worker | undefined;
  if (options.role !== 'web') {
    worker = new Worker(workerTasks(context, services), context.logger);
    worker.start();
  }

  const ops = config.metricsListener ? await startOpsServer(context, config.metricsListener) : undefined;

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
