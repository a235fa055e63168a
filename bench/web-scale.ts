import type { StartedServer } from '../test/helpers/cli-process.js';
import { startServe, type BenchDeployment } from './bench-server.js';
import { load } from './load-generator.js';
import type { PeakRssLedger } from './process-rss.js';
import { rateRow, type Row } from './result-row.js';

export interface WebScaleOptions {
  /** The bench's database (PostgreSQL), its key ring and its public URL, so the children read the same data. */
  deployment: BenchDeployment;
  /** Where each child's peak RSS goes when the scenario ends. */
  rss: PeakRssLedger;
  /** The signed-in citizen's cookie header (the session row is in the shared database). */
  cookie: string;
  connections: number;
  seconds: number;
}

/**
 * `serve --role web` ×2 and `--role worker`, the real command on the bench's PostgreSQL database: the
 * inbox rate of one web process, then of both at once (the connections split across the two ports,
 * two load generators at the same time, their rates summed). Target: both ≥ 1.6× one.
 */
export async function webScale(options: WebScaleOptions): Promise<Row> {
  const started: { label: string; server: StartedServer }[] = [];
  const start = async (role: 'web' | 'worker', label: string) => {
    const server = await startServe(role, options.deployment);
    started.push({ label, server });
    return server;
  };
  let measured = false;
  try {
    await start('worker', 'serve --role worker (web ×2 scenario)');
    const first = await start('web', 'serve --role web, first (web ×2 scenario)');
    const second = await start('web', 'serve --role web, second (web ×2 scenario)');
    const inbox = (server: StartedServer, connections: number) =>
      load({
        url: `${server.baseUrl}/mailbox/inbox`,
        headers: { cookie: options.cookie },
        connections,
        seconds: options.seconds,
      });
    const one = await inbox(first, options.connections);
    const half = Math.max(1, Math.ceil(options.connections / 2));
    const both = await Promise.all([inbox(first, half), inbox(second, half)]);
    const summed = {
      requestsPerSecond: both[0].requestsPerSecond + both[1].requestsPerSecond,
      p50: Math.max(both[0].p50, both[1].p50),
      p99: Math.max(both[0].p99, both[1].p99),
      requests: both[0].requests + both[1].requests,
      non2xx: both[0].non2xx + both[1].non2xx + one.non2xx,
      errors: both[0].errors + both[1].errors,
    };
    const row = rateRow('inbox, --role web ×2 + worker', summed, one, 1.6, 'one web');
    measured = true;
    return { ...row, met: row.met && summed.non2xx === 0 };
  } finally {
    // Read while the children still run (a failed run's figures would be of half a scenario).
    if (measured) for (const { label, server } of started) options.rss.record(label, server.child);
    await Promise.all(started.map(({ server }) => server.stop()));
  }
}
