import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { postForm, signInAs, type CitizenSession } from '../../helpers/citizen-session.js';
import { persons } from '../../helpers/fixtures.js';
import { consentInForce } from '../../helpers/stored-rows.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/**
 * A citizen acts only on their own consents: withdrawing another person's consent answers 404 (as
 * for one that does not exist, so existence is not revealed) and changes nothing.
 */
describe('authorization: withdrawing consents', () => {
  let h: TestHarness;
  let kimmo: CitizenSession;
  let maijasConsent: number;

  const inForce = (id: number) => consentInForce(h, id);

  before(async () => {
    h = await createHarness({ now: '2026-03-02T08:00:00.000Z' });
    await h.fixtures.account({ identityCode: persons.kimmo });
    await h.fixtures.account({ identityCode: persons.maija });
    kimmo = await signInAs(h, persons.kimmo);
    const organisation = await h.fixtures.organisation();
    maijasConsent = (
      await h.services.consents.record({
        organisationId: organisation.id,
        identityCode: persons.maija,
        channel: 'in_person',
        givenOn: '2026-03-01',
        recordedBy: {},
      })
    ).consent.id;
  });
  after(() => h.close());

  test("another person's consent answers 404 and stays in force", async () => {
    const response = await postForm(h, kimmo, `/settings/consents/${maijasConsent}/withdraw`, {});
    assert.equal(response.statusCode, 404);
    assert.equal(await inForce(maijasConsent), true);
    const audits = await h.context.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'consent.withdrawn')
      .execute();
    assert.equal(audits.length, 0);
  });

  test('an unknown consent is the same 404; a malformed id is refused; without a session it asks to sign in', async () => {
    assert.equal((await postForm(h, kimmo, '/settings/consents/999999/withdraw', {})).statusCode, 404);
    assert.equal((await postForm(h, kimmo, '/settings/consents/abc/withdraw', {})).statusCode, 400);
    const anonymous = await h.app.inject({
      method: 'POST',
      url: `/settings/consents/${maijasConsent}/withdraw`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.notEqual(anonymous.statusCode, 200);
    assert.ok(anonymous.statusCode === 303 || anonymous.statusCode === 403, String(anonymous.statusCode));
    assert.equal(await inForce(maijasConsent), true);
  });
});
