import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  useMigratedCliEnvironment,
  helpOf,
  jsonOf as json,
  serviceAddArgs,
} from '../helpers/cli-in-process.js';
import { runCli } from '../helpers/cli-process.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * Operator commands that change and deactivate organisations and services. The real process runs
 * where exit status and the stdout/stderr split are under test; the rest runs the same commander
 * program in this process against the same database. What deactivation does to the API and the
 * pages is tested over HTTP in test/http/api/deactivation.test.ts.
 */
const { env, cli } = useMigratedCliEnvironment('asiointitili-org-lifecycle-');

const lastLine = (text: string) => text.trim().split('\n').at(-1);

const businessId = '9990003-2';

describe(`operator commands: update and deactivate organisations and services (${testDialect})`, () => {
  test('help for every new command', () => {
    assert.match(helpOf('org', 'update'), /Usage: asiointitili org update \[options\] <business-id>/);
    assert.match(helpOf('org', 'deactivate'), /Usage: asiointitili org deactivate \[options\] <business-id>/);
    assert.match(helpOf('service', 'update'), /--no-accepts-messages/);
    assert.match(
      helpOf('service', 'deactivate'),
      /Usage: asiointitili service deactivate \[options\] <service-id>/,
    );
    assert.match(helpOf('service', 'list'), /--business-id/);
  });

  test('org update changes and removes names; bad input fails with one line and changes nothing', async () => {
    json(
      await cli([
        'org',
        'add',
        '--business-id',
        businessId,
        '--name',
        'Askolan kunta',
        '--name-en',
        'Askola',
      ]),
    );
    // A new Finnish name, a Swedish one added and the English one removed.
    const names = ['--name', 'Askolan kunta (uusi)', '--name-sv', 'Askola kommun', '--name-en', ''];
    const updated = json<{ nameFi: string; nameSv: string | null; nameEn: string | null }>(
      await cli(['org', 'update', businessId, ...names]),
    );
    assert.deepEqual(
      [updated.nameFi, updated.nameSv, updated.nameEn],
      ['Askolan kunta (uusi)', 'Askola kommun', null],
    );

    assert.equal(
      (await cli(['org', 'update', businessId, '--name', '  '])).failure,
      'name: must not be empty',
    );
    assert.match((await cli(['org', 'update', businessId])).failure ?? '', /^name: nothing to change/);
    assert.equal(
      (await cli(['org', 'update', businessId, '--name-sv', 'Askola\u202Ekommun'])).failure?.startsWith(
        'nameSv: ',
      ),
      true,
    );
    assert.equal(
      (await cli(['org', 'update', '9990001-6', '--name', 'X'])).failure,
      'no organisation with business ID 9990001-6',
    );
    const listed = json<Array<{ nameFi: string; nameSv: string | null; deactivatedAt: string | null }>>(
      await cli(['org', 'list']),
    );
    assert.deepEqual(listed, [
      { ...listed[0]!, nameFi: 'Askolan kunta (uusi)', nameSv: 'Askola kommun', deactivatedAt: null },
    ]);
  });

  test('service update and deactivate; the real process prints JSON and fails with one line', async () => {
    for (const serviceId of ['askola-asiointi', 'askola-rakennus']) {
      const service = ['--service-id', serviceId, '--name', serviceId, '--accepts-messages'];
      json(await cli(['service', 'add', '--business-id', businessId, ...service]));
    }
    const updated = json<{ nameFi: string; acceptsMessages: boolean; active: boolean }>(
      await cli([
        'service',
        'update',
        'askola-rakennus',
        '--name',
        'Rakennusvalvonta',
        '--no-accepts-messages',
      ]),
    );
    assert.deepEqual(
      [updated.nameFi, updated.acceptsMessages, updated.active],
      ['Rakennusvalvonta', false, true],
    );
    assert.equal(
      json<{ acceptsMessages: boolean }>(
        await cli(['service', 'update', 'askola-rakennus', '--accepts-messages']),
      ).acceptsMessages,
      true,
    );
    assert.match(
      (await cli(['service', 'update', 'askola-rakennus'])).failure ?? '',
      /^name: nothing to change/,
    );
    assert.equal(
      (await cli(['service', 'update', 'nope', '--name', 'X'])).failure,
      'no service with id nope',
    );

    const deactivated = await runCli(['service', 'deactivate', 'askola-asiointi'], env);
    assert.equal(deactivated.code, 0, deactivated.stderr);
    const service = JSON.parse(deactivated.stdout) as {
      serviceId: string;
      active: boolean;
      businessId: string;
    };
    assert.deepEqual(
      [service.serviceId, service.active, service.businessId],
      ['askola-asiointi', false, businessId],
    );
    const again = await runCli(['service', 'deactivate', 'askola-asiointi'], env);
    assert.notEqual(again.code, 0);
    assert.equal(again.stdout, '');
    assert.equal(lastLine(again.stderr), 'asiointitili: serviceId: the service is already deactivated');

    const services = json<Array<{ serviceId: string; active: boolean }>>(
      await cli(['service', 'list', '--business-id', businessId]),
    );
    assert.deepEqual(
      services.map((s) => [s.serviceId, s.active]),
      [
        ['askola-asiointi', false],
        ['askola-rakennus', true],
      ],
    );
  });

  test('org deactivate: every service stops, no new credentials or services; a second time is an error', async () => {
    json(await cli(['credentials', 'create', '--business-id', businessId]));
    const deactivated = await runCli(['org', 'deactivate', businessId], env);
    assert.equal(deactivated.code, 0, deactivated.stderr);
    const organisation = JSON.parse(deactivated.stdout) as {
      businessId: string;
      deactivatedAt: string | null;
    };
    assert.equal(organisation.businessId, businessId);
    assert.ok(organisation.deactivatedAt);

    const services = json<Array<{ active: boolean }>>(
      await cli(['service', 'list', '--business-id', businessId]),
    );
    assert.ok(services.every((s) => !s.active));
    assert.equal(
      (await cli(['credentials', 'create', '--business-id', businessId])).failure,
      'businessId: the organisation is deactivated',
    );
    assert.equal(
      (await cli(serviceAddArgs(businessId, 'askola-uusi', 'Uusi'))).failure,
      'businessId: the organisation is deactivated',
    );
    assert.equal(
      (await cli(['org', 'deactivate', businessId])).failure,
      'businessId: the organisation is already deactivated',
    );
    const listed = json<Array<{ deactivatedAt: string | null }>>(await cli(['org', 'list']));
    assert.equal(listed[0]!.deactivatedAt, organisation.deactivatedAt);
  });
});
