import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { passwordPolicyProblem } from '../../src/modules/organisations/password-hashing.js';
import { helpOf, serviceAddArgs, useMigratedCliEnvironment } from '../helpers/cli-in-process.js';
import { runCli } from '../helpers/cli-process.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * Starting the CLI costs seconds, so the real process is spawned only where the process itself is
 * under test (help text, exit status, what reaches stdout); the other cases run the same commander
 * program in this process against the same kind of environment.
 */
const { env, cli } = useMigratedCliEnvironment('asiointitili-org-cli-');

const addService = (businessId: string, serviceId: string, name: string, ...flags: string[]) =>
  cli([...serviceAddArgs(businessId, serviceId, name), ...flags]);

describe(`operator commands for organisations and API credentials (${testDialect})`, () => {
  test('org add / service add / list, with clear errors for bad input', async () => {
    const added = await cli(['org', 'add', '--business-id', '9990003-2', '--name', 'Askolan kunta']);
    assert.equal(added.failure, undefined);
    assert.equal(JSON.parse(added.stdout).businessId, '9990003-2');

    const service = await addService('9990003-2', 'askola-asiointi', 'Asiointi', '--accepts-messages');
    assert.equal(service.failure, undefined);
    assert.equal(JSON.parse(service.stdout).acceptsMessages, true);

    const duplicate = await addService('9990003-2', 'askola-asiointi', 'X');
    assert.equal(duplicate.failure, 'service askola-asiointi already exists');
    const unknown = await addService('9990001-6', 'x', 'X');
    assert.equal(unknown.failure, 'no organisation with business ID 9990001-6');
    const badIp = await cli([
      'credentials',
      'create',
      '--business-id',
      '9990003-2',
      '--allow-ip',
      '300.1.1.1/8',
    ]);
    assert.match(badIp.failure ?? '', /^allowIp: /);

    const organisations = JSON.parse((await cli(['org', 'list'])).stdout) as Array<{ businessId: string }>;
    assert.deepEqual(
      organisations.map((o) => o.businessId),
      ['9990003-2'],
    );
    const services = JSON.parse((await cli(['service', 'list'])).stdout) as Array<{ serviceId: string }>;
    assert.deepEqual(
      services.map((s) => s.serviceId),
      ['askola-asiointi'],
    );
  });

  test('help for every command; the real process: JSON credentials on stdout, one-line errors with a non-zero exit', async () => {
    // Help text is commander's own rendering; checked in-process for every command.
    for (const [group, command] of [
      ['org', 'add'],
      ['org', 'list'],
      ['service', 'add'],
      ['service', 'list'],
      ['credentials', 'create'],
      ['credentials', 'revoke'],
    ] as const) {
      assert.match(helpOf(group, command), new RegExp(`Usage: asiointitili ${group} ${command}`));
    }

    const created = await runCli(
      [
        'credentials',
        'create',
        '--business-id',
        '9990003-2',
        '--allow-ip',
        '192.0.2.0/24',
        '--allow-ip',
        '2001:db8::1',
      ],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const credentials = JSON.parse(created.stdout) as {
      username: string;
      password: string;
      allowedIps: string[];
    };
    assert.equal(passwordPolicyProblem(credentials.password), undefined);
    assert.deepEqual(credentials.allowedIps, ['192.0.2.0/24', '2001:db8::1/128']);
    assert.ok(!created.stderr.includes(credentials.password), 'the password appears on stdout only');

    const badId = await runCli(['org', 'add', '--business-id', '9990003-3', '--name', 'X'], env);
    assert.notEqual(badId.code, 0);
    const lastLine = badId.stderr.trim().split('\n').at(-1);
    assert.equal(lastLine, 'asiointitili: businessId: not a valid business ID (Y-tunnus), e.g. 1234567-1');

    const revoked = await cli(['credentials', 'revoke', '--username', credentials.username]);
    assert.equal(revoked.failure, undefined);
    assert.ok(JSON.parse(revoked.stdout).revokedAt);
    const again = await cli(['credentials', 'revoke', '--username', credentials.username]);
    assert.equal(again.failure, 'username: these credentials are already revoked');
    const listed = JSON.parse((await cli(['credentials', 'list'])).stdout) as Array<{
      username: string;
      revokedAt: string;
    }>;
    assert.equal(listed.length, 1);
    assert.ok(!JSON.stringify(listed).includes(credentials.password));
  });
});
