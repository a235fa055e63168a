import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { formHeaders, signInAs } from '../../helpers/citizen-session.js';
import { persons, type OrganisationFixture } from '../../helpers/fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * Who reaches the consent register and the dashboard: staff of organisation A never see or withdraw
 * B's consents nor see B's numbers (404, as for anything not theirs); a case worker's dashboard
 * covers only their services; an admin who is not a case worker has no consent pages; a citizen
 * (or anyone without a staff session) never reaches them.
 */
const tiina = '150385-9046';
const anneli = '080966-9525';
const jari = '220472-9311';
const minna = '110688-9742';

describe(`authorization: staff consents and dashboard (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2026-03-02T08:00:00.000Z' });
  let kallio: OrganisationFixture;
  let health: { servicePk: number; serviceId: string };
  let askola: OrganisationFixture;
  let askolaConsent: number;
  let tiinaBrowser: StaffBrowser, anneliBrowser: StaffBrowser, jariBrowser: StaffBrowser;

  const inForce = async (id: number) =>
    (
      await h.context.database.db
        .selectFrom('delivery_consents')
        .select('withdrawn_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).withdrawn_at === null;
  const consentCount = async () =>
    (await h.context.database.db.selectFrom('delivery_consents').select('id').execute()).length;

  before(async () => {
    const { fixtures, services } = h;
    kallio = await fixtures.organisation({
      nameFi: 'Peruspalvelukuntayhtymä Kallio',
      serviceNameFi: 'Sosiaalipalvelut',
    });
    const added = await services.organisations.addService({
      businessId: kallio.businessId,
      serviceId: `terveys-${kallio.businessId}`,
      nameFi: 'Terveyspalvelut',
      acceptsMessages: true,
    });
    health = { servicePk: added.id, serviceId: added.serviceId };
    askola = await fixtures.organisation({ nameFi: 'Askolan kunta', serviceNameFi: 'Askolan sosiaalitoimi' });
    const kimmo = await fixtures.account({ identityCode: persons.kimmo });
    await fixtures.sentMessage({ organisation: kallio, accountId: kimmo.id });
    await fixtures.sentMessage({
      organisation: { ...kallio, ...health, serviceNameFi: 'Terveyspalvelut' },
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

    const { staff } = services;
    await staff.staff.grant({ identityCode: tiina, businessId: kallio.businessId, role: 'case_worker' });
    await staff.staff.grant({
      identityCode: anneli,
      businessId: kallio.businessId,
      role: 'case_worker',
      serviceIds: [kallio.serviceId],
    });
    await staff.staff.grant({ identityCode: jari, businessId: kallio.businessId, role: 'admin' });
    await staff.staff.grant({ identityCode: minna, businessId: askola.businessId, role: 'case_worker' });
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
    const other = await staffRequest(
      h,
      tiinaBrowser,
      'GET',
      `/virkailija/tilastot?service=${askola.serviceId}`,
    );
    assert.equal(other.statusCode, 404);
  });

  test("a case worker's dashboard covers only their services; another service of theirs is a 404", async () => {
    const page = await staffRequest(h, anneliBrowser, 'GET', '/virkailija/tilastot');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<dt>Lähetetyt viestit<\/dt><dd class="dashboard__value">1<\/dd>/);
    assert.match(page.body, /<th scope="row">Sosiaalipalvelut<\/th>/);
    assert.ok(!page.body.includes('Terveyspalvelut'), 'no other service, not even in the filter');
    const outside = await staffRequest(
      h,
      anneliBrowser,
      'GET',
      `/virkailija/tilastot?service=${health.serviceId}`,
    );
    assert.equal(outside.statusCode, 404);
    const own = await staffRequest(
      h,
      anneliBrowser,
      'GET',
      `/virkailija/tilastot?service=${kallio.serviceId}`,
    );
    assert.equal(own.statusCode, 200);
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
          .where('identity_code', '=', persons.laura)
          .execute()
      ).length,
      0,
    );
  });
});
