import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { staffSessionCookieName } from '../../../src/http/plugins/staff-session.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons, staffPersons } from '../../helpers/fixtures.js';
import { CookieJar, browserRequest } from '../../helpers/oidc-login.js';
import { citizenBrowser, grantStaff } from '../../helpers/staff-fixtures.js';
import { auditOf } from '../../helpers/stored-rows.js';
import { useYlitornioAndKallio } from '../../helpers/suite-harness.js';
import { identifyAsStaff, signInStaff, staffRequest } from '../../helpers/staff-session.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * Staff identification through the staff client of the bundled test IdP, the staff session (apart
 * from the citizens'), route-declared access, CSRF and logout. Tiina Virkailija and the demo case
 * workers are in the demo population register.
 */
const { tiina, anneli, jari } = staffPersons;

describe(`staff sign-in (${testDialect})`, () => {
  const { h, ylitornio, kallio } = useYlitornioAndKallio({
    now: '2025-03-10T08:00:00.000Z',
    // A page only admins may open, declared as a staff page would be (tests the declaration itself).
    extraRoutes: (app) => {
      app.get(
        '/virkailija/test-admin-only',
        { config: { staffArea: true, citizenSessionExempt: true, staffAccess: 'admin' } },
        async () => 'admin page',
      );
    },
  });

  before(async () => {
    await grantStaff(h, [
      [tiina, ylitornio, 'admin'],
      [tiina, ylitornio, 'case_worker'],
      [anneli, kallio, 'case_worker', [kallio.serviceId]],
      [jari, kallio, 'case_worker'],
      [jari, ylitornio, 'admin'],
    ]);
  });

  test('a staff member of one organisation signs in through the test IdP and lands on the start page', async () => {
    const tiinaBrowser = await signInStaff(h, tiina);
    assert.equal(tiinaBrowser.landing, '/virkailija');
    const page = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Tiina Virkailija, Ylitornion kunta/);
    assert.match(page.body, /Pääkäyttäjä/);
    // The staff cookie only: no citizen session was made.
    assert.equal(tiinaBrowser.jar.get(sessionCookieName(h.context)), undefined);
    const signedIn = await auditOf(h, 'staff.signed_in');
    assert.equal(signedIn.at(-1)?.actorType, 'staff');
    assert.equal(h.log.text.includes(tiina), false, 'the identity code reached the log');
  });

  test('a person with no staff role is refused with a 403 page, audited, and gets no session', async () => {
    const { jar, response } = await identifyAsStaff(h, persons.kimmo);
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Ei virkailijan oikeuksia/);
    assert.equal(jar.get(staffSessionCookieName(h.context)), undefined);
    const refused = await auditOf(h, 'staff.sign_in_refused');
    assert.deepEqual(refused.at(-1), {
      actorType: 'staff',
      actorId: null,
      subjectType: null,
      subjectId: null,
    });
  });

  test('staff of several organisations choose one, then can switch to another', async () => {
    const { jar, response } = await identifyAsStaff(h, jari, { returnTo: '/virkailija' });
    assert.equal(response.statusCode, 303);
    assert.match(response.location ?? '', /^\/virkailija\/organisaatio\?return=%2Fvirkailija$/);
    // Not acting yet: the start page sends them to the chooser.
    const start = await browserRequest(h, jar, 'GET', '/virkailija');
    assert.equal(start.statusCode, 303);
    assert.match(start.location ?? '', /^\/virkailija\/organisaatio/);

    const jariKallio = await signInStaff(h, jari, kallio.businessId);
    assert.equal(jariKallio.landing, '/virkailija');
    const kallioPage = await staffRequest(h, jariKallio, 'GET', '/virkailija');
    assert.match(kallioPage.body, /Jari Laaksonen, Peruspalvelukuntayhtymä Kallio/);
    assert.match(kallioPage.body, /Vaihda organisaatiota/);
    // Not an admin of Kallio: the admin page is not there for him.
    assert.equal((await staffRequest(h, jariKallio, 'GET', '/virkailija/test-admin-only')).statusCode, 404);

    const switched = await staffRequest(h, jariKallio, 'POST', '/virkailija/organisaatio', {
      organisationId: String(ylitornio.id),
    });
    assert.equal(switched.statusCode, 303);
    const ylitornioPage = await staffRequest(h, jariKallio, 'GET', '/virkailija');
    assert.match(ylitornioPage.body, /Jari Laaksonen, Ylitornion kunta/);
    assert.equal(
      (await staffRequest(h, jariKallio, 'GET', '/virkailija/test-admin-only')).body,
      'admin page',
    );
  });

  test('an organisation the person is not staff of cannot be chosen (404)', async () => {
    const anneliBrowser = await signInStaff(h, anneli);
    const refused = await staffRequest(h, anneliBrowser, 'POST', '/virkailija/organisaatio', {
      organisationId: String(ylitornio.id),
    });
    assert.equal(refused.statusCode, 404);
    assert.match((await staffRequest(h, anneliBrowser, 'GET', '/virkailija')).body, /Kallio/);
  });

  test('a signed-in citizen never reaches /virkailija: they are sent to the staff sign-in', async () => {
    const { jar } = await citizenBrowser(h, persons.kimmo);
    const page = await browserRequest(h, jar, 'GET', '/virkailija');
    assert.equal(page.statusCode, 303);
    assert.equal(page.location, '/virkailija/kirjaudu?return=%2Fvirkailija');
    // Even staff who are signed in as citizens are not staff on these pages without a staff session.
    const { jar: tiinaJar } = await citizenBrowser(h, tiina);
    assert.equal((await browserRequest(h, tiinaJar, 'GET', '/virkailija')).statusCode, 303);
  });

  test('a staff cookie is never a citizen session, nor a citizen cookie a staff session', async () => {
    const tiinaBrowser = await signInStaff(h, tiina);
    const asCitizen = new CookieJar();
    asCitizen.set(sessionCookieName(h.context), tiinaBrowser.cookie);
    const mailbox = await browserRequest(h, asCitizen, 'GET', '/mailbox/inbox');
    assert.equal(mailbox.statusCode, 303);
    assert.match(mailbox.location ?? '', /^\/login/);

    const citizen = await signInAs(h, tiina);
    const asStaff = new CookieJar();
    asStaff.set(staffSessionCookieName(h.context), citizen.cookies[sessionCookieName(h.context)]!);
    const staffPage = await browserRequest(h, asStaff, 'GET', '/virkailija');
    assert.equal(staffPage.statusCode, 303);
    assert.match(staffPage.location ?? '', /^\/virkailija\/kirjaudu/);
  });

  test('state-changing staff requests need the staff session’s CSRF token', async () => {
    const tiinaBrowser = await signInStaff(h, tiina);
    const form = { organisationId: String(ylitornio.id) };
    const without = await browserRequest(h, tiinaBrowser.jar, 'POST', '/virkailija/organisaatio', form);
    assert.equal(without.statusCode, 403);
    const citizen = await signInAs(h, tiina);
    const withCitizenToken = await browserRequest(h, tiinaBrowser.jar, 'POST', '/virkailija/organisaatio', {
      ...form,
      _csrf: citizen.csrfToken,
    });
    assert.equal(withCitizenToken.statusCode, 403);
    const logoutWithout = await browserRequest(h, tiinaBrowser.jar, 'POST', '/virkailija/kirjaudu-ulos', {});
    assert.equal(logoutWithout.statusCode, 403);
  });

  test('logout ends the staff session (audited) and the pages ask for sign-in again', async () => {
    const tiinaBrowser = await signInStaff(h, tiina);
    const before = (await auditOf(h, 'staff.logout')).length;
    const out = await staffRequest(h, tiinaBrowser, 'POST', '/virkailija/kirjaudu-ulos', {});
    assert.equal(out.statusCode, 303);
    assert.equal(tiinaBrowser.jar.get(staffSessionCookieName(h.context)), undefined);
    assert.equal((await auditOf(h, 'staff.logout')).length, before + 1);
    // The old cookie, replayed, is no session any more.
    const replay = new CookieJar();
    replay.set(staffSessionCookieName(h.context), tiinaBrowser.cookie);
    const page = await browserRequest(h, replay, 'GET', '/virkailija');
    assert.equal(page.statusCode, 303);
    assert.match(page.location ?? '', /^\/virkailija\/kirjaudu/);
  });

  test('a revoked role stops working at the next request', async () => {
    const anneliBrowser = await signInStaff(h, anneli);
    assert.equal((await staffRequest(h, anneliBrowser, 'GET', '/virkailija')).statusCode, 200);
    await h.services.staff.staff.revoke({ identityCode: anneli, businessId: kallio.businessId });
    const page = await staffRequest(h, anneliBrowser, 'GET', '/virkailija');
    assert.equal(page.statusCode, 303);
    assert.match(page.location ?? '', /^\/virkailija\/kirjaudu/);
  });

  test('the sign-in page of a staff member already signed in goes on to the staff pages', async () => {
    const tiinaBrowser = await signInStaff(h, tiina);
    const again = await staffRequest(h, tiinaBrowser, 'GET', '/virkailija/kirjaudu');
    assert.equal(again.statusCode, 303);
    assert.equal(again.location, '/virkailija');
  });
});
