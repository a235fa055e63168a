import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requireMailboxReader } from '../../../src/http/plugins/citizen-session.js';
import {
  getPage,
  postForgedForm,
  postForm,
  signInAs,
  type CitizenSession,
} from '../../helpers/citizen-session.js';
import { accountRow, messagesOf } from '../../helpers/stored-rows.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

const kimmo = '270570-901K';
/** The contact details Kimmo saves in the settings, and finds filled in when he reopens the account. */
const kimmoContact = { email: 'kimmo@example.com', mobile: '+358407654321', smsNotifications: '1' };

describe('settings, closing and reopening the account', () => {
  let h: TestHarness;
  let session: CitizenSession;
  const post = (url: string, form: Record<string, string>) => postForm(h, session, url, form);
  const account = () => accountRow(h, kimmo);

  before(async () => {
    h = await createHarness({
      now: '2026-03-02T08:00:00.000Z',
      extraRoutes: (app) => {
        app.get('/test-reader', async (request, reply) => {
          const reader = requireMailboxReader(request, reply);
          if (!reader) return reply;
          return { accountId: reader.accountId, readOnly: reader.readOnly };
        });
      },
    });
    session = await signInAs(h, kimmo);
    const opened = await post('/account/open', {
      email: 'kimmo.makinen@example.fi',
      emailNotifications: '1',
      acceptTerms: '1',
    });
    assert.equal(opened.statusCode, 303);
  });
  after(() => h.close());

  test('settings need an active account; without a session they send to identification', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: '/settings' });
    assert.equal(anonymous.headers.location, '/login?return=%2Fsettings');
    const page = await getPage(h, session, '/settings');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="kimmo\.makinen@example\.fi"/);
    assert.match(page.body, /id="email-notify"[^>]*checked/);
    assert.match(page.body, /Lopeta asiointitilin käyttö/);
  });

  test('changing e-mail, mobile, reminders and language; the language cookie follows', async () => {
    // The mobile number typed with spaces is stored normalised.
    const response = await post('/settings', { ...kimmoContact, mobile: '+358 40 765 4321', language: 'en' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/settings?saved=1');
    assert.match(String(response.headers['set-cookie']), /lang=en/);
    const row = await account();
    assert.equal(row.email, 'kimmo@example.com');
    assert.equal(row.email_notifications, 0);
    assert.equal(row.mobile, '+358407654321');
    assert.equal(row.sms_notifications, 1);
    assert.equal(row.language, 'en');
    const page = await getPage(h, session, '/settings?saved=1', { lang: 'en' });
    assert.match(page.body, /Your changes have been saved/);
  });

  const invalid: Array<[string, Record<string, string>, RegExp]> = [
    ['foreign mobile', { mobile: '+1 202 555 0143', language: 'fi' }, /id="mobile-error"/],
    ['SMS without number', { mobile: '', smsNotifications: '1', language: 'fi' }, /id="mobile-error"/],
    ['bad e-mail', { email: 'kimmo at example', language: 'fi' }, /id="email-error"/],
    [
      'e-mail reminders without address',
      { email: '', emailNotifications: '1', language: 'fi' },
      /id="email-error"/,
    ],
    ['unknown language', { language: 'de' }, /id="language-error"/],
  ];
  for (const [name, form, marker] of invalid) {
    test(`settings refuse ${name} and change nothing`, async () => {
      const before = await account();
      const response = await post('/settings', form);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, marker);
      assert.match(response.body, /class="error-summary"/);
      assert.deepEqual(await account(), before);
    });
  }

  test('the close page says paper mail resumes; closing keeps the messages readable', async () => {
    const page = await getPage(h, session, '/settings/close?lang=fi');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /jälleen paperipostina/);
    const noToken = await postForgedForm(h, session, '/settings/close');
    assert.equal(noToken.statusCode, 403);
    assert.equal((await account()).status, 'active');
    h.setNow('2026-03-05T10:00:00.000Z');
    session = await signInAs(h, kimmo);
    const closed = await post('/settings/close?lang=fi', {});
    assert.equal(closed.statusCode, 200);
    assert.match(closed.body, /Asiointitilin käyttö on lopetettu/);
    const row = await account();
    assert.equal(row.status, 'closed');
    assert.equal(row.closed_at, '2026-03-05T10:00:00.000Z');
    const settings = await getPage(h, session, '/settings');
    assert.equal(settings.headers.location, '/account/open');
    const reader = await getPage(h, session, '/test-reader');
    assert.deepEqual(reader.json(), { accountId: row.id, readOnly: true });
    assert.equal((await messagesOf(h, row.id)).length, 1, 'the welcome message is still there');

    // The closed mailbox: no writing or settings in the menu, and the way back offered.
    const inbox = await getPage(h, session, '/mailbox/inbox?lang=fi');
    assert.equal(inbox.statusCode, 200);
    const nav =
      /<nav class="account-nav" aria-label="Asiointitili">[\s\S]*?<\/nav>/.exec(inbox.body)?.[0] ?? '';
    assert.match(nav, /href="\/mailbox\/inbox"/);
    assert.doesNotMatch(nav, /href="\/mailbox\/new"|href="\/settings"|Uusi viesti|Asetukset/);
    assert.match(
      inbox.body,
      /<a class="button" href="\/account\/open">Ota asiointitili uudelleen käyttöön<\/a>/,
    );
    // The start page says the account is closed and offers the same way back.
    const start = await getPage(h, session, '/?lang=fi');
    assert.match(start.body, /Asiointitilisi käyttö on lopetettu\./);
    assert.match(start.body, /<a href="\/account\/open">Ota asiointitili uudelleen käyttöön<\/a>/);
    assert.doesNotMatch(start.body, /Olet tunnistautunut, mutta/);
  });

  test('reopening is opening again: same account, new terms acceptance, a new welcome message', async () => {
    h.setNow('2026-03-06T09:55:00.000Z');
    session = await signInAs(h, kimmo);
    const page = await getPage(h, session, '/account/open?lang=fi');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Olet aiemmin lopettanut asiointitilin käytön/);
    // The reopening wording, and the earlier contact details and reminder choices filled in.
    assert.match(page.body, /<h1>Ota asiointitili uudelleen käyttöön<\/h1>/);
    assert.match(page.body, /<button type="submit">Ota asiointitili uudelleen käyttöön<\/button>/);
    assert.doesNotMatch(page.body, /Luo asiointitili/);
    assert.match(page.body, /value="kimmo@example\.com"/);
    assert.match(page.body, /value="\+358407654321"/);
    assert.match(page.body, /id="sms-notify"[^>]*checked/);
    assert.doesNotMatch(page.body, /id="email-notify"[^>]*checked/);
    assert.doesNotMatch(page.body, /id="accept-terms"[^>]*checked/, 'the terms are accepted afresh');
    // Cancelling a reopening goes back to the closed, readable mailbox; it does not sign out.
    assert.match(page.body, /<a class="button button--secondary" href="\/mailbox\/inbox">Keskeytä<\/a>/);
    assert.doesNotMatch(page.body, /id="cancel-opening"/);
    const before = await account();
    h.setNow('2026-03-06T10:00:00.000Z');
    const reopened = await post('/account/open?lang=fi', { ...kimmoContact, acceptTerms: '1' });
    assert.equal(reopened.statusCode, 303);
    const row = await account();
    assert.equal(row.id, before.id);
    assert.equal(row.status, 'active');
    assert.equal(row.closed_at, null);
    assert.equal(row.terms_accepted_at, '2026-03-06T10:00:00.000Z');
    assert.equal((await messagesOf(h, row.id)).length, 2);
    assert.equal(row.mobile, '+358407654321');
    // Not a second identical welcome: the reopened account is told it is in use again.
    const inbox = await getPage(h, session, '/mailbox/inbox?lang=fi');
    assert.equal(inbox.body.match(/Tervetuloa Kansalaisen asiointitilille/g)?.length, 1);
    assert.equal(inbox.body.match(/Asiointitili on jälleen käytössä/g)?.length, 1);
    const reader = await getPage(h, session, '/test-reader');
    assert.deepEqual(reader.json(), { accountId: row.id, readOnly: false });
  });

  test('terms and accessibility pages are public and in each language', async () => {
    for (const [lang, terms, statement] of [
      ['fi', 'Asiointitilin käyttöehdot', 'Saavutettavuusseloste'],
      ['sv', 'Användarvillkor', 'Tillgänglighetsutlåtande'],
      ['en', 'Terms of use', 'Accessibility statement'],
    ] as const) {
      const t = await h.app.inject({ method: 'GET', url: `/terms?lang=${lang}` });
      assert.equal(t.statusCode, 200);
      assert.match(t.body, new RegExp(terms));
      const a = await h.app.inject({ method: 'GET', url: `/accessibility?lang=${lang}` });
      assert.equal(a.statusCode, 200);
      assert.match(a.body, new RegExp(statement));
    }
  });
});
