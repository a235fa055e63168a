import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  axisMaximum,
  DailyVolumeChart,
  type DailyVolumeChartProps,
} from '../../../../src/http/views/components/daily-volume-chart.js';
import { attributeOf, render } from '../render.js';

const days = [
  { date: '2025-03-08', count: 0 },
  { date: '2025-03-09', count: 3 },
  { date: '2025-03-10', count: 10 },
];

const props: DailyVolumeChartProps = {
  id: 'volume',
  days,
  title: 'Lähetetyt viestit',
  description: 'Yhteensä 13 viestiä',
  dateHeading: 'Päivä',
  countHeading: 'Viestejä',
  locale: 'fi',
};

test('chart: an image named by its title and described by its desc, scaled by its viewBox', () => {
  const html = render(<DailyVolumeChart {...props} />);
  assert.match(html, /<svg class="daily-chart__picture" viewBox="0 0 320 180" role="img"/);
  assert.equal(attributeOf(html, 'volume-title', 'id'), 'volume-title');
  assert.match(html, /aria-labelledby="volume-title" aria-describedby="volume-desc"/);
  assert.match(html, /<title id="volume-title">Lähetetyt viestit<\/title>/);
  assert.match(html, /<desc id="volume-desc">Yhteensä 13 viestiä<\/desc>/);
  assert.doesNotMatch(html, /\b(?:style|fill|stroke)="/, 'colours come from the stylesheet');
  assert.doesNotMatch(html, /<script/);
});

test('chart: one bar per day with messages, the tallest reaching the axis maximum', () => {
  const html = render(<DailyVolumeChart {...props} />);
  const heights = [...html.matchAll(/<rect class="daily-chart__bar"[^>]*height="([\d.]+)"/g)].map((m) =>
    Number(m[1]),
  );
  assert.equal(heights.length, 2);
  // 180 high, 10 above and 24 below the plot: 146 for the axis maximum of 10.
  assert.deepEqual(heights, [43.8, 146]);
  assert.deepEqual(
    [...html.matchAll(/<text class="daily-chart__label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
    ['0', '5', '10', '10.3.'],
  );
});

test('chart: the table beside it has a caption, headed columns and a row per day with its number', () => {
  const html = render(<DailyVolumeChart {...props} />);
  assert.match(
    html,
    /<table class="daily-chart__table" id="volume-table"><caption>Lähetetyt viestit<\/caption>/,
  );
  assert.match(html, /<th scope="col">Päivä<\/th><th scope="col" class="daily-chart__number">Viestejä<\/th>/);
  const rows = [
    ...html.matchAll(/<tr><th scope="row"><time dateTime="([^"]+)">([^<]+)<\/time><\/th><td[^>]*>(\d+)</gi),
  ];
  assert.deepEqual(
    rows.map((m) => [m[1], m[2], Number(m[3])]),
    [
      ['2025-03-08', '8.3.2025', 0],
      ['2025-03-09', '9.3.2025', 3],
      ['2025-03-10', '10.3.2025', 10],
    ],
  );
});

test('chart: dates in the reader’s language', () => {
  const label = (locale: 'fi' | 'sv' | 'en') =>
    /<text class="daily-chart__label"[^>]*text-anchor="middle">([^<]*)</.exec(
      render(<DailyVolumeChart {...props} locale={locale} />),
    )?.[1];
  assert.deepEqual([label('fi'), label('sv'), label('en')], ['10.3.', '10 mars', '10 Mar']);
});

test('chart: the axis maximum is 1, 2 or 5 times a power of ten', () => {
  const table: Array<[number, number]> = [
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [230, 500],
    [501, 1000],
  ];
  assert.deepEqual(
    table.map(([largest]) => [largest, axisMaximum(largest)]),
    table,
  );
});
