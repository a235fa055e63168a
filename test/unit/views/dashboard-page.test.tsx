import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DashboardBody, DashboardPage } from '../../../src/http/views/staff/dashboard-page.js';
import { locales } from '../../../src/i18n/i18n.js';
import { sampleDashboard } from './dashboard-sample.js';
import { pageContext, render } from './render.js';

/** The text of one `<tag …>…</tag>` after an opening that matches `opening`. */
function element(html: string, opening: RegExp, tag: string): string {
  const start = html.search(opening);
  assert.ok(start >= 0, `${opening} present`);
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end + tag.length + 3);
}

const cells = (row: string) =>
  [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

const expected = {
  fi: {
    h1: 'Tilannekatsaus',
    title: 'Kansalaisille lähetetyt viestit päivittäin, 9.2.2025–10.3.2025',
    description: 'Yhteensä 49 viestiä; eniten 4 viestiä 24.2.2025',
    firstDay: '9.2.2025',
    readRate: '25\u00a0% (2/8)',
    stage: 'Asiointitilillä, lukematta',
  },
  sv: {
    h1: 'Lägesöversikt',
    title: 'Meddelanden till medborgare per dag, 9.2.2025–10.3.2025',
    description: 'Sammanlagt 49 meddelanden; flest 4 meddelanden 24.2.2025',
    firstDay: '9.2.2025',
    readRate: '25\u00a0% (2/8)',
    stage: 'I ärendekontot, oläst',
  },
  en: {
    h1: 'Dashboard',
    title: 'Messages to citizens per day, 09/02/2025–10/03/2025',
    description: '49 messages in total; the most, 4 messages, on 24/02/2025',
    firstDay: '09/02/2025',
    readRate: '25% (2/8)',
    stage: 'In the mailbox, unread',
  },
} as const;

describe('staff dashboard page', () => {
  const dashboard = sampleDashboard();

  for (const locale of locales) {
    test(`${locale}: the chart's title, description and table of 30 days, numbers equal to the report's`, () => {
      const ctx = pageContext({ locale });
      const html = render(<DashboardPage ctx={ctx} dashboard={dashboard} organisationName="Kallio" />);
      const words = expected[locale];
      assert.match(html, new RegExp(`<html lang="${locale}"`));
      assert.match(html, new RegExp(`<h1>${words.h1}</h1>`));
      assert.doesNotMatch(html, /dashboard\.[a-z]+\./, 'no untranslated keys');

      const svg = element(html, /<svg class="daily-chart__picture"/, 'svg');
      assert.match(
        svg,
        /role="img" aria-labelledby="daily-volume-title" aria-describedby="daily-volume-desc"/,
      );
      assert.ok(svg.includes(`<title id="daily-volume-title">${words.title}</title>`), svg.slice(0, 300));
      assert.ok(svg.includes(words.description));

      const table = element(html, /<table class="daily-chart__table"/, 'table');
      assert.ok(table.includes(`<caption>${words.title}</caption>`));
      const rows = [...table.matchAll(/<tr><th scope="row">.*?<\/tr>/g)].map((m) => cells(m[0]));
      assert.equal(rows.length, 30);
      assert.deepEqual(rows[0], [words.firstDay, '1']);
      assert.deepEqual(
        rows.map((row) => Number(row[1])),
        dashboard.daily.map((day) => day.electronic + day.paper),
      );
      // One bar per day with messages.
      const bars = svg.match(/<rect class="daily-chart__bar"/g) ?? [];
      assert.equal(bars.length, dashboard.daily.filter((day) => day.electronic + day.paper > 0).length);
    });

    test(`${locale}: the summary, the stages and one row per service`, () => {
      const ctx = pageContext({ locale });
      const html = render(<DashboardBody ctx={ctx} dashboard={dashboard} organisationName="Kallio" />);
      const words = expected[locale];
      const figures = [...html.matchAll(/<dd class="dashboard__value">([^<]*)<\/dd>/g)].map((m) => m[1]);
      assert.deepEqual(figures, [
        '12',
        words.readRate,
        `50${locale === 'en' ? '' : '\u00a0'}% (1/2)`,
        '3',
        '2',
      ]);
      assert.ok(html.includes(`<th scope="row">${words.stage}</th><td class="dashboard__number">6</td>`));
      const services = element(
        html,
        /<div class="scroll-table" role="region" aria-labelledby="dashboard-services"/,
        'table',
      );
      const rows = [...services.matchAll(/<tr><th scope="row">.*?<\/tr>/g)].map((m) => cells(m[0]));
      assert.equal(rows.length, 2);
      assert.deepEqual(rows[0]!.slice(1, 4), ['8', '5', '3']);
      // The health service has no Swedish or English name: the Finnish one stands in.
      assert.equal(rows[1]![0], 'Terveyspalvelut');
    });
  }

  test('no services: says so instead of an empty table', () => {
    const html = render(
      <DashboardBody
        ctx={pageContext()}
        dashboard={sampleDashboard({ services: [] })}
        organisationName="Kallio"
      />,
    );
    assert.match(html, /<p>Sinulla ei ole näytettäviä palveluja.<\/p>/);
    assert.doesNotMatch(html, /aria-labelledby="dashboard-services"/);
  });
});
