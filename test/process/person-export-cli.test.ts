import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootstrap, migrateDatabase, type Bootstrapped } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import type { PersonExport } from '../../src/modules/data-subject/index.js';
import {
  createCliEnvironment,
  helpOf,
  runCliInProcess,
  type CliEnvironment,
} from '../helpers/cli-in-process.js';
import { runCli } from '../helpers/cli-process.js';
import { createFixtures } from '../helpers/fixtures.js';
import { testDialect } from '../helpers/test-database.js';

const kimmo = '270570-901K';
const maija = '010180-9026';

/**
 * `person export` against a database filled through the real services (sending, reading, signing
 * in), run as the operator would: the compiled CLI, JSON on stdout.
 */
describe(`person export for an access request (${testDialect})`, () => {
  let cliEnvironment: CliEnvironment;
  let env: Record<string, string>;
  let app: Bootstrapped;
  let kimmoMessage: number;

  before(async () => {
    cliEnvironment = await createCliEnvironment('asiointitili-person-export-');
    env = cliEnvironment.env;
    await migrateDatabase(loadConfig(env), { progress: () => undefined });
    app = await bootstrap(loadConfig(env), { demo: false, progress: () => undefined });
    const { context, services } = app;
    const fixtures = createFixtures(context, services);
    const organisation = await fixtures.organisation({ nameFi: 'Askolan kunta' });
    const { id: kimmoAccount } = await fixtures.account({
      identityCode: kimmo,
      email: 'kimmo@example.fi',
      emailNotifications: true,
    });
    const { id: maijaAccount } = await fixtures.account({ identityCode: maija, email: 'maija@example.fi' });
    kimmoMessage = await fixtures.sentMessage({
      organisation,
      accountId: kimmoAccount,
      recipientId: kimmo,
      title: 'Päätös rakennusluvasta',
      body: 'Luvan ehdot',
      now: new Date(),
    });
    await fixtures.sentMessage({
      organisation,
      accountId: maijaAccount,
      recipientId: maija,
      title: 'Maijan päätös',
      now: new Date(),
    });
    await services.accounts.sessions.createCitizenSession(
      { identityCode: kimmo, firstNames: 'Kimmo', lastName: 'Mäkinen', method: 'bank-nordea' },
      'req-1',
    );
    await services.mailbox.reading.openMessage({ accountId: kimmoAccount, requestId: 'req-2' }, kimmoMessage);
  });
  after(async () => {
    await app?.context.database.close();
    await cliEnvironment?.remove();
  });

  test('the real process prints everything held about the person as JSON, nobody else’s, no content by default', async () => {
    const result = await runCli(['person', 'export', kimmo], env);
    assert.equal(result.code, 0, result.stderr);
    const exported = JSON.parse(result.stdout) as PersonExport;
    assert.equal(exported.identityCode, kimmo);
    assert.equal(exported.account?.email, 'kimmo@example.fi');
    assert.equal(exported.account?.status, 'active');
    assert.deepEqual(
      exported.sessions.map((s) => [s.firstNames, s.method]),
      [['Kimmo', 'bank-nordea']],
    );
    assert.deepEqual(
      exported.messages.map((m) => m.id),
      [kimmoMessage],
    );
    const [message] = exported.messages;
    assert.equal(message!.organisation.name, 'Askolan kunta');
    assert.ok(message!.readAt);
    assert.ok(message!.deemedReceivedOn);
    assert.deepEqual(
      message!.events.map((e) => e.type),
      ['Electronic message created', 'Electronic message read'],
    );
    assert.equal(message!.title, undefined, 'content only when asked for');
    assert.ok(
      exported.deliveries.some((d) => d.kind === 'new-message-notification' && d.messageId === kimmoMessage),
    );
    assert.deepEqual(
      exported.audit.map((a) => a.action),
      ['identification.succeeded', 'message.read'],
    );
    assert.doesNotMatch(result.stdout, /Maijan päätös|maija@example\.fi|Luvan ehdot|Päätös rakennusluvasta/);
    assert.ok(!result.stderr.includes(kimmo), 'the identity code is not echoed on stderr');
  });

  test('--with-content decrypts titles and bodies; each export is audited and shows in the next', async () => {
    const result = await runCliInProcess(['person', 'export', kimmo, '--with-content'], env);
    assert.equal(result.failure, undefined);
    const exported = JSON.parse(result.stdout) as PersonExport;
    assert.equal(exported.messages[0]!.title, 'Päätös rakennusluvasta');
    assert.equal(exported.messages[0]!.body, 'Luvan ehdot');
    assert.ok(exported.audit.some((a) => a.action === 'person.export' && a.actorType === 'operator'));
  });

  test('--help describes the command and its option', () => {
    const help = helpOf('person', 'export');
    assert.match(help, /Usage: asiointitili person export \[options\] <identity-code>/);
    assert.match(help, /--with-content/);
  });

  test('a person the service knows nothing about gets an empty export; a malformed code a one-line error without it', async () => {
    const nobody = JSON.parse(
      (await runCliInProcess(['person', 'export', '131052-950H'], env)).stdout,
    ) as PersonExport;
    assert.equal(nobody.account, null);
    assert.deepEqual([nobody.messages, nobody.sessions, nobody.audit], [[], [], []]);
    const bad = await runCliInProcess(['person', 'export', '270570-901X'], env);
    assert.equal(bad.failure, 'identityCode: not a valid personal identity code');
  });
});
