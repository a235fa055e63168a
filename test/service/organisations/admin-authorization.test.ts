import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError } from '../../../src/errors.js';
import type { AdminServiceInput } from '../../../src/modules/organisations/index.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

const actor = { staffMemberId: 1 };

const input: AdminServiceInput = {
  nameFi: 'Kaapattu palvelu',
  nameSv: '',
  nameEn: '',
  descriptionFi: 'Ei kuulu sinulle.',
  descriptionSv: '',
  descriptionEn: '',
  eServiceUrl: '',
  acceptsMessages: false,
  forms: [],
};

/**
 * An admin of organisation A acts only on A's services and credentials: every action on B's answers
 * 404 (as for an unknown one, so existence is not revealed), changes nothing and audits nothing.
 */
describe(`authorization: organisation admin (${testDialect})`, () => {
  const h = useSuiteHarness();

  async function setup() {
    const a = await h.fixtures.organisation();
    const b = await h.fixtures.apiOrganisation({ serviceNameFi: 'Toimeentulotuki' });
    const snapshot = async () => ({
      services: await h.context.database.db.selectFrom('services').selectAll().orderBy('id').execute(),
      forms: await h.context.database.db.selectFrom('service_forms').selectAll().orderBy('id').execute(),
      credentials: await h.context.database.db
        .selectFrom('api_credentials')
        .selectAll()
        .orderBy('id')
        .execute(),
      audits: await h.context.database.db.selectFrom('audit_events').select('id').execute(),
    });
    return { a, b, snapshot };
  }

  const notFound = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof NotFoundError, `refused as not found, got ${String(error)}`);
    assert.equal(error.status, 404);
  };

  test("A's admin cannot read, edit or deactivate B's service", async () => {
    const { a, b, snapshot } = await setup();
    const admin = h.services.organisationAdmin;
    const before = await snapshot();
    await notFound(admin.getService(a.id, b.serviceId));
    await notFound(admin.updateService(a.id, b.serviceId, input, actor));
    await notFound(admin.deactivateService(a.id, b.serviceId, actor));
    await notFound(admin.getService(a.id, 'no-such-service'));
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(
      (await admin.listServices(a.id)).map((s) => s.serviceId),
      [a.serviceId],
      "B's services are not listed",
    );
    const hits = await h.services.catalogue.search('kaapattu', 'fi');
    assert.equal(hits.hits.length, 0);
  });

  test("A's admin cannot see, revoke or re-allowlist B's credentials", async () => {
    const { a, b, snapshot } = await setup();
    const admin = h.services.organisationAdmin;
    const before = await snapshot();
    await notFound(admin.getCredential(a.id, b.username));
    await notFound(admin.revokeCredential(a.id, b.username, actor));
    await notFound(admin.setAllowlist(a.id, b.username, ['10.0.0.0/8'], actor));
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(await admin.listCredentials(a.id), [], "B's credentials are not listed");
    assert.deepEqual(
      (await admin.listCredentials(b.id)).map((c) => c.username),
      [b.username],
    );
  });

  test('an unknown organisation is refused as not found', async () => {
    await notFound(h.services.organisationAdmin.listServices(999_999));
    await notFound(h.services.organisationAdmin.createCredential(999_999, { allowIps: [] }, actor));
  });
});
