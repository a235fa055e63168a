import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CredentialRepository } from '../../../src/modules/organisations/credential-repository.js';
import { ApiClient } from '../../helpers/api-client.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { type ApiOrganisation } from '../../helpers/fixtures.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

// In the demo population register, so the citizen pages can be opened as him.
const kimmo = '270570-901K';

describe(`deactivated organisations and services (${testDialect})`, () => {
  let h: TestHarness;
  let session: Awaited<ReturnType<typeof signInAs>>;

  before(async () => {
    h = await createHarness();
    await h.fixtures.account({ identityCode: kimmo });
    session = await signInAs(h, kimmo);
  });
  after(() => h.close());

  const page = (url: string) => h.app.inject({ method: 'GET', url, cookies: session.cookies });
  const startPage = async () => (await h.app.inject({ method: 'GET', url: '/' })).body;

  async function organisationNamed(nameFi: string): Promise<ApiOrganisation> {
    const organisation = await h.fixtures.apiOrganisation();
    await h.services.organisations.updateOrganisation(organisation.businessId, { nameFi });
    return organisation;
  }

  async function send(api: ApiClient, serviceId: string, title: string) {
    return api.post(
      '/v2/messages/electronic',
      electronicRequest({ serviceId }, kimmo, { title, replyAllowedBy: 'Anyone' }),
    );
  }

  test('a deactivated organisation: its tokens and credentials stop working, it leaves the start page, its mail stays readable', async () => {
    const organisation = await organisationNamed('Askolan kunta');
    const api = new ApiClient(h);
    const token = await api.login(organisation);
    const sent = await send(api, organisation.serviceId, 'Päätös rakennusluvasta');
    assert.equal(sent.statusCode, 200, sent.body);
    const messageId = sent.json<{ messageId: number }>().messageId;
    assert.match(await startPage(), /Askolan kunta/);
    const before = await page(`/mailbox/messages/${messageId}`);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, new RegExp(`/mailbox/messages/${messageId}/reply`), 'answerable while active');

    const deactivated = await h.services.organisations.deactivateOrganisation(organisation.businessId);
    assert.ok(deactivated.deactivatedAt);

    // The token issued before is refused at once, and no new one is issued.
    const refused = await api.get('/v2/events', { token });
    assert.equal(refused.statusCode, 401);
    const again = await send(api, organisation.serviceId, 'Toinen päätös');
    assert.equal(again.statusCode, 401);
    // Later (past the login backoff that an untrusted attempt is subject to), still refused, with
    // the same answer as for revoked credentials.
    h.setNow(new Date(Date.now() + 15 * 60_000));
    const login = await api.post('/v1/token', {
      username: organisation.username,
      password: organisation.password,
    });
    assert.equal(login.statusCode, 400);
    assert.match(login.body, /Authentication failed/);
    const tokens = await h.context.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('organisation_id', '=', organisation.id)
      .execute();
    assert.equal(tokens.length, 0, 'its tokens are gone');
    // A token written in a race with the deactivation (issued just before it committed) is refused too.
    const raced = 'raced-token-' + organisation.id;
    const credential = await new CredentialRepository(h.context.database.db).findByUsername(
      organisation.username,
    );
    await new CredentialRepository(h.context.database.db).insertToken(
      {
        tokenHash: createHash('sha256').update(raced, 'utf8').digest('hex'),
        credentialId: credential!.id,
        organisationId: organisation.id,
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      },
      new Date().toISOString(),
    );
    assert.equal((await api.get('/v2/events', { token: raced })).statusCode, 401);

    // Citizens: off the start page and the new-message form; its message is still there to read,
    // but no longer answerable (nobody would read the answer).
    assert.doesNotMatch(await startPage(), /Askolan kunta/);
    const compose = await page('/mailbox/new');
    assert.equal(compose.statusCode, 200);
    assert.doesNotMatch(compose.body, /Askolan kunta/);
    const after = await page(`/mailbox/messages/${messageId}`);
    assert.equal(after.statusCode, 200);
    assert.match(after.body, /Päätös rakennusluvasta/);
    assert.doesNotMatch(after.body, new RegExp(`/mailbox/messages/${messageId}/reply`));
    assert.equal((await page(`/mailbox/messages/${messageId}/reply`)).statusCode, 403);

    // Nothing new can be added to it.
    await assert.rejects(
      h.services.organisations.addService({
        businessId: organisation.businessId,
        serviceId: `uusi-${organisation.businessId}`,
        nameFi: 'Uusi',
        acceptsMessages: true,
      }),
      /businessId: the organisation is deactivated/,
    );
  });

  test('a deactivated service: the API refuses it naming sender.serviceId; the organisation and its other services go on', async () => {
    const organisation = await organisationNamed('Savitaipaleen kunta');
    const other = await h.services.organisations.addService({
      businessId: organisation.businessId,
      serviceId: `toinen-${organisation.businessId}`,
      nameFi: 'Rakennusvalvonta',
      acceptsMessages: true,
    });
    await h.services.organisations.updateService(organisation.serviceId, { nameFi: 'Sähköinen asiointi' });
    const api = new ApiClient(h);
    await api.login(organisation);
    assert.match(await startPage(), /Sähköinen asiointi/);

    await h.services.organisations.deactivateService(organisation.serviceId);

    const refused = await send(api, organisation.serviceId, 'Päätös');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /sender\.serviceId/);
    const accepted = await send(api, other.serviceId, 'Päätös');
    assert.equal(accepted.statusCode, 200, accepted.body);
    const start = await startPage();
    assert.match(start, /Savitaipaleen kunta/);
    assert.match(start, /Rakennusvalvonta/);
    assert.doesNotMatch(start, /Sähköinen asiointi/);
  });
});
