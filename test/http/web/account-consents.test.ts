import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApiClient } from '../../helpers/api-client.js';
import { signedInClient } from '../../helpers/api-session.js';
import {
  getPage,
  postForgedForm,
  postForm,
  type CitizenSession,
  signInAs,
} from '../../helpers/citizen-session.js';
import { type ApiOrganisation, type OrganisationFixture, persons } from '../../helpers/fixtures.js';
import { assertIncludesAll } from '../../helpers/page-text.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/**
 * The citizen's side of the consent register (DELIVERY_CONSENT=per-organisation): the settings page
 * lists the consents organisations recorded, and a consent in force can be withdrawn with a plain
 * form; the organisation's mailbox check and register see the withdrawal.
 */
describe('settings: consents recorded by organisations', () => {
  let h: TestHarness;
  let session: CitizenSession;
  let kallio: ApiOrganisation, askola: OrganisationFixture;
  let api: ApiClient;
  let paperConsent: number, phoneConsent: number;

  const withdrawForms = (body: string) =>
    [...body.matchAll(/action="\/settings\/consents\/(\d+)\/withdraw"/g)].map((m) => Number(m[1]));
  const mailboxCheck = async () => {
    const response = await api.post('/v1/mailboxes/active', { endUsers: [{ id: persons.kimmo }] });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ endUsersWithActiveMailbox: unknown[] }>().endUsersWithActiveMailbox.length;
  };

  before(async () => {
    h = await createHarness({
      now: '2026-03-02T08:00:00.000Z',
      env: { DELIVERY_CONSENT: 'per-organisation' },
    });
    await h.fixtures.account({ identityCode: persons.kimmo });
    session = await signInAs(h, persons.kimmo);
    kallio = await h.fixtures.apiOrganisation();
    askola = await h.fixtures.organisation({ nameFi: 'Askolan kunta', nameSv: 'Askola kommun' });
    api = await signedInClient(h, kallio);
    const record = (organisation: OrganisationFixture, channel: string, givenOn: string) =>
      h.services.consents.record({
        organisationId: organisation.id,
        identityCode: persons.kimmo,
        channel,
        givenOn,
        recordedBy: {},
      });
    paperConsent = (await record(kallio, 'paper', '2026-02-20')).consent.id;
    h.setNow('2026-03-02T08:05:00.000Z');
    phoneConsent = (await record(askola, 'phone', '2026-03-01')).consent.id;
  });
  after(() => h.close());

  test('the settings list each consent with organisation, channel, date and status, in fi and sv', async () => {
    const page = await getPage(h, session, '/settings');
    assert.equal(page.statusCode, 200);
    assertIncludesAll(page.body, [
      'Organisaatioiden kirjaamat suostumukset',
      'Kallion peruspalvelukuntayhtymä',
      'Suostumus annettu 20.2.2026 paperilomakkeella',
      'Askolan kunta',
      'Suostumus annettu 1.3.2026 puhelimitse',
      'Voimassa',
      'saat kyseisen organisaation asiakirjat jälleen paperipostina',
    ]);
    // Newest first, each in force with its own form carrying the session's CSRF token.
    assert.deepEqual(withdrawForms(page.body), [phoneConsent, paperConsent]);
    assert.match(page.body, new RegExp(`name="_csrf" value="${session.csrfToken}"`));
    const sv = await getPage(h, session, '/settings', { lang: 'sv' });
    assertIncludesAll(sv.body, [
      'Samtycken som organisationer har registrerat',
      'Askola kommun',
      'Samtycke givet 1.3.2026 per telefon',
      'Återkalla samtycket',
    ]);
  });

  test('withdrawing needs the CSRF token; with it the consent is withdrawn, confirmed, and the mailbox check follows', async () => {
    assert.equal(await mailboxCheck(), 1);
    const forged = await postForgedForm(h, session, `/settings/consents/${paperConsent}/withdraw`);
    assert.equal(forged.statusCode, 403);
    assert.equal(await mailboxCheck(), 1);

    h.setNow('2026-03-02T08:10:00.000Z');
    const response = await postForm(h, session, `/settings/consents/${paperConsent}/withdraw`, {});
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/settings?withdrawn=1#consents');
    const page = await getPage(h, session, '/settings?withdrawn=1');
    assertIncludesAll(page.body, ['Suostumus on peruttu.', 'Peruttu 2.3.2026']);
    assert.match(page.body, /role="status"/);
    assert.deepEqual(withdrawForms(page.body), [phoneConsent]);

    // The organisation sees it: its mailbox check leaves Kimmo out, its register shows who withdrew.
    assert.equal(await mailboxCheck(), 0);
    const register = await h.services.consents.forOrganisation(kallio.id);
    assert.deepEqual(
      register.items.map((c) => [c.id, c.status, c.withdrawnBy]),
      [[paperConsent, 'withdrawn', 'citizen']],
    );
    // A second post of the same form finds nothing in force.
    const again = await postForm(h, session, `/settings/consents/${paperConsent}/withdraw`, {});
    assert.equal(again.statusCode, 404);
  });
});
