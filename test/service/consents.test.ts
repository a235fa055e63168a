import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../src/errors.js';
import type { RecordConsentInput } from '../../src/modules/consents/index.js';
import { newIdentityCode, type OrganisationFixture } from '../helpers/fixtures.js';
import { useSuiteHarness } from '../helpers/suite-harness.js';

/** The consent register's service on a real database (both dialects with TEST_DB=postgres). */
describe('consent register', () => {
  // 23:30 on 1 March in UTC is already 2 March in Finland: "today" for the date check is 2 March.
  const h = useSuiteHarness({ now: '2026-03-01T23:30:00.000Z' });
  const consents = () => h.services.consents;
  const input = (organisation: OrganisationFixture, overrides: Partial<RecordConsentInput> = {}) => ({
    organisationId: organisation.id,
    identityCode: newIdentityCode(),
    channel: 'paper',
    givenOn: '2026-03-02',
    recordedBy: { staffId: 7, name: 'Tiina Virkailija' },
    ...overrides,
  });
  const count = async () =>
    Number(
      (
        await h.context.database.db
          .selectFrom('delivery_consents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = (action: string) =>
    h.context.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  test('invalid input is refused naming the field, and nothing is stored', async () => {
    const organisation = await h.fixtures.organisation();
    const cases: Array<[string, Partial<RecordConsentInput>, string]> = [
      ['bad identity code', { identityCode: '270570-901A' }, 'identityCode'],
      ['lower-case identity code', { identityCode: '270570-901k' }, 'identityCode'],
      ['unknown channel', { channel: 'email' }, 'channel'],
      ['not a date', { givenOn: '2.3.2026' }, 'givenOn'],
      ['impossible date', { givenOn: '2026-02-30' }, 'givenOn'],
      ['tomorrow in Finland', { givenOn: '2026-03-03' }, 'givenOn'],
      ['long recorder name', { recordedBy: { name: 'x'.repeat(201) } }, 'recordedBy.name'],
    ];
    const before = await count();
    for (const [name, overrides, field] of cases) {
      await assert.rejects(
        consents().record(input(organisation, overrides)),
        (error: unknown) => error instanceof ValidationError && error.field === field,
        name,
      );
    }
    await assert.rejects(consents().record(input(organisation, { organisationId: 999_999 })), NotFoundError);
    const deactivated = await h.fixtures.organisation();
    await h.services.organisations.deactivateOrganisation(deactivated.businessId);
    await assert.rejects(
      consents().record(input(deactivated)),
      (error: unknown) => error instanceof ValidationError && error.field === 'organisationId',
    );
    assert.equal(await count(), before);
  });

  test('today in Finland is accepted; recording twice while in force returns the same consent', async () => {
    const organisation = await h.fixtures.organisation();
    const person = newIdentityCode();
    const first = await consents().record(input(organisation, { identityCode: person }));
    assert.equal(first.created, true);
    assert.equal(first.consent.status, 'in_force');
    assert.equal(first.consent.givenOn, '2026-03-02');
    assert.equal(first.consent.recordedByName, 'Tiina Virkailija');
    const again = await consents().record(input(organisation, { identityCode: person, channel: 'phone' }));
    assert.deepEqual(again, { consent: first.consent, created: false });
    // Concurrent recordings store one row between them.
    const other = newIdentityCode();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => consents().record(input(organisation, { identityCode: other }))),
    );
    assert.equal(new Set(results.map((r) => r.consent.id)).size, 1);
    assert.equal(results.filter((r) => r.created).length, 1);
    // After a withdrawal a new consent is a new row.
    await consents().withdrawByOrganisation(organisation.id, first.consent.id);
    const renewed = await consents().record(input(organisation, { identityCode: person }));
    assert.equal(renewed.created, true);
    assert.notEqual(renewed.consent.id, first.consent.id);
  });

  test('recording and withdrawing are audited without the identity code', async () => {
    const organisation = await h.fixtures.organisation();
    const person = newIdentityCode();
    const { consent } = await consents().record(input(organisation, { identityCode: person }));
    await consents().withdrawByCitizen(person, consent.id, { accountId: 42 });
    const recorded = (await audits('consent.recorded')).filter((a) => a.subject_id === String(consent.id));
    const withdrawn = (await audits('consent.withdrawn')).filter((a) => a.subject_id === String(consent.id));
    assert.equal(recorded.length, 1);
    // A staff member recorded it: they are the actor, the organisation is in the details.
    assert.equal(recorded[0]!.actor_type, 'staff');
    assert.equal(recorded[0]!.actor_id, '7');
    assert.deepEqual(JSON.parse(recorded[0]!.details!), {
      organisationId: organisation.id,
      channel: 'paper',
      givenOn: '2026-03-02',
    });
    assert.equal(withdrawn.length, 1);
    assert.equal(withdrawn[0]!.actor_type, 'citizen');
    assert.equal(withdrawn[0]!.actor_id, '42');
    for (const row of [...recorded, ...withdrawn]) {
      assert.ok(!JSON.stringify(row).includes(person), 'no identity code in the audit row');
    }
  });

  test('the person sees their consents newest first with the organisations; others cannot withdraw them', async () => {
    const kallio = await h.fixtures.organisation();
    const askola = await h.fixtures.organisation({ nameFi: 'Askolan kunta', nameSv: 'Askola kommun' });
    const person = newIdentityCode();
    const stranger = newIdentityCode();
    const older = await consents().record(input(kallio, { identityCode: person }));
    h.setNow('2026-03-02T09:00:00.000Z');
    const newer = await consents().record(input(askola, { identityCode: person, channel: 'in_person' }));
    const list = await consents().forPerson(person);
    assert.deepEqual(
      list.map((c) => [c.id, c.organisation.nameFi, c.channel, c.status]),
      [
        [newer.consent.id, 'Askolan kunta', 'in_person', 'in_force'],
        [older.consent.id, 'Kallion peruspalvelukuntayhtymä', 'paper', 'in_force'],
      ],
    );
    assert.ok(!('identityCode' in list[0]!));
    // Not theirs, unknown, or another organisation's: all the same NotFoundError, nothing changes.
    await assert.rejects(consents().withdrawByCitizen(stranger, older.consent.id), NotFoundError);
    await assert.rejects(consents().withdrawByCitizen(person, 999_999), NotFoundError);
    await assert.rejects(consents().withdrawByOrganisation(askola.id, older.consent.id), NotFoundError);
    assert.deepEqual([...(await consents().consentedAmong(kallio.id, [person, stranger]))], [person]);
    await consents().withdrawByCitizen(person, older.consent.id);
    await assert.rejects(consents().withdrawByCitizen(person, older.consent.id), NotFoundError);
    assert.deepEqual([...(await consents().consentedAmong(kallio.id, [person]))], []);
    assert.deepEqual([...(await consents().consentedAmong(askola.id, [person]))], [person]);
  });

  test("the organisation's register pages newest first and shows withdrawn consents as withdrawn", async () => {
    const organisation = await h.fixtures.organisation();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      h.setNow(`2026-03-02T10:0${i}:00.000Z`);
      ids.push((await consents().record(input(organisation))).consent.id);
    }
    await consents().withdrawByCitizen(
      (await consents().forOrganisation(organisation.id)).items.find((c) => c.id === ids[1])!.identityCode,
      ids[1]!,
    );
    const first = await consents().forOrganisation(organisation.id, { page: 1, pageSize: 2 });
    const third = await consents().forOrganisation(organisation.id, { page: 3, pageSize: 2 });
    assert.deepEqual(
      first.items.map((c) => c.id),
      [ids[4], ids[3]],
    );
    assert.equal(first.hasNext, true);
    assert.deepEqual(
      third.items.map((c) => c.id),
      [ids[0]],
    );
    assert.equal(third.hasNext, false);
    const withdrawn = (await consents().forOrganisation(organisation.id)).items.find((c) => c.id === ids[1])!;
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(withdrawn.withdrawnBy, 'citizen');
    assert.equal(withdrawn.withdrawnAt, '2026-03-02T10:04:00.000Z');
    // Another organisation's register does not show them.
    const other = await h.fixtures.organisation();
    assert.deepEqual((await consents().forOrganisation(other.id)).items, []);
  });

  test('a withdrawal by a staff member names them as the actor; without one, the organisation', async () => {
    const organisation = await h.fixtures.organisation();
    const byStaff = await consents().record(input(organisation));
    const byIntegration = await consents().record(input(organisation, { recordedBy: {} }));
    await consents().withdrawByOrganisation(organisation.id, byStaff.consent.id, { staffId: 9 });
    const actors = async (action: string, id: number) =>
      (await audits(action))
        .filter((a) => a.subject_id === String(id))
        .map((a) => [a.actor_type, a.actor_id, JSON.parse(a.details!) as unknown]);
    assert.deepEqual(await actors('consent.withdrawn', byStaff.consent.id), [
      ['staff', '9', { withdrawnBy: 'organisation', organisationId: organisation.id }],
    ]);
    assert.deepEqual(await actors('consent.recorded', byIntegration.consent.id), [
      [
        'organisation',
        String(organisation.id),
        { organisationId: organisation.id, channel: 'paper', givenOn: '2026-03-02' },
      ],
    ]);
  });

  test('the check before recording lists every problem at once and stores nothing', async () => {
    const before = await count();
    // Each form with the problems the check names (field:code), and the name it confirms.
    const checks: Array<[Record<'identityCode' | 'channel' | 'givenOn', string>, string[], string?]> = [
      [
        { identityCode: '', channel: '', givenOn: '' },
        ['identityCode:missing', 'channel:missing', 'givenOn:missing'],
      ],
      [
        { identityCode: '270570-901A', channel: 'email', givenOn: '2026-03-03' },
        ['identityCode:invalid', 'channel:invalid', 'givenOn:future'],
      ],
      // A valid code nobody in the register has: the name cannot be confirmed.
      [
        { identityCode: newIdentityCode(), channel: 'phone', givenOn: '2026-03-02' },
        ['identityCode:notInRegister'],
      ],
      [{ identityCode: '270570-901K', channel: 'phone', givenOn: '2026-03-02' }, [], 'Kimmo Mäkinen'],
    ];
    for (const [form, problems, personName] of checks) {
      const expected = problems.map((problem) => {
        const [field, code] = problem.split(':');
        return { field, code };
      });
      assert.deepEqual(
        await consents().checkRecord(form),
        { problems: expected, personName },
        form.identityCode,
      );
    }
    assert.equal(await count(), before);
  });

  test("the person's name comes from the population register", async () => {
    assert.equal(await consents().personName('270570-901K'), 'Kimmo Mäkinen');
    assert.equal(await consents().personName('not-a-code'), undefined);
  });
});
