import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { growthSvg } from '../../../bench/growth-chart.js';
import { growthRows, growthSizes, type GrowthPoint } from '../../../bench/growth.js';
import type { LoadOutcome } from '../../../bench/load-generator.js';

const outcome = (requestsPerSecond: number, p99: number): LoadOutcome => ({
  requestsPerSecond,
  p50: 1,
  p99,
  requests: requestsPerSecond * 2,
  non2xx: 0,
  errors: 0,
});

const series = (ingest: number[], p99: number[]): GrowthPoint[] =>
  growthSizes(1_000_000).map((messages, i) => ({
    messages,
    ingest: outcome(ingest[i]!, 10),
    inbox: outcome(500, p99[i]!),
  }));

test('the growth series is a hundredth, a tenth and the whole of the scale', () => {
  assert.deepEqual(growthSizes(1_000_000), [10_000, 100_000, 1_000_000]);
});

test('a series within 1.5× of itself is met, a wider one missed, on each figure alone', () => {
  const [ingest, inbox] = growthRows(series([1000, 800, 700], [10, 12, 14]));
  assert.equal(ingest!.ratio.toFixed(3), (1000 / 700).toFixed(3));
  assert.equal(ingest!.met, true);
  assert.equal(inbox!.met, true);
  const [slower, later] = growthRows(series([1000, 800, 600], [10, 12, 16]));
  assert.equal(slower!.met, false, 'ingest fell to 0.6× the first rate');
  assert.equal(later!.met, false, 'p99 grew 1.6×');
});

test('a failed request at any size fails the row even when the figures agree', () => {
  const points = series([1000, 1000, 1000], [10, 10, 10]);
  points[1]!.inbox.non2xx = 3;
  const [ingest, inbox] = growthRows(points);
  assert.equal(ingest!.met, true);
  assert.equal(inbox!.met, false);
});

test('the chart is well-formed SVG with a point and a label for each size in both panels', () => {
  const svg = growthSvg(series([1000, 800, 700], [10, 12, 14]), 'check <run> & "caption"');
  const errors: string[] = [];
  const document = new DOMParser({
    errorHandler: (_level: string, message: string) => errors.push(message),
  }).parseFromString(svg, 'image/svg+xml');
  assert.deepEqual(errors, []);
  assert.equal(document.getElementsByTagName('circle').length, 6);
  assert.equal(document.getElementsByTagName('polyline').length, 2);
  assert.match(svg, /1,000,000/);
  assert.match(svg, /check &lt;run&gt; &amp; &quot;caption&quot;/);
});
