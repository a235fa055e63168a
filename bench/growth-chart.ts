/**
 * node --import tsx bench/growth-chart.ts (or `npm run bench -- --chart`): draws the growth series of
 * the latest results file that has one into docs/benchmarks-growth.svg, a hand-written SVG (two
 * panels: ingest rate and inbox p99 against the messages in the database, on a logarithmic axis).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GrowthPoint } from './growth.js';

const panel = { width: 370, height: 240, left: 56, right: 36, top: 36, bottom: 44 };

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** One panel: a line through the points, log-scaled x, y from zero to the largest value. */
function linePanel(offsetX: number, title: string, unit: string, points: Array<[number, number]>): string {
  const plotWidth = panel.width - panel.left - panel.right;
  const plotHeight = panel.height - panel.top - panel.bottom;
  const logs = points.map(([x]) => Math.log10(x));
  const [minLog, maxLog] = [Math.min(...logs), Math.max(...logs)];
  const maxY = Math.max(...points.map(([, y]) => y), 1) * 1.15;
  const x = (value: number) =>
    offsetX +
    panel.left +
    (maxLog === minLog ? plotWidth / 2 : ((Math.log10(value) - minLog) / (maxLog - minLog)) * plotWidth);
  const y = (value: number) => panel.top + plotHeight - (value / maxY) * plotHeight;
  const bottom = panel.top + plotHeight;
  const parts = [
    `<text x="${offsetX + panel.width / 2}" y="20" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>`,
    `<line x1="${offsetX + panel.left}" y1="${bottom}" x2="${offsetX + panel.width - panel.right}" y2="${bottom}" stroke="#555"/>`,
    `<line x1="${offsetX + panel.left}" y1="${panel.top}" x2="${offsetX + panel.left}" y2="${bottom}" stroke="#555"/>`,
    `<text x="${offsetX + panel.left - 6}" y="${panel.top + 4}" text-anchor="end">${maxY.toFixed(0)}</text>`,
    `<text x="${offsetX + panel.left - 6}" y="${bottom}" text-anchor="end">0</text>`,
    `<text x="${offsetX + 14}" y="${panel.top + plotHeight / 2}" transform="rotate(-90 ${offsetX + 14} ${panel.top + plotHeight / 2})" text-anchor="middle">${escapeXml(unit)}</text>`,
    `<polyline fill="none" stroke="#2a5ea8" stroke-width="2" points="${points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')}"/>`,
  ];
  for (const [px, py] of points) {
    parts.push(
      `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3.5" fill="#2a5ea8"/>`,
      `<text x="${x(px).toFixed(1)}" y="${(y(py) - 8).toFixed(1)}" text-anchor="middle">${py.toFixed(0)}</text>`,
      `<text x="${x(px).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${px.toLocaleString('en')}</text>`,
    );
  }
  parts.push(
    `<text x="${offsetX + panel.left + plotWidth / 2}" y="${bottom + 34}" text-anchor="middle">messages in the database</text>`,
  );
  return parts.join('\n');
}

export function growthSvg(points: GrowthPoint[], caption: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${panel.width * 2}" height="${panel.height + 20}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    linePanel(
      0,
      'Ingest rate',
      'requests/s',
      points.map((p) => [p.messages, p.ingest.requestsPerSecond]),
    ),
    linePanel(
      panel.width,
      'Inbox page p99',
      'ms',
      points.map((p) => [p.messages, p.inbox.p99]),
    ),
    `<text x="${panel.width}" y="${panel.height + 12}" text-anchor="middle" fill="#555">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Writes the chart of the newest results file in `resultsDir` with a growth series; returns its path. */
export function writeGrowthChart(
  resultsDir: string,
  svgFile = path.join(import.meta.dirname, '..', 'docs', 'benchmarks-growth.svg'),
): string {
  // The file names are ISO timestamps, so the newest sorts last.
  const newest = fs
    .readdirSync(resultsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .map((name) => JSON.parse(fs.readFileSync(path.join(resultsDir, name), 'utf8')) as Results)
    .find((results) => (results.growth?.length ?? 0) > 0);
  if (!newest) throw new Error(`no results file in ${resultsDir} has a growth series`);
  const caption = `${newest.date.slice(0, 10)}, ${newest.db}, ${newest.connections} connections, ${newest.seconds} s a run, ${newest.machine.cpus} cores`;
  fs.writeFileSync(svgFile, growthSvg(newest.growth!, caption));
  return svgFile;
}

interface Results {
  date: string;
  db: string;
  seconds: number;
  connections: number;
  machine: { cpus: number };
  growth?: GrowthPoint[];
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  console.log(`chart: ${writeGrowthChart(path.join(import.meta.dirname, 'results'))}`);
}
