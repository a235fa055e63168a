import { startCliServer, type StartedServer } from '../test/helpers/cli-process.js';
import { childDatabaseEnv } from '../test/helpers/delivery-context.js';
import type { TestDatabase } from '../test/helpers/test-database.js';
import { buildCommandOnce } from './built-command.js';
import { peakRssOf, resetPeakRss, type PeakRssLedger } from './process-rss.js';

/** What a child needs to serve the bench's data: its database, the key ring that encrypted it, its URL. */
export interface BenchDeployment {
  database: TestDatabase;
  keyRingText: string;
  /** The harness's public URL: the session cookie's name and the signed-in citizen's session follow it. */
  publicUrl: string;
}

/** The environment of `serve` on the bench's database, as an operator would give it. */
function benchServerEnv(deployment: BenchDeployment): Record<string, string> {
  return {
    ...childDatabaseEnv(deployment.database),
    MASTER_KEY: deployment.keyRingText,
    PUBLIC_URL: deployment.publicUrl,
    LOG_LEVEL: 'warn',
    ...serverNodeOptions(),
  };
}

/**
 * The NODE_OPTIONS the deployment starts the service with (deploy/Dockerfile and the systemd units;
 * test/unit/deploy/node-options.test.ts keeps them equal): the bench measures the server as deployed.
 */
export const deployedNodeOptions = '--max-old-space-size=256';

/**
 * BENCH_SERVER_NODE_OPTIONS, given to every server the bench starts as NODE_OPTIONS instead of the
 * deployed ones: to see how the peak RSS and the rates change with, say, `--max-old-space-size=128`
 * (V8 grows its heap lazily up to its limit). Set but empty: none at all (Node's own default).
 */
export function serverNodeOptions(): { NODE_OPTIONS?: string } {
  const options = process.env.BENCH_SERVER_NODE_OPTIONS ?? deployedNodeOptions;
  return options ? { NODE_OPTIONS: options } : {};
}

/** The real command (compiled, built first if need be) in a child process of its own. */
export function startServe(
  role: 'all' | 'web' | 'worker',
  deployment: BenchDeployment,
): Promise<StartedServer> {
  buildCommandOnce();
  return startCliServer(['serve', '--role', role], benchServerEnv(deployment));
}

/**
 * The server the load scenarios measure, deployed as docs/operations.md says: on SQLite one
 * `serve --role all` process (one file, one writer), on PostgreSQL `serve --role web` beside a
 * `serve --role worker`, so the worker runs the jobs the ingest makes while the load goes on.
 */
export class MeasuredServer {
  /** Each process's peak over its life so far: the largest of every read, as reads reset the mark. */
  private readonly lifetimePeaks: (number | null)[];

  private constructor(
    private readonly processes: { label: string; server: StartedServer }[],
    readonly baseUrl: string,
  ) {
    this.lifetimePeaks = processes.map(() => 0);
  }

  /**
   * Each process's peak RSS since the previous call, by its command (`serve --role web`: bytes), and
   * the mark started afresh. Call before a scenario's load to leave out what came before, and after
   * it for the scenario's own peak. Undefined when a process's mark cannot be read or reset.
   */
  peaksSinceLastRead(): Record<string, number> | undefined {
    const peaks: Record<string, number> = {};
    let separate = true;
    this.processes.forEach(({ label, server }, index) => {
      const pid = server.child.pid;
      const peak = pid === undefined ? null : peakRssOf(pid);
      const lifetime = this.lifetimePeaks[index];
      this.lifetimePeaks[index] = peak === null || lifetime === null ? null : Math.max(lifetime ?? 0, peak);
      if (peak === null || !resetPeakRss(pid!)) separate = false;
      else peaks[label] = peak;
    });
    return separate ? peaks : undefined;
  }

  static async start(deployment: BenchDeployment, postgres: boolean): Promise<MeasuredServer> {
    const processes: { label: string; server: StartedServer }[] = [];
    try {
      for (const role of postgres ? (['worker', 'web'] as const) : (['all'] as const)) {
        processes.push({ label: `serve --role ${role}`, server: await startServe(role, deployment) });
      }
    } catch (error) {
      await Promise.all(processes.map(({ server }) => server.stop()));
      throw error;
    }
    return new MeasuredServer(processes, processes.at(-1)!.server.baseUrl);
  }

  /** Records each process's peak RSS over its life (read while it still runs) when given a ledger, then stops them. */
  async stop(rss?: { ledger: PeakRssLedger; scenarios: string }): Promise<void> {
    if (rss) {
      this.peaksSinceLastRead();
      this.processes.forEach(({ label }, index) =>
        rss.ledger.add(`${label} (${rss.scenarios})`, this.lifetimePeaks[index] ?? null),
      );
    }
    await Promise.all(this.processes.map(({ server }) => server.stop()));
  }
}
