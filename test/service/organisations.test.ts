import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import { useSuiteHarness } from '../helpers/suite-harness.js';

describe('organisation service', () => {
  const h = useSuiteHarness();

  test('adds an organisation and its services', async () => {
    const organisation = await h.services.organisations.addOrganisation({
      businessId: '9990003-2',
      nameFi: 'Askolan kunta',
      nameEn: 'Municipality of Askola',
    });
    assert.equal(organisation.businessId, '9990003-2');
    const service = await h.services.organisations.addService({
      businessId: '9990003-2',
      serviceId: 'askola-asiointi',
      nameFi: 'Askolan sähköinen asiointi',
      acceptsMessages: true,
    });
    assert.equal(service.acceptsMessages, true);
    assert.equal(service.active, true);
    const listed = await h.services.organisations.listServices('9990003-2');
    assert.deepEqual(
      listed.map((s) => s.serviceId),
      ['askola-asiointi'],
    );
  });

  test('rejects a bad business ID, an unknown organisation and duplicates, storing nothing', async () => {
    const count = async () =>
      (await h.context.database.db.selectFrom('organisations').select('id').execute()).length +
      (await h.context.database.db.selectFrom('services').select('id').execute()).length;
    const before = await count();
    await assert.rejects(
      h.services.organisations.addOrganisation({ businessId: '9990003-3', nameFi: 'X' }),
      ValidationError,
    );
    await assert.rejects(
      h.services.organisations.addOrganisation({ businessId: '9990003-2', nameFi: 'X' }),
      ConflictError,
    );
    const refusedServices = [
      { businessId: '9990001-6', serviceId: 's', error: NotFoundError },
      { businessId: '9990003-2', serviceId: 'askola-asiointi', error: ConflictError },
      { businessId: '9990003-2', serviceId: '../etc', error: ValidationError },
    ];
    for (const { businessId, serviceId, error } of refusedServices) {
      await assert.rejects(
        h.services.organisations.addService({ businessId, serviceId, nameFi: 'S', acceptsMessages: false }),
        error,
      );
    }
    assert.equal(await count(), before);
  });
});
