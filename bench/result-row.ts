import type { LoadOutcome } from './load-generator.js';

/** A measured rate; latency where the scenario has requests to time (a burst or a PDF loop has not). */
export type Figure = Pick<LoadOutcome, 'requestsPerSecond'> & Partial<Omit<LoadOutcome, 'requestsPerSecond'>>;

/** One line of the table and of the results file: ours against its reference, and the target. */
export interface Row {
  scenario: string;
  ours: Figure;
  bare: Figure;
  /** A second reference (ingest on SQLite: a server that commits the body and nothing else). */
  committing?: Figure;
  target: number;
  p99Limit?: number;
  ratio: number;
  met: boolean;
  /** A series' spread instead of a ratio: met when ratio (largest / smallest) ≤ within. */
  within?: number;
  /** What the reference is, when it is not bare Fastify (the SMTP sink alone, pdfkit alone, …). */
  reference?: string;
  /**
   * The measured server's peak RSS during this scenario alone, by process (`serve --role all`:
   * bytes); where it shows which scenario comes near the limit. The target is checked per process
   * over its whole life (bench/process-rss.ts).
   */
  serverPeakRss?: Record<string, number>;
}

/** A row for a rate against a reference rate (no latency limit): met when ours ≥ target × reference. */
export function rateRow(
  scenario: string,
  ours: Figure,
  reference: Figure,
  target: number,
  referenceName: string,
): Row {
  const ratio = ours.requestsPerSecond / reference.requestsPerSecond;
  return { scenario, ours, bare: reference, target, ratio, met: ratio >= target, reference: referenceName };
}

export function printRow(row: Row): void {
  const figure = (o: Figure) =>
    `${o.requestsPerSecond.toFixed(0)}/s` + (o.p99 !== undefined ? ` p50 ${o.p50} p99 ${o.p99} ms` : '');
  const limits = [
    row.target > 0 ? `≥ ${row.target}×` : '',
    row.within ? `spread ≤ ${row.within}×` : '',
    row.p99Limit ? `p99 ≤ ${row.p99Limit} ms` : '',
  ]
    .filter(Boolean)
    .join(', ');
  console.log(
    `${row.scenario.padEnd(34)} ours ${figure(row.ours)}${row.ours.non2xx ? ` (non-2xx ${row.ours.non2xx})` : ''}` +
      ` | ${row.reference ?? 'bare'} ${figure(row.bare)} | ${row.ratio.toFixed(3)}× (${limits}) ${row.met ? 'met' : 'MISSED'}`,
  );
  if (row.serverPeakRss) {
    const peaks = Object.entries(row.serverPeakRss).map(
      ([process, bytes]) => `${process} ${(bytes / 1024 / 1024).toFixed(0)} MB`,
    );
    console.log(`${''.padEnd(34)} peak RSS during this scenario: ${peaks.join(', ')}`);
  }
  if (row.committing) console.log(`${''.padEnd(34)} committing-only reference ${figure(row.committing)}`);
}
