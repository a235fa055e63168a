import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { formHeaders, signInAs } from '../../helpers/citizen-session.js';
import { persons, staffPersons, type OrganisationFixture } from '../../helpers/fixtures.js';
import { grantStaff, addHealthService } from '../../helpers/staff-fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { consentInForce, identityLookup } from '../../helpers/stored-rows.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * Who reaches the consent register and the dashboard: staff of organisation A never see or withdraw
 * B's consents nor see B's numbers (404, as for anything not theirs); a case worker's dashboard
 * covers only their services; an admin who is not a case worker has no consent pages; a citizen
 * (or anyone without a staff session) never reaches them.
 */
const { tiina, anneli, jari, minna } = staffPersons;

describe(`authorization: staff consents and dashboard (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2026-03-02T08:00:00.000Z' });
  let kallio: OrganisationFixture;
  let health: OrganisationFixture;
  let askola: OrganisationFixture;
  let askolaConsent: number;
  let tiinaBrowser: StaffBrowser, anneliBrowser: StaffBrowser, jariBrowser: StaffBrowser;

  const inForce = (id: number) => consentInForce(h, id);
  /** The status of the dashboard page filtered to one service. */
  const dashboardOf = async (browser: StaffBrowser, serviceId: string) =>
    (await staffRequest(h, browser, 'GET', `/virkailija/tilastot?service=${serviceId}`)).statusCode;
  const consentCount = async () =>
    (await h.context.database.db.selectFrom('delivery_consents').select('id').execute()).length;

  before(async () => {
    const { fixtures, services } = h;
    kallio = await fixtures.organisation({
      nameFi: 'Peruspalvelukuntayhtymä Kallio',
      serviceNameFi: 'Sosiaalipalvelut',
    });
    health = await addHealthService(h, kallio);
    askola = await fixtures.organisation({ nameFi: 'Askolan kunta', serviceNameFi: 'Askolan sosiaalitoimi' });
    const kimmo = await fixtures.account({ identityCode: persons.kimmo });
    await fixtures.sentMessage({ organisation: kallio, accountId: kimmo.id });
    await fixtures.sentMessage({
      organisation: health,
      accountId: kimmo.id,
    });
    await fixtures.sentMessage({ organisation: askola, accountId: kimmo.id });
    await fixtures.sentMessage({ organisation: askola, accountId: kimmo.id });
    await fixtures.sentMessage({ organisation: askola, accountId: kimmo.id });
    askolaConsent = (
      await services.consents.record({
        organisationId: askola.id,
        identityCode: persons.laura,
        channel: 'paper',
        givenOn: '2026-03-01',
        recordedBy: { name: 'Askolan virkailija' },
      })
    ).consent.id;

    await grantStaff(h, [
      [tiina, kallio, 'case_worker'],
      [anneli, kallio, 'case_worker', [kallio.serviceId]],
      [jari, kallio, 'admin'],
      [minna, askola, 'case_worker'],
    ]);
    tiinaBrowser = await signInStaff(h, tiina);
    anneliBrowser = await signInStaff(h, anneli);
    jariBrowser = await signInStaff(h, jari);
  });

  test("staff of Kallio never see Askola's consents nor withdraw them (404, nothing changes)", async () => {
    for (const browser of [tiinaBrowser, anneliBrowser]) {
      const list = await staffRequest(h, browser, 'GET', '/virkailija/suostumukset');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Suostumuksia ei ole kirjattu\./);
      assert.ok(!list.body.includes('140987-'), "Askola's consent is not listed");
      const withdraw = await staffRequest(
        h,
        browser,
        'POST',
        `/virkailija/suostumukset/${askolaConsent}/peru`,
        {},
      );
      assert.equal(withdraw.statusCode, 404);
      assert.equal(await inForce(askolaConsent), true);
    }
    // Askola's own case worker does see it (the test can tell the difference).
    const minnaBrowser = await signInStaff(h, minna);
    const theirs = await staffRequest(h, minnaBrowser, 'GET', '/virkailija/suostumukset');
    assert.match(theirs.body, /<th scope="row">140987-\*\*\*\*<\/th>/);
  });

  test("a recorded consent is always the acting organisation's, whatever the form says", async () => {
    const before = await consentCount();
    const saved = await staffRequest(h, anneliBrowser, 'POST', '/virkailija/suostumukset/uusi', {
      identityCode: persons.maija,
      channel: 'phone',
      givenOn: '2026-03-02',
      step: 'save',
      organisationId: String(askola.id),
    });
    assert.equal(saved.statusCode, 400, 'an unknown field is refused');
    assert.equal(await consentCount(), before);
  });

  test("Kallio's staff never see Askola's dashboard: its service is a 404 and its numbers are absent", async () => {
    const page = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/tilastot');
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('Askolan sosiaalitoimi'));
    assert.match(page.body, /<dt>Lähetetyt viestit<\/dt><dd class="dashboard__value">2<\/dd>/);
    assert.equal(await dashboardOf(tiinaBrowser, askola.serviceId), 404);
  });

  test("a case worker's dashboard covers only their services; another service of theirs is a 404", async () => {
    const page = await staffRequest(h, anneliBrowser, 'GET', '/virkailija/tilastot');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<dt>Lähetetyt viestit<\/dt><dd class="dashboard__value">1<\/dd>/);
    assert.match(page.body, /<th scope="row">Sosiaalipalvelut<\/th>/);
    assert.ok(!page.body.includes('Terveyspalvelut'), 'no other service, not even in the filter');
    assert.equal(await dashboardOf(anneliBrowser, health.serviceId), 404);
    assert.equal(await dashboardOf(anneliBrowser, kallio.serviceId), 200);
  });

  test('an admin who is not a case worker sees every service on the dashboard but has no consent pages', async () => {
    const page = await staffRequest(h, jariBrowser, 'GET', '/virkailija/tilastot');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<dt>Lähetetyt viestit<\/dt><dd class="dashboard__value">2<\/dd>/);
    assert.doesNotMatch(page.body, /href="\/virkailija\/suostumukset"/, 'no nav entry');
    assert.equal((await staffRequest(h, jariBrowser, 'GET', '/virkailija/suostumukset')).statusCode, 404);
    assert.equal(
      (await staffRequest(h, jariBrowser, 'GET', '/virkailija/suostumukset/uusi')).statusCode,
      404,
    );
  });

  test('a citizen, signed in to their own pages, never reaches these routes', async () => {
    const citizen = await signInAs(h, persons.laura);
    for (const url of ['/virkailija/suostumukset', '/virkailija/suostumukset/uusi', '/virkailija/tilastot']) {
      const response = await h.app.inject({ method: 'GET', url, headers: formHeaders(citizen.cookies) });
      assert.equal(response.statusCode, 303, url);
      assert.match(String(response.headers.location), /^\/virkailija\/kirjaudu\?return=/);
    }
    const withdraw = await h.app.inject({
      method: 'POST',
      url: `/virkailija/suostumukset/${askolaConsent}/peru`,
      headers: formHeaders(citizen.cookies),
      payload: new URLSearchParams({ _csrf: citizen.csrfToken }).toString(),
    });
    assert.equal(withdraw.statusCode, 303);
    assert.match(String(withdraw.headers.location), /^\/virkailija\/kirjaudu/);
    const record = await h.app.inject({
      method: 'POST',
      url: '/virkailija/suostumukset/uusi',
      headers: formHeaders(citizen.cookies),
      payload: new URLSearchParams({
        _csrf: citizen.csrfToken,
        identityCode: persons.laura,
        channel: 'paper',
        givenOn: '2026-03-02',
        step: 'save',
      }).toString(),
    });
    assert.equal(record.statusCode, 303);
    assert.equal(await inForce(askolaConsent), true);
    assert.equal(
      (
        await h.context.database.db
          .selectFrom('delivery_consents')
          .select('id')
          .where('organisation_id', '=', kallio.id)
          .where('identity_lookup', '=', await identityLookup(h.context, persons.laura))
          .execute()
      ).length,
      0,
    );
  });
});
