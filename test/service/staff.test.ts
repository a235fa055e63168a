import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { canActOnService, isAdmin, isCaseWorker } from '../../src/modules/staff/index.js';
import { persons, staffPersons, type OrganisationFixture } from '../helpers/fixtures.js';
import { staffMemberIdOf } from '../helpers/staff-fixtures.js';
import { auditOf, identityLookup, storedRow } from '../helpers/stored-rows.js';
import { useSuiteHarness } from '../helpers/suite-harness.js';
import { testDialect } from '../helpers/test-database.js';

const { tiina, minna } = staffPersons;

describe(`staff roles (${testDialect})`, () => {
  const h = useSuiteHarness();
  let a: OrganisationFixture;
  let b: OrganisationFixture;
  let secondServicePk = 0;
  const secondServiceId = `toinen-${process.pid}`;

  before(async () => {
    a = await h.fixtures.organisation({ nameFi: 'Ylitornion kunta' });
    b = await h.fixtures.organisation({ nameFi: 'Savitaipaleen kunta' });
    secondServicePk = (
      await h.services.organisations.addService({
        businessId: a.businessId,
        serviceId: secondServiceId,
        nameFi: 'Rakennusvalvonta',
        acceptsMessages: true,
      })
    ).id;
  });

  test('grant is idempotent, audited once per new role, and gives the memberships the pages use', async () => {
    const { staff } = h.services.staff;
    await staff.grant({ identityCode: tiina, businessId: a.businessId, role: 'admin' });
    await staff.grant({ identityCode: tiina, businessId: a.businessId, role: 'admin' });
    const listing = await staff.grant({
      identityCode: tiina,
      businessId: a.businessId,
      role: 'case_worker',
      serviceIds: [a.serviceId],
    });
    assert.deepEqual(listing, {
      identityCode: tiina,
      firstNames: 'Tiina',
      lastName: 'Virkailija',
      businessId: a.businessId,
      admin: true,
      caseWorkerServices: [a.serviceId],
    });
    const granted = await auditOf(h, 'staff.role_granted');
    assert.equal(granted.length, 2);
    assert.deepEqual(granted[0], {
      actorType: 'operator',
      actorId: 'cli',
      subjectType: 'staff_member',
      subjectId: granted[0]!.subjectId,
    });
    assert.doesNotMatch(JSON.stringify(granted), /150385/);

    const [membership, ...others] = await staff.membershipsOf(tiina);
    assert.equal(others.length, 0);
    assert.ok(membership);
    assert.equal(membership.organisation.businessId, a.businessId);
    assert.deepEqual(membership.roles, { admin: true, servicePks: [a.servicePk] });
    assert.equal(isAdmin(membership), true);
    assert.equal(isCaseWorker(membership), true);
    assert.equal(canActOnService(membership, { id: a.servicePk, organisationId: a.id }), true);
    assert.equal(canActOnService(membership, { id: secondServicePk, organisationId: a.id }), false);
    // Another organisation's service, even with a pk the person's roles name, is never theirs.
    assert.equal(canActOnService(membership, { id: a.servicePk, organisationId: b.id }), false);
  });

  test('a case worker without services acts for all of the organisation; none of another', async () => {
    const { staff } = h.services.staff;
    await staff.grant({ identityCode: minna, businessId: b.businessId, role: 'case_worker' });
    const [membership] = await staff.membershipsOf(minna);
    assert.deepEqual(membership?.roles, { admin: false, servicePks: 'all' });
    assert.equal(canActOnService(membership!, { id: b.servicePk, organisationId: b.id }), true);
    assert.equal(canActOnService(membership!, { id: a.servicePk, organisationId: a.id }), false);
    assert.equal(isAdmin(membership!), false);
    const both = await staff.list();
    assert.deepEqual(
      both.map((l) => [l.businessId, l.lastName, l.admin, l.caseWorkerServices]).sort(),
      [
        [a.businessId, 'Virkailija', true, [a.serviceId]],
        [b.businessId, 'Saarinen', false, 'all'],
      ].sort(),
    );
    assert.deepEqual(
      (await staff.list(b.businessId)).map((l) => l.lastName),
      ['Saarinen'],
    );
  });

  test('bad input is refused naming the field, and changes nothing', async () => {
    const { staff } = h.services.staff;
    const refusals: Array<[Parameters<typeof staff.grant>[0], RegExp | ((error: Error) => boolean)]> = [
      [
        { identityCode: '150385-9047', businessId: a.businessId, role: 'admin' },
        /^ValidationError: identityCode: /,
      ],
      [
        { identityCode: tiina, businessId: a.businessId, role: 'case_worker', serviceIds: [b.serviceId] },
        (error) =>
          error.message === `service: ${b.serviceId} is not a service of organisation ${a.businessId}`,
      ],
      [
        { identityCode: tiina, businessId: a.businessId, role: 'admin', serviceIds: [a.serviceId] },
        /^ValidationError: service: the admin role/,
      ],
      // Valid but unknown to the register (fictitious range, not in the demo register).
      [{ identityCode: '010203-9987', businessId: a.businessId, role: 'admin' }, /population register/],
      [{ identityCode: tiina, businessId: '9999990-9', role: 'admin' }, /no organisation/],
    ];
    for (const [input, refusal] of refusals) await assert.rejects(staff.grant(input), refusal);
    assert.deepEqual(await h.services.staff.staff.membershipsOf(persons.kimmo), []);
  });

  test('revoke takes roles away (audited); with none left the person is no longer staff', async () => {
    const { staff } = h.services.staff;
    await staff.grant({
      identityCode: tiina,
      businessId: a.businessId,
      role: 'case_worker',
      serviceIds: [secondServiceId],
    });
    const afterOne = await staff.revoke({
      identityCode: tiina,
      businessId: a.businessId,
      role: 'case_worker',
      serviceIds: [a.serviceId],
    });
    assert.deepEqual(afterOne.caseWorkerServices, [secondServiceId]);
    await assert.rejects(staff.revoke({ identityCode: tiina, businessId: b.businessId }), /no such role/);
    const none = await staff.revoke({ identityCode: tiina, businessId: a.businessId });
    assert.equal(none.admin, false);
    assert.deepEqual(none.caseWorkerServices, []);
    assert.deepEqual(await staff.membershipsOf(tiina), []);
    assert.equal((await auditOf(h, 'staff.role_revoked')).length, 3);
    assert.notEqual(
      (await storedRow(h, 'staff_members', 'identity_lookup', await identityLookup(h.context, tiina)))
        .removed_at,
      null,
    );
    // Granted again: no longer removed.
    await staff.grant({ identityCode: tiina, businessId: a.businessId, role: 'admin' });
    assert.equal(
      (await storedRow(h, 'staff_members', 'identity_lookup', await identityLookup(h.context, tiina)))
        .removed_at,
      null,
    );
  });

  test('the unique index counts a role over all services once (NULL service)', async () => {
    const db = h.context.database.db;
    const member = { id: await staffMemberIdOf(h, minna) };
    await assert.rejects(
      db
        .insertInto('staff_roles')
        .values({
          staff_member_id: member.id,
          organisation_id: b.id,
          role: 'case_worker',
          service_pk: null,
          created_at: new Date().toISOString(),
        })
        .execute(),
    );
  });
});
