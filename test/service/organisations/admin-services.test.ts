import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdminInputError } from '../../../src/modules/organisations/index.js';
import { adminServiceInput } from '../../helpers/staff-fixtures.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

const actor = { staffMemberId: 7 };

describe(`organisation admin: services and the public catalogue (${testDialect})`, () => {
  const h = useSuiteHarness();
  const audits = (action: string) =>
    h.context.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
  const searchNames = async (query: string, locale = 'fi') =>
    (await h.services.catalogue.search(query, locale)).hits.map((hit) => hit.entry.name);

  test('an admin edits a service: the public catalogue and its search show the new texts at once', async () => {
    const organisation = await h.fixtures.organisation({ serviceNameFi: 'Sosiaalipalvelut' });
    // The index is built before the change, so a stale one would not find the new name.
    assert.deepEqual(await searchNames('palveluseteli'), []);

    const edited = await h.services.organisationAdmin.updateService(
      organisation.id,
      organisation.serviceId,
      adminServiceInput(),
      actor,
    );
    assert.equal(edited.nameFi, 'Kotihoidon palveluseteli');
    assert.equal(edited.nameEn, null, 'an empty English name clears it');
    assert.deepEqual(edited.forms, [
      {
        titleFi: 'Palvelusetelihakemus',
        titleSv: null,
        titleEn: null,
        url: 'https://asiointi.example.fi/hakemus.pdf',
      },
    ]);

    assert.deepEqual(await searchNames('palveluseteli'), ['Kotihoidon palveluseteli']);
    assert.deepEqual(await searchNames('hemvård', 'sv'), ['Servicesedel för hemvård']);
    assert.deepEqual(await searchNames('sosiaalipalvelut'), [], 'the old name is gone from the index');
    const page = await h.app.inject({ method: 'GET', url: '/services?q=palveluseteli' });
    assert.match(page.body, /Kotihoidon palveluseteli/);
    assert.match(page.body, /https:\/\/asiointi\.example\.fi\/palveluseteli/);
    assert.match(page.body, /Palvelusetelihakemus/);

    const [audit, ...more] = await audits('admin.service_updated');
    assert.equal(more.length, 0);
    assert.equal(audit!.actor_type, 'staff');
    assert.equal(audit!.actor_id, '7');
    assert.equal(audit!.subject_id, organisation.serviceId);
    assert.deepEqual(JSON.parse(audit!.details!), { organisationId: organisation.id });
  });

  test('an admin adds a service and deactivates it: it enters and leaves the catalogue, both audited', async () => {
    const organisation = await h.fixtures.organisation();
    const added = await h.services.organisationAdmin.addService(
      organisation.id,
      {
        ...adminServiceInput({ nameFi: 'Rakennusvalvonta', nameSv: '', forms: [] }),
        serviceId: `rv-${organisation.id}`,
      },
      actor,
    );
    assert.equal(added.active, true);
    assert.equal(added.descriptionFi, 'Hae palveluseteliä kotihoitoon.');
    assert.deepEqual(await searchNames('rakennusvalvonta'), ['Rakennusvalvonta']);
    const listed = await h.services.organisationAdmin.listServices(organisation.id);
    assert.deepEqual(listed.map((s) => s.serviceId).sort(), [organisation.serviceId, added.serviceId].sort());

    const deactivated = await h.services.organisationAdmin.deactivateService(
      organisation.id,
      added.serviceId,
      actor,
    );
    assert.equal(deactivated.active, false);
    assert.deepEqual(await searchNames('rakennusvalvonta'), []);
    assert.equal((await audits('admin.service_added')).length, 1);
    assert.equal((await audits('admin.service_deactivated')).length, 1);
  });

  test('a refused form names every field at fault and stores nothing', async () => {
    const organisation = await h.fixtures.organisation({ serviceNameFi: 'Vesihuolto' });
    const before = await h.services.organisationAdmin.getService(organisation.id, organisation.serviceId);
    const refused = await h.services.organisationAdmin
      .updateService(
        organisation.id,
        organisation.serviceId,
        adminServiceInput({
          nameFi: '  ',
          nameEn: 'Water\u202Eservices',
          eServiceUrl: 'http://asiointi.example.fi',
          forms: [
            { titleFi: '', titleSv: '', titleEn: '', url: '' },
            { titleFi: '', titleSv: '', titleEn: '', url: 'ftp://example.fi/a.pdf' },
          ],
        }),
        actor,
      )
      .catch((error: unknown) => error);
    assert.ok(refused instanceof AdminInputError);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.problems, [
      { field: 'nameFi', code: 'required' },
      { field: 'nameEn', code: 'deceptive' },
      { field: 'eServiceUrl', code: 'notHttps' },
      { field: 'forms.1.titleFi', code: 'required' },
      { field: 'forms.1.url', code: 'notHttps' },
    ]);
    assert.deepEqual(
      await h.services.organisationAdmin.getService(organisation.id, organisation.serviceId),
      before,
    );
    assert.deepEqual(await searchNames('palveluseteli'), ['Kotihoidon palveluseteli'], 'no second hit');

    const taken = await h.services.organisationAdmin
      .addService(organisation.id, { ...adminServiceInput(), serviceId: organisation.serviceId }, actor)
      .catch((error: unknown) => error);
    assert.ok(taken instanceof AdminInputError);
    assert.deepEqual(taken.problems, [{ field: 'serviceId', code: 'taken' }]);
    const invalid = await h.services.organisationAdmin
      .addService(organisation.id, { ...adminServiceInput(), serviceId: 'ei kelpaa' }, actor)
      .catch((error: unknown) => error);
    assert.ok(invalid instanceof AdminInputError);
    assert.deepEqual(invalid.problems, [{ field: 'serviceId', code: 'invalid' }]);
    assert.equal((await h.services.organisationAdmin.listServices(organisation.id)).length, 1);
  });
});
