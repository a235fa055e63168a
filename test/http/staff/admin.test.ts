import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { staffPersons, type OrganisationFixture } from '../../helpers/fixtures.js';
import { adminServiceForm, adminServiceInput, grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff, staffRequest, type StaffBrowser } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * An organisation admin's pages under /virkailija/hallinta, through the staff sign-in: editing a
 * service shows in the public catalogue, a refused form changes nothing, and API credentials are
 * created (the password shown once, on the creating POST's own answer), limited and revoked.
 */
const { jari, tiina } = staffPersons;
const base = '/virkailija/hallinta';

/** The service form as the edit page posts it, with the given fields changed. */
const serviceForm = (overrides: Record<string, string> = {}) =>
  adminServiceForm(adminServiceInput(), overrides);

describe(`staff: an organisation admin's services and API credentials (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let ylitornio: OrganisationFixture;
  let jariBrowser: StaffBrowser;
  const audits = (action: string) =>
    h.context.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
  const token = (username: string, password: string) =>
    new ApiClient(h).post('/v1/token', { username, password });

  before(async () => {
    ylitornio = await h.fixtures.organisation({ nameFi: 'Ylitornion kunta' });
    await grantStaff(h, [[jari, ylitornio, 'admin']]);
    jariBrowser = await signInStaff(h, jari);
  });

  test('the area is in the navigation and opens on the services', async () => {
    const start = await staffRequest(h, jariBrowser, 'GET', '/virkailija');
    assert.ok(start.body.includes(`href="${base}"`), 'the navigation offers Hallinta');
    const landing = await staffRequest(h, jariBrowser, 'GET', base);
    assert.equal(landing.statusCode, 303);
    assert.equal(landing.location, `${base}/palvelut`);
    const list = await staffRequest(h, jariBrowser, 'GET', `${base}/palvelut`);
    assert.equal(list.statusCode, 200, list.body.slice(0, 300));
    assert.ok(list.body.includes(ylitornio.serviceId));
    assert.ok(list.body.includes(`${base}/tunnukset`), 'the credentials are a link away');
  });

  test('an edited service is saved, audited as the staff member, and shown in the public catalogue', async () => {
    const servicePath = `${base}/palvelut/${ylitornio.serviceId}`;
    const form = await staffRequest(h, jariBrowser, 'GET', servicePath);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="_csrf"/);
    const saved = await staffRequest(h, jariBrowser, 'POST', servicePath, serviceForm());
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    assert.equal(saved.location, `${base}/palvelut?ilmoitus=saved`);
    const list = await staffRequest(h, jariBrowser, 'GET', saved.location);
    assert.ok(list.body.includes('Kotihoidon palveluseteli'));

    const catalogue = await h.app.inject({ method: 'GET', url: '/services?q=palveluseteli' });
    assert.match(catalogue.body, /Kotihoidon palveluseteli/);
    assert.match(catalogue.body, /Palvelusetelihakemus/);

    const [audit, ...more] = await audits('admin.service_updated');
    assert.equal(more.length, 0);
    const [granted] = await audits('staff.role_granted');
    assert.equal(audit!.actor_type, 'staff');
    assert.equal(audit!.actor_id, granted!.subject_id, 'the staff member who signed in');
    assert.deepEqual(JSON.parse(audit!.details!), { organisationId: ylitornio.id });
  });

  test('a refused form comes back with the field named and nothing changed', async () => {
    const servicePath = `${base}/palvelut/${ylitornio.serviceId}`;
    const before = await h.services.organisationAdmin.getService(ylitornio.id, ylitornio.serviceId);
    const refused = await staffRequest(
      h,
      jariBrowser,
      'POST',
      servicePath,
      serviceForm({ nameFi: 'Uusi nimi', eServiceUrl: 'http://asiointi.example.fi/' }),
    );
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /href="#eServiceUrl"/, 'the summary links to the field');
    assert.match(refused.body, /value="Uusi nimi"/, 'what was typed is kept');
    const after = await h.services.organisationAdmin.getService(ylitornio.id, ylitornio.serviceId);
    assert.deepEqual(after, before);
  });

  test('a new service is added, then deactivated after a confirmation', async () => {
    const added = await staffRequest(
      h,
      jariBrowser,
      'POST',
      `${base}/palvelut/uusi`,
      serviceForm({ serviceId: 'ylitornio-rakennus', nameFi: 'Rakennusvalvonta' }),
    );
    assert.equal(added.statusCode, 303, added.body.slice(0, 300));
    assert.equal(added.location, `${base}/palvelut?ilmoitus=added`);
    const confirmPath = `${base}/palvelut/ylitornio-rakennus/poista-kaytosta`;
    const confirm = await staffRequest(h, jariBrowser, 'GET', confirmPath);
    assert.equal(confirm.statusCode, 200);
    assert.ok(confirm.body.includes(`action="${confirmPath}"`));
    const done = await staffRequest(h, jariBrowser, 'POST', confirmPath, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.location, `${base}/palvelut?ilmoitus=deactivated`);
    const service = await h.services.organisationAdmin.getService(ylitornio.id, 'ylitornio-rakennus');
    assert.equal(service.active, false);
    assert.equal((await audits('admin.service_deactivated')).length, 1);
  });

  test('new credentials: the password is the answer to the POST, never cached, and it gets a token', async () => {
    const created = await staffRequest(h, jariBrowser, 'POST', `${base}/tunnukset`, { allowedIps: '' });
    assert.equal(created.statusCode, 200, created.body.slice(0, 300));
    assert.match(String(created.headers['cache-control']), /no-store/);
    const [username, password] = [...created.body.matchAll(/<dd class="admin-secret">([^<]+)<\/dd>/g)].map(
      (m) => m[1]!,
    );
    assert.ok(username && password, 'the page shows the username and the password');
    assert.match(username, new RegExp(`^api-${ylitornio.businessId}-`));
    const issued = await token(username, password);
    assert.equal(issued.statusCode, 200, issued.body);
    assert.ok(!h.log.text.includes(password), 'not in the log');

    // The list shows the credentials, never the password.
    const list = await staffRequest(h, jariBrowser, 'GET', `${base}/tunnukset`);
    assert.ok(list.body.includes(username));
    assert.equal(list.body.includes(password), false);

    // An allowlist: a refused entry comes back named, a good one is saved.
    const allowlistPath = `${base}/tunnukset/${username}/sallitut-osoitteet`;
    const refused = await staffRequest(h, jariBrowser, 'POST', allowlistPath, {
      allowedIps: '10.0.0.0/8\nnot-an-address',
    });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.body.includes('not-an-address'));
    assert.deepEqual(
      (await h.services.organisationAdmin.getCredential(ylitornio.id, username)).allowedIps,
      [],
    );
    const saved = await staffRequest(h, jariBrowser, 'POST', allowlistPath, { allowedIps: '10.0.0.0/8' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.location, `${base}/tunnukset?ilmoitus=allowlistSaved`);
    assert.deepEqual((await h.services.organisationAdmin.getCredential(ylitornio.id, username)).allowedIps, [
      '10.0.0.0/8',
    ]);
    h.setNow(new Date(h.context.clock().getTime() + 15 * 60_000));
    assert.equal((await token(username, password)).statusCode, 403, 'outside the allowlist');

    // Revoked after a confirmation: no more tokens.
    const revokePath = `${base}/tunnukset/${username}/peru`;
    const confirm = await staffRequest(h, jariBrowser, 'GET', revokePath);
    assert.equal(confirm.statusCode, 200);
    const revoked = await staffRequest(h, jariBrowser, 'POST', revokePath, {});
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.location, `${base}/tunnukset?ilmoitus=revoked`);
    const after = await h.services.organisationAdmin.getCredential(ylitornio.id, username);
    assert.notEqual(after.revokedAt, null);
    const [audit] = await audits('admin.credential_revoked');
    assert.equal(audit!.actor_type, 'staff');
  });

  test('a refused allowlist on new credentials creates nothing', async () => {
    const before = await h.services.organisationAdmin.listCredentials(ylitornio.id);
    const refused = await staffRequest(h, jariBrowser, 'POST', `${base}/tunnukset`, {
      allowedIps: '300.1.1.1',
    });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.body.includes('300.1.1.1'));
    assert.equal((await h.services.organisationAdmin.listCredentials(ylitornio.id)).length, before.length);
  });

  test('staff roles: an admin gives and removes roles in their own organisation, audited as themself', async () => {
    const path = `${base}/henkilosto`;
    const page = await staffRequest(h, jariBrowser, 'GET', path);
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    assert.ok(page.body.includes('220472-****'), 'the admin is listed, the code masked');
    assert.equal(page.body.includes(jari), false, 'no full identity code of the admin themself');

    const invalid = await staffRequest(h, jariBrowser, 'POST', path, {
      identityCode: '150385-9047',
      role: 'case_worker',
    });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /href="#identityCode"/);
    const adminWithService = await staffRequest(h, jariBrowser, 'POST', path, {
      identityCode: tiina,
      role: 'admin',
      [`palvelu.${ylitornio.serviceId}`]: '1',
    });
    assert.equal(adminWithService.statusCode, 400);
    assert.deepEqual(await h.services.staff.staff.membershipsOf(tiina), []);

    const granted = await staffRequest(h, jariBrowser, 'POST', path, {
      identityCode: tiina,
      role: 'case_worker',
      [`palvelu.${ylitornio.serviceId}`]: '1',
    });
    assert.equal(granted.statusCode, 303, granted.body.slice(0, 300));
    assert.equal(granted.location, `${path}?ilmoitus=granted`);
    const [membership] = await h.services.staff.staff.membershipsOf(tiina);
    assert.equal(membership?.organisation.businessId, ylitornio.businessId);
    assert.equal(membership?.roles.admin, false);
    assert.deepEqual(membership?.roles.servicePks, [ylitornio.servicePk]);
    const [jariGrant, tiinaGrant] = await audits('staff.role_granted');
    assert.equal(tiinaGrant!.actor_type, 'staff');
    assert.equal(tiinaGrant!.actor_id, jariGrant!.subject_id);
    const listed = await staffRequest(h, jariBrowser, 'GET', path);
    assert.ok(listed.body.includes('150385-****'));

    const revoked = await staffRequest(h, jariBrowser, 'POST', `${path}/poista`, { identityCode: tiina });
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.location, `${path}?ilmoitus=revoked`);
    assert.deepEqual(await h.services.staff.staff.membershipsOf(tiina), []);
    const [revokedRow] = await audits('staff.role_revoked');
    assert.equal(revokedRow!.actor_id, jariGrant!.subject_id);

    // Their own roles are not removed here.
    const self = await staffRequest(h, jariBrowser, 'POST', `${path}/poista`, { identityCode: jari });
    assert.equal(self.statusCode, 404);
    assert.equal((await h.services.staff.staff.membershipsOf(jari)).length, 1);
  });
});
