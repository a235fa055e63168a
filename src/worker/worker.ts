import type { Logger } from '../logging/logger.js';

/** A piece of background work the worker runs repeatedly (delivery jobs, purges, batch closing). */
export interface PeriodicTask {
  name: string;
  intervalMs: number;
  /** Returns true when it did work and should run again at once (draining a queue). */
  run(): Promise<boolean | void>;
}

/**
 * Runs periodic tasks in the `worker` role. Each task runs sequentially with itself; stop() waits
 * for the runs in progress to finish, so a SIGTERM never cuts a job in half.
 */
export class Worker {
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly wakeups = new Set<() => void>();
  /** When each task's current run began (absent while it sleeps). */
  private readonly runningSince = new Map<string, number>();

  private readonly tasks: PeriodicTask[];
  private readonly logger: Logger;

  constructor(deps: { tasks: PeriodicTask[]; logger: Logger }) {
    this.tasks = deps.tasks;
    this.logger = deps.logger;
  }

  start(): void {
    for (const task of this.tasks) this.loops.push(this.loop(task));
    this.logger.info({ tasks: this.tasks.map((t) => t.name) }, 'worker started');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of this.wakeups) wake();
    await Promise.all(this.loops);
    this.logger.info('worker stopped');
  }

  /**
   * Tasks whose current run has gone on longer than `stallMs`: a run hangs (a lost connection with
   * no timeout, a deadlock) while the process itself still answers. Readiness reports them.
   */
  stalledTasks(now: number, stallMs: number): string[] {
    return [...this.runningSince].filter(([, since]) => now - since > stallMs).map(([name]) => name);
  }

  private async loop(task: PeriodicTask): Promise<void> {
    while (!this.stopped) {
      let again = false;
      this.runningSince.set(task.name, Date.now());
      try {
        again = (await task.run()) === true;
      } catch (error) {
        this.logger.error({ err: error, task: task.name }, 'worker task failed');
      } finally {
        this.runningSince.delete(task.name);
      }
      if (!again && !this.stopped) await this.sleep(task.intervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeups.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeups.add(wake);
    });
  }
}
