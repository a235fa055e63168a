import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/** The target for every process of the service: server and worker, each. */
export const rssLimitBytes = 300 * 1024 * 1024;

/** One process's peak resident set, as the results file keeps it. */
export interface ProcessPeakRss {
  /** Which process: its command and the scenarios it served. */
  process: string;
  /** null where the kernel does not say (no /proc): then the target is not shown to be met. */
  peakBytes: number | null;
  met: boolean;
}

/**
 * The kernel's high-water mark of the process's resident set (VmHWM), over its whole life: exact,
 * where sampling VmRSS could miss a short peak between samples. Linux only.
 */
export function peakRssOf(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Starts the process's high-water mark afresh (Linux ≥ 4.0: "5" into clear_refs), so the next read
 * is the peak of what came after: one scenario's. False where that is not possible; the next read
 * then still includes everything before.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The service's processes the bench started, each with its peak, one line each. */
export class PeakRssLedger {
  readonly entries: ProcessPeakRss[] = [];

  /** Call while the process still runs (just before stopping it): once it has exited /proc forgets it. */
  record(process: string, child: ChildProcess): void {
    this.add(process, child.pid === undefined || child.exitCode !== null ? null : peakRssOf(child.pid));
  }

  /** A peak read by the caller (the load scenarios' server keeps its own, across its resets). */
  add(process: string, peakBytes: number | null): void {
    const entry = { process, peakBytes, met: peakBytes !== null && peakBytes <= rssLimitBytes };
    this.entries.push(entry);
    printEntry(entry);
  }

  /** Every process again, together at the end of the run. */
  printSummary(): void {
    for (const entry of this.entries) printEntry(entry);
  }

  /** The largest peak measured (0 when none was). */
  largest(): number {
    return Math.max(0, ...this.entries.map((entry) => entry.peakBytes ?? 0));
  }

  met(): boolean {
    return this.entries.every((entry) => entry.met);
  }
}

function printEntry(entry: ProcessPeakRss): void {
  const figure =
    entry.peakBytes === null ? 'not measured (no /proc/<pid>/status)' : `${mb(entry.peakBytes)} MB`;
  console.log(
    `peak RSS ${entry.process.padEnd(52)} ${figure} (target ≤ ${mb(rssLimitBytes)} MB) ${entry.met ? 'met' : 'MISSED'}`,
  );
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
