import { load, type LoadOptions, type LoadOutcome } from './load-generator.js';
import type { Row } from './result-row.js';

/** One point of the growth series: the database's size and what ingest and the inbox did there. */
export interface GrowthPoint {
  messages: number;
  ingest: LoadOutcome;
  inbox: LoadOutcome;
}

/** How far apart the figures of the series may be: the largest within 1.5× of the smallest. */
const allowedSpread = 1.5;

/** The sizes of the series: a hundredth, a tenth and the whole of `--scale`. */
export function growthSizes(scale: number): number[] {
  return [Math.round(scale / 100), Math.round(scale / 10), scale];
}

/**
 * At each size: grow the database to it, then load ingest and the inbox page, ours alone (the
 * references do not change with the data). One untimed second of each first: the first point would
 * otherwise carry the server's warm-up (compiling, first prepared statements) and look slowest.
 */
export async function measureGrowthSeries(
  sizes: number[],
  grow: (messages: number) => Promise<void>,
  ingest: LoadOptions,
  inbox: LoadOptions,
): Promise<GrowthPoint[]> {
  await load({ ...ingest, seconds: 1 });
  await load({ ...inbox, seconds: 1 });
  const points: GrowthPoint[] = [];
  for (const messages of sizes) {
    await grow(messages);
    points.push(await measureGrowthPoint(messages, ingest, inbox));
  }
  return points;
}

async function measureGrowthPoint(
  messages: number,
  ingest: LoadOptions,
  inbox: LoadOptions,
): Promise<GrowthPoint> {
  const point = { messages, ingest: await load(ingest), inbox: await load(inbox) };
  console.log(
    `growth at ${messages.toLocaleString('en')} messages: ingest ${point.ingest.requestsPerSecond.toFixed(0)}/s, ` +
      `inbox p99 ${point.inbox.p99} ms`,
  );
  return point;
}

/**
 * Two rows, ingest rate and inbox p99, each comparing the largest database with the smallest; the
 * ratio is the spread of the whole series (largest figure / smallest), met within 1.5×.
 */
export function growthRows(points: GrowthPoint[]): Row[] {
  const first = points[0]!;
  const last = points.at(-1)!;
  const row = (scenario: string, figure: (point: GrowthPoint) => number, pick: 'ingest' | 'inbox'): Row => {
    const values = points.map(figure);
    // A p99 of 0 ms (a sub-millisecond page) counts as 1 ms, so the spread stays finite.
    const spread = Math.max(...values) / Math.max(Math.min(...values), pick === 'inbox' ? 1 : 1e-9);
    const failed = points.some((point) => point[pick].non2xx > 0);
    return {
      scenario,
      ours: last[pick],
      bare: first[pick],
      reference: `at ${first.messages.toLocaleString('en')}`,
      target: 0,
      within: allowedSpread,
      ratio: spread,
      met: spread <= allowedSpread && !failed,
    };
  };
  return [
    row(
      `growth: ingest at ${last.messages.toLocaleString('en')}`,
      (p) => p.ingest.requestsPerSecond,
      'ingest',
    ),
    row(`growth: inbox p99 at ${last.messages.toLocaleString('en')}`, (p) => p.inbox.p99, 'inbox'),
  ];
}
