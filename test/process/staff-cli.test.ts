import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  helpOf,
  jsonOf as json,
  serviceAddArgs,
  useMigratedCliEnvironment,
} from '../helpers/cli-in-process.js';
import { staffPersons } from '../helpers/fixtures.js';
import { testDialect } from '../helpers/test-database.js';

/** `asiointitili staff add|list|remove`, run in this process against a migrated database. */
const { cli } = useMigratedCliEnvironment('asiointitili-staff-cli-');

const businessId = '9990002-4';
const { tiina } = staffPersons;
/** `staff add|remove` of Tiina's roles in the organisation; `--service` for each service given. */
const staffArgs = (command: 'add' | 'remove', role: string, ...services: string[]) => [
  'staff',
  command,
  tiina,
  '--organisation',
  businessId,
  '--role',
  role,
  ...services.flatMap((service) => ['--service', service]),
];

describe(`operator commands: staff (${testDialect})`, () => {
  before(async () => {
    json(await cli(['org', 'add', '--business-id', businessId, '--name', 'Ylitornion kunta']));
    for (const serviceId of ['ylitornio-lomakkeet', 'ylitornio-rakennus']) {
      json(await cli(serviceAddArgs(businessId, serviceId, serviceId)));
    }
  });

  test('help names every option', () => {
    assert.match(helpOf('staff', 'add'), /Usage: asiointitili staff add \[options\] <identity-code>/);
    assert.match(helpOf('staff', 'add'), /--role <role>\s+admin \(manages the organisation\) or case-worker/);
    assert.match(helpOf('staff', 'remove'), /--service <service-id>/);
    assert.match(helpOf('staff', 'list'), /--organisation <business-id>/);
  });

  test('add grants roles, list shows them, remove takes them away', async () => {
    json(await cli(staffArgs('add', 'admin')));
    const added = json<{ admin: boolean; caseWorkerServices: string[] | 'all' }>(
      await cli(staffArgs('add', 'case-worker', 'ylitornio-lomakkeet', 'ylitornio-rakennus')),
    );
    assert.deepEqual(added, {
      ...added,
      admin: true,
      caseWorkerServices: ['ylitornio-lomakkeet', 'ylitornio-rakennus'],
    });
    const listed = json<Array<{ identityCode: string; lastName: string }>>(
      await cli(['staff', 'list', '--organisation', businessId]),
    );
    assert.deepEqual(
      listed.map((l) => [l.identityCode, l.lastName]),
      [[tiina, 'Virkailija']],
    );
    const removed = json<{ admin: boolean; caseWorkerServices: string[] }>(
      await cli(staffArgs('remove', 'case-worker', 'ylitornio-rakennus')),
    );
    assert.deepEqual([removed.admin, removed.caseWorkerServices], [true, ['ylitornio-lomakkeet']]);
    json(await cli(['staff', 'remove', tiina, '--organisation', businessId]));
    assert.deepEqual(json(await cli(['staff', 'list'])), []);
  });

  test('bad input fails with one line naming the option', async () => {
    assert.equal(
      (await cli(['staff', 'add', '150385-9047', '--organisation', businessId, '--role', 'admin'])).failure,
      '<identity-code>: not a valid personal identity code (check the date and check character)',
    );
    assert.equal(
      (await cli(staffArgs('add', 'boss'))).failure,
      '--role: must be admin or case-worker, not "boss"',
    );
    assert.equal(
      (await cli(staffArgs('add', 'case-worker', 'nope'))).failure,
      `--service: nope is not a service of organisation ${businessId}`,
    );
    assert.equal(
      (await cli(['staff', 'add', tiina, '--organisation', '9990001-6', '--role', 'admin'])).failure,
      'no organisation with business ID 9990001-6',
    );
    assert.deepEqual(json(await cli(['staff', 'list'])), []);
  });
});
