import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { MessageCounts } from '../../../src/modules/reporting/index.js';
import { persons, staffPersons, type OrganisationFixture } from '../../helpers/fixtures.js';
import { addHealthService, grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * The dashboard at /virkailija/tilastot through a real staff sign-in: the figures on the page equal
 * the reporting service's and counts taken straight from the messages table, per service too; the
 * service filter narrows them; the page comes in fi, sv and en with its chart.
 */
const { tiina } = staffPersons;

/** The summary's figures and the services table's rows, as the page shows them. */
function figures(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<dt>([^<]+)<\/dt><dd class="dashboard__value">([^<]+)<\/dd>/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
}
function serviceRows(html: string): string[][] {
  const table = /<h2 id="dashboard-services">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr><th scope="row">(.*?)<\/tr>/g)].map((m) =>
    [...`<th>${m[1]!}`.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]!),
  );
}
const rate = (counts: MessageCounts['readRate']) =>
  counts.denominator === 0 ? 'ei viestejä' : `${counts.numerator}/${counts.denominator}`;

describe(`staff dashboard page (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let kallio: OrganisationFixture;
  let health: OrganisationFixture;
  let staff: StaffBrowser;

  const countMessages = async (
    servicePk?: number,
    direction: 'to_citizen' | 'from_citizen' = 'to_citizen',
  ) => {
    let query = h.context.database.db
      .selectFrom('messages')
      .select(({ fn }) => fn.countAll<number | string>().as('n'))
      .where('organisation_id', '=', kallio.id)
      .where('direction', '=', direction);
    if (servicePk !== undefined) query = query.where('service_pk', '=', servicePk);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  before(async () => {
    const { fixtures, services } = h;
    kallio = await fixtures.organisation({
      nameFi: 'Peruspalvelukuntayhtymä Kallio',
      serviceNameFi: 'Sosiaalipalvelut',
    });
    health = await addHealthService(h, kallio, { nameSv: 'Hälsovårdstjänster', nameEn: 'Health services' });
    const other = await fixtures.organisation({ nameFi: 'Toinen virasto' });
    const kimmo = await fixtures.account({ identityCode: persons.kimmo });
    const maija = await fixtures.account({ identityCode: persons.maija });

    await fixtures.sentMessage({ organisation: kallio, accountId: kimmo.id });
    const read = await fixtures.sentMessage({ organisation: kallio, accountId: kimmo.id });
    await services.mailbox.reading.openMessage({ accountId: kimmo.id }, read);
    await fixtures.sentMessage({ organisation: kallio, accountId: maija.id });
    await fixtures.sentMessage({ organisation: health, accountId: maija.id });
    await fixtures.citizenMessage({ organisation: kallio, accountId: kimmo.id });
    await fixtures.citizenMessage({ organisation: health, accountId: maija.id });
    // Another organisation's messages never count.
    await fixtures.sentMessage({ organisation: other, accountId: kimmo.id });
    await fixtures.citizenMessage({ organisation: other, accountId: kimmo.id });

    await grantStaff(h, [[tiina, kallio, 'admin']]);
    staff = await signInStaff(h, tiina);
  });

  test("an admin's page shows every service, its figures equal to the service's and the database's", async () => {
    const page = await staffRequest(h, staff, 'GET', '/virkailija/tilastot');
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    const report = await h.services.reporting.dashboard.forOrganisation(kallio.id, { servicePks: 'all' });
    const shown = figures(page.body);
    assert.equal(shown['Lähetetyt viestit'], String(report.totals.sent));
    assert.equal(report.totals.sent, await countMessages());
    assert.equal(report.totals.sent, 4);
    assert.equal(shown['Kansalaisten viestejä odottaa'], String(report.totals.citizenMessagesWaiting));
    assert.equal(report.totals.citizenMessagesWaiting, await countMessages(undefined, 'from_citizen'));
    assert.match(shown['Luetut']!, new RegExp(`\\(${rate(report.totals.readRate)}\\)$`));
    assert.equal(report.totals.readRate.numerator, 1);

    const rows = serviceRows(page.body);
    assert.deepEqual(
      rows.map((row) => [row[0], row[1], row[6]]),
      report.services.map((s) => [
        s.names.fi,
        String(s.counts.sent),
        String(s.counts.citizenMessagesWaiting),
      ]),
    );
    assert.deepEqual(
      rows.map((row) => row[0]),
      ['Sosiaalipalvelut', 'Terveyspalvelut'],
    );
    assert.equal(rows[0]![1], String(await countMessages(kallio.servicePk)));
    assert.equal(rows[1]![1], String(await countMessages(health.servicePk)));

    // The nav marks the page, and an admin has the filter with both services.
    assert.match(
      page.body,
      /<a class="account-nav__link" href="\/virkailija\/tilastot" aria-current="page">/,
    );
    assert.match(page.body, new RegExp(`<option value="${health.serviceId}">Terveyspalvelut</option>`));
  });

  test('?service= narrows the figures to that service; a malformed one is a 400, an unknown one a 404', async () => {
    const page = await staffRequest(h, staff, 'GET', `/virkailija/tilastot?service=${health.serviceId}`);
    assert.equal(page.statusCode, 200);
    assert.equal(figures(page.body)['Lähetetyt viestit'], String(await countMessages(health.servicePk)));
    assert.deepEqual(
      serviceRows(page.body).map((row) => row[0]),
      ['Terveyspalvelut'],
    );
    assert.match(page.body, new RegExp(`<option value="${health.serviceId}" selected>`));
    const all = await staffRequest(h, staff, 'GET', '/virkailija/tilastot?service=');
    assert.equal(figures(all.body)['Lähetetyt viestit'], '4');
    assert.equal(
      (await staffRequest(h, staff, 'GET', '/virkailija/tilastot?service=%3Cx%3E')).statusCode,
      400,
    );
    assert.equal(
      (await staffRequest(h, staff, 'GET', '/virkailija/tilastot?service=no-such')).statusCode,
      404,
    );
  });

  for (const [locale, heading, sent, chart] of [
    ['fi', 'Tilannekatsaus', 'Lähetetyt viestit', 'Kansalaisille lähetetyt viestit päivittäin'],
    ['sv', 'Lägesöversikt', 'Skickade meddelanden', 'Meddelanden till medborgare per dag'],
    ['en', 'Dashboard', 'Messages sent', 'Messages to citizens per day'],
  ] as const) {
    test(`the page renders in ${locale}: heading, figures and the chart with its title`, async () => {
      const page = await h.app.inject({
        method: 'GET',
        url: '/virkailija/tilastot',
        headers: { cookie: `${staff.jar.header('/virkailija/tilastot')}; lang=${locale}` },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<html lang="${locale}"`));
      assert.match(page.body, new RegExp(`<h1>${heading}</h1>`));
      assert.equal(figures(page.body)[sent], '4');
      assert.match(page.body, /<svg class="daily-chart__picture"/);
      assert.match(page.body, new RegExp(`<title[^>]*>${chart}`));
      assert.doesNotMatch(page.body, /(?:dashboard|staff)\.[a-z]+\.[a-zA-Z]+/, 'no untranslated keys');
    });
  }
});
