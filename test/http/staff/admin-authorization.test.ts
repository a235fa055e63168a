import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { persons, staffPersons } from '../../helpers/fixtures.js';
import { browserRequest } from '../../helpers/oidc-login.js';
import {
  adminServiceForm,
  adminServiceInput,
  citizenAtStaffPages,
  grantStaff,
} from '../../helpers/staff-fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { useYlitornioAndKallio } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * Who reaches the admin pages: only an admin of the organisation, and only for its own services and
 * credentials. Everyone else gets 404 (or, without a staff session, the staff sign-in), and nothing
 * changes: no service edited or deactivated, no credentials created, limited or revoked.
 */
const { tiina, anneli, jari } = staffPersons;
const base = '/virkailija/hallinta';

/** A valid service form, so that only the lack of rights can refuse it; the name shows a takeover. */
const serviceForm = adminServiceForm(adminServiceInput({ nameFi: 'Vallattu nimi' }));

describe(`staff: who may use the admin pages (${testDialect})`, () => {
  const { h, ylitornio, kallio } = useYlitornioAndKallio({ now: '2025-03-10T08:00:00.000Z' });
  let kallioUsername: string;
  let ylitornioUsername: string;

  before(async () => {
    // Tiina is a case worker of all Ylitornio's services but no admin; Jari admins Ylitornio, Anneli Kallio.
    await grantStaff(h, [
      [tiina, ylitornio, 'case_worker'],
      [jari, ylitornio, 'admin'],
      [anneli, kallio, 'admin'],
    ]);
    const actor = { staffMemberId: 1 };
    kallioUsername = (await h.services.organisationAdmin.createCredential(kallio.id, { allowIps: [] }, actor))
      .username;
    ylitornioUsername = (
      await h.services.organisationAdmin.createCredential(ylitornio.id, { allowIps: [] }, actor)
    ).username;
  });

  /** Every admin route (or only those naming a service or credentials), as the given browser. */
  async function everyRoute(
    browser: StaffBrowser,
    serviceId: string,
    username: string,
    options: { onlyTargets?: boolean } = {},
  ) {
    const service = `${base}/palvelut/${serviceId}`;
    const credential = `${base}/tunnukset/${username}`;
    const answers: Record<string, number> = {};
    type Route = [string, 'GET' | 'POST', string, Record<string, string>?];
    // The organisation's own lists and forms: no target to pick.
    const areaRoutes: Route[] = [
      ['landing', 'GET', base],
      ['services', 'GET', `${base}/palvelut`],
      ['newService', 'GET', `${base}/palvelut/uusi`],
      ['addService', 'POST', `${base}/palvelut/uusi`, { ...serviceForm, serviceId: 'vallattu-palvelu' }],
      ['credentials', 'GET', `${base}/tunnukset`],
      ['createCredentials', 'POST', `${base}/tunnukset`, { allowedIps: '' }],
      ['staff', 'GET', `${base}/henkilosto`],
      ['grant', 'POST', `${base}/henkilosto`, { identityCode: persons.maija, role: 'admin' }],
      ['revokeRoles', 'POST', `${base}/henkilosto/poista`, { identityCode: jari }],
    ];
    const targetRoutes: Route[] = [
      ['editService', 'GET', service],
      ['saveService', 'POST', service, serviceForm],
      ['confirmDeactivate', 'GET', `${service}/poista-kaytosta`],
      ['deactivate', 'POST', `${service}/poista-kaytosta`, {}],
      ['confirmRevoke', 'GET', `${credential}/peru`],
      ['revoke', 'POST', `${credential}/peru`, {}],
      ['allowlist', 'GET', `${credential}/sallitut-osoitteet`],
      ['saveAllowlist', 'POST', `${credential}/sallitut-osoitteet`, { allowedIps: '10.0.0.0/8' }],
    ];
    const routes = options.onlyTargets ? targetRoutes : [...areaRoutes, ...targetRoutes];
    for (const [name, method, url, form] of routes) {
      answers[name] = (await staffRequest(h, browser, method, url, form)).statusCode;
    }
    return answers;
  }

  async function untouched() {
    const admin = h.services.organisationAdmin;
    for (const organisation of [ylitornio, kallio]) {
      const services = await admin.listServices(organisation.id);
      assert.deepEqual(
        services.map((s) => [s.serviceId, s.nameFi === 'Vallattu nimi', s.active]),
        [[organisation.serviceId, false, true]],
      );
      const credentials = await admin.listCredentials(organisation.id);
      assert.equal(credentials.length, 1, 'credentials were created');
      assert.deepEqual(
        credentials.map((c) => [c.allowedIps, c.revokedAt]),
        [[[], null]],
      );
    }
    const audits = await h.context.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'admin.%')
      .where('action', '!=', 'admin.credential_created')
      .execute();
    assert.deepEqual(audits, []);
    assert.deepEqual(await h.services.staff.staff.membershipsOf(persons.maija), [], 'a role was given');
    const [jariRoles] = await h.services.staff.staff.membershipsOf(jari);
    assert.equal(jariRoles?.roles.admin, true, 'a role was removed');
  }

  const allNotFound = (answers: Record<string, number>) =>
    assert.deepEqual(
      Object.entries(answers).filter(([, status]) => status !== 404),
      [],
      'every route answers 404',
    );

  test('a case worker who is not an admin gets 404 on every admin route, and no Hallinta link', async () => {
    const browser = await signInStaff(h, tiina);
    allNotFound(await everyRoute(browser, ylitornio.serviceId, ylitornioUsername));
    const start = await staffRequest(h, browser, 'GET', '/virkailija');
    assert.equal(start.statusCode, 200);
    assert.equal(start.body.includes(`href="${base}"`), false, 'the navigation offers the area');
    await untouched();
  });

  test("an admin of one organisation gets 404 on another's services and credentials", async () => {
    const browser = await signInStaff(h, jari);
    allNotFound(await everyRoute(browser, kallio.serviceId, kallioUsername, { onlyTargets: true }));
    // Their own lists show nothing of the other organisation.
    const services = await staffRequest(h, browser, 'GET', `${base}/palvelut`);
    assert.equal(services.body.includes(kallio.serviceId), false);
    const credentials = await staffRequest(h, browser, 'GET', `${base}/tunnukset`);
    assert.equal(credentials.body.includes(kallioUsername), false);
    await untouched();
  });

  test('a citizen session never reaches these routes', async () => {
    const citizen = await citizenAtStaffPages(h, persons.kimmo, [`${base}/palvelut`]);
    const { jar } = citizen;
    const revoke = await browserRequest(h, jar, 'POST', `${base}/tunnukset/${kallioUsername}/peru`, {
      _csrf: citizen.csrfToken,
    });
    assert.ok(revoke.statusCode === 303 || revoke.statusCode === 403, String(revoke.statusCode));
    const credential = await h.services.organisationAdmin.getCredential(kallio.id, kallioUsername);
    assert.equal(credential.revokedAt, null);
  });

  test("a post without the form's CSRF token is refused with 403 and changes nothing", async () => {
    const browser = await signInStaff(h, anneli);
    const revoke = await browserRequest(
      h,
      browser.jar,
      'POST',
      `${base}/tunnukset/${kallioUsername}/peru`,
      {},
    );
    assert.equal(revoke.statusCode, 403);
    const wrong = await browserRequest(h, browser.jar, 'POST', `${base}/tunnukset`, {
      _csrf: 'not-the-token',
      allowedIps: '',
    });
    assert.equal(wrong.statusCode, 403);
    const credentials = await h.services.organisationAdmin.listCredentials(kallio.id);
    assert.deepEqual(
      credentials.map((c) => [c.username, c.revokedAt]),
      [[kallioUsername, null]],
    );
    // With the token, the same revocation goes through: the 403 was the token's.
    const done = await staffRequest(h, browser, 'POST', `${base}/tunnukset/${kallioUsername}/peru`, {});
    assert.equal(done.statusCode, 303);
  });

  test("an admin of one organisation cannot see or change another's staff", async () => {
    const browser = await signInStaff(h, jari);
    const page = await staffRequest(h, browser, 'GET', `${base}/henkilosto`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.includes('080966-****'), false, "Kallio's admin is not listed");
    const revoke = await staffRequest(h, browser, 'POST', `${base}/henkilosto/poista`, {
      identityCode: anneli,
    });
    assert.equal(revoke.statusCode, 404);
    const [anneliRoles] = await h.services.staff.staff.membershipsOf(anneli);
    assert.equal(anneliRoles?.organisation.businessId, kallio.businessId);
    assert.equal(anneliRoles?.roles.admin, true);
    // A forged grant of a service of another organisation changes nothing.
    const forged = await staffRequest(h, browser, 'POST', `${base}/henkilosto`, {
      identityCode: persons.maija,
      role: 'case_worker',
      [`palvelu.${kallio.serviceId}`]: '1',
    });
    assert.notEqual(forged.statusCode, 303);
    assert.deepEqual(await h.services.staff.staff.membershipsOf(persons.maija), []);
  });
});
