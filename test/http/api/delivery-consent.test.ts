import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApiClient } from '../../helpers/api-client.js';
import { sendAccepted, signedInOrganisation, uploadAccepted } from '../../helpers/api-session.js';
import { electronicRequest, paperMailPart } from '../../helpers/api-requests.js';
import { type AccountFixture, type ApiOrganisation, newIdentityCode } from '../../helpers/fixtures.js';
import { rowCounts } from '../../helpers/stored-rows.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/**
 * DELIVERY_CONSENT through the organisation API with real tokens: under `per-organisation` a person
 * with an open account but no consent in force for the asking organisation is, for the mailbox check
 * and for sending (v2 and v1), a person without an active mailbox; under `account` (the default) the
 * account alone is enough, as before.
 */

async function activeIds(api: ApiClient, ids: string[]): Promise<string[]> {
  const response = await api.post('/v1/mailboxes/active', { endUsers: ids.map((id) => ({ id })) });
  assert.equal(response.statusCode, 200, response.body);
  return response
    .json<{ endUsersWithActiveMailbox: Array<{ id: string }> }>()
    .endUsersWithActiveMailbox.map((user) => user.id);
}

describe('DELIVERY_CONSENT=per-organisation: the organisation API', () => {
  let h: TestHarness;
  let org: ApiOrganisation, other: ApiOrganisation;
  let api: ApiClient, otherApi: ApiClient;
  let consenting: AccountFixture, accountOnly: AccountFixture;

  const record = (organisation: ApiOrganisation, identityCode: string) =>
    h.services.consents.record({
      organisationId: organisation.id,
      identityCode,
      channel: 'paper',
      givenOn: '2026-03-01',
      recordedBy: { name: 'Tiina Virkailija' },
    });
  const message = (id: number) =>
    h.context.database.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  before(async () => {
    h = await createHarness({ now: '2026-03-02T08:00:00Z', env: { DELIVERY_CONSENT: 'per-organisation' } });
    ({ org, api } = await signedInOrganisation(h));
    ({ org: other, api: otherApi } = await signedInOrganisation(h));
    consenting = await h.fixtures.account();
    accountOnly = await h.fixtures.account();
    await record(org, consenting.identityCode);
  });
  after(() => h.close());

  test('the mailbox check lists only people with an account and a consent for the asking organisation', async () => {
    const consentNoAccount = newIdentityCode();
    await record(org, consentNoAccount);
    const ids = [accountOnly.identityCode, consenting.identityCode, consentNoAccount];
    assert.deepEqual(await activeIds(api, ids), [consenting.identityCode]);
    // The consent is the organisation's own: another organisation does not see the mailbox.
    assert.deepEqual(await activeIds(otherApi, ids), []);
  });

  test('a consent recorded, then withdrawn by the citizen, turns the answer on and off again', async () => {
    const person = await h.fixtures.account();
    assert.deepEqual(await activeIds(api, [person.identityCode]), []);
    const { consent } = await record(org, person.identityCode);
    assert.deepEqual(await activeIds(api, [person.identityCode]), [person.identityCode]);
    await h.services.consents.withdrawByCitizen(person.identityCode, consent.id, { accountId: person.id });
    assert.deepEqual(await activeIds(api, [person.identityCode]), []);
  });

  test('an electronic-only message without a consent is refused as MAILBOX_NOT_IN_USE and stores nothing', async () => {
    const before = await rowCounts(h);
    const response = await api.post(
      '/v2/messages/electronic',
      electronicRequest(org, accountOnly.identityCode),
    );
    assert.equal(response.statusCode, 400);
    const json = response.json<{ reason: string; validationErrors: Array<{ errorCode?: string }> }>();
    assert.match(json.reason, /^recipient\.id: /);
    assert.equal(json.validationErrors[0]?.errorCode, 'MAILBOX_NOT_IN_USE');
    assert.ok(!json.reason.includes(accountOnly.identityCode));
    assert.deepEqual(await rowCounts(h), before);
    // The other organisation has no consent from the consenting person either.
    const others = await otherApi.post(
      '/v2/messages/electronic',
      electronicRequest(other, consenting.identityCode),
    );
    assert.equal(others.statusCode, 400);
    assert.equal(
      others.json<{ validationErrors: Array<{ errorCode?: string }> }>().validationErrors[0]?.errorCode,
      'MAILBOX_NOT_IN_USE',
    );
  });

  test('with a consent the electronic message goes to the mailbox', async () => {
    const row = await message(
      await sendAccepted(api, '/v2/messages/electronic', electronicRequest(org, consenting.identityCode)),
    );
    assert.equal(row.channel, 'electronic');
    assert.equal(row.account_id, consenting.id);
  });

  test('multichannel goes to paper without a consent and electronic with one', async () => {
    /** Sends a multichannel message to the person and gives its stored row. */
    const multichannelTo = async (identityCode: string) =>
      message(
        await sendAccepted(api, '/v2/messages', {
          ...electronicRequest(org, identityCode),
          paperMail: paperMailPart(await uploadAccepted(api)),
        }),
      );
    const paperRow = await multichannelTo(accountOnly.identityCode);
    assert.equal(paperRow.channel, 'paper');
    assert.equal(paperRow.account_id, null);
    assert.equal(paperRow.available_at, null);

    const electronicRow = await multichannelTo(consenting.identityCode);
    assert.equal(electronicRow.channel, 'electronic');
    assert.equal(electronicRow.account_id, consenting.id);
  });

  test('the v1 electronic form answers the same', async () => {
    const v1 = (recipientId: string) => ({
      externalId: `v1-${recipientId}`,
      recipient: { id: recipientId },
      sender: { serviceId: org.serviceId },
      electronic: { title: 'Päätös', body: 'Ohessa päätös.' },
    });
    const refused = await api.post('/v1/messages/electronic', v1(accountOnly.identityCode));
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json<{ reason: string }>().reason, /^recipient\.id/);
    const sent = await api.post('/v1/messages/electronic', v1(consenting.identityCode));
    assert.equal(sent.statusCode, 200, sent.body);
  });
});

describe('DELIVERY_CONSENT=account (the default): an open account is enough', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ now: '2026-03-02T08:00:00Z' });
  });
  after(() => h.close());

  test('the mailbox check and sending need no consent, and a recorded one changes nothing', async () => {
    assert.equal(h.context.config.deliveryConsent, 'account');
    const { org, api } = await signedInOrganisation(h);
    const person = await h.fixtures.account();
    assert.deepEqual(await activeIds(api, [person.identityCode]), [person.identityCode]);
    const sent = await api.post('/v2/messages/electronic', electronicRequest(org, person.identityCode));
    assert.equal(sent.statusCode, 200, sent.body);
    // A consent withdrawn does not close the mailbox under this setting either.
    const { consent } = await h.services.consents.record({
      organisationId: org.id,
      identityCode: person.identityCode,
      channel: 'phone',
      givenOn: '2026-03-02',
      recordedBy: {},
    });
    await h.services.consents.withdrawByOrganisation(org.id, consent.id);
    assert.deepEqual(await activeIds(api, [person.identityCode]), [person.identityCode]);
  });
});
