import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { currentTerms, termsAcceptanceDue } from '../../../src/domain/terms-of-use.js';
import {
  getPage,
  postForgedForm,
  postForm,
  signInAs,
  type CitizenSession,
} from '../../helpers/citizen-session.js';
import { persons } from '../../helpers/fixtures.js';
import { browserRequest, loginThroughTestIdp } from '../../helpers/oidc-login.js';
import { auditOf } from '../../helpers/stored-rows.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

const olderVersion = '1.0';
const acceptedAt = '2026-01-05T09:00:00.000Z';

describe('newer terms of use are accepted before the mailbox opens', () => {
  let h: TestHarness;
  let session: CitizenSession;
  let accountId: number;
  let messageId: number;
  const row = () =>
    h.context.database.db
      .selectFrom('accounts')
      .select(['terms_version', 'terms_accepted_at', 'language'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
  const accept = (form: Record<string, string>) => postForm(h, session, '/account/terms', form);

  before(async () => {
    h = await createHarness({ now: '2026-12-03T10:00:00.000Z' });
    const account = await h.fixtures.account({ identityCode: persons.kimmo });
    accountId = account.id;
    const organisation = await h.fixtures.organisation();
    ({ messageId } = await h.fixtures.message({ accountId, organisation, title: 'Päätös hakemukseen' }));
  });
  after(() => h.close());

  beforeEach(async () => {
    // The person accepted the previous terms; each test starts from there, freshly signed in.
    await h.context.database.db
      .updateTable('accounts')
      .set({ terms_version: olderVersion, terms_accepted_at: acceptedAt, language: 'fi' })
      .where('id', '=', accountId)
      .execute();
    session = await signInAs(h, persons.kimmo);
  });

  test('the version in force is newer than the one the test starts from', () => {
    assert.equal(termsAcceptanceDue(olderVersion), true);
    assert.equal(termsAcceptanceDue(currentTerms.version), false);
  });

  test('mailbox and settings pages send to the terms page and back; the message is not read', async () => {
    for (const url of ['/mailbox/inbox', `/mailbox/messages/${messageId}`, '/settings', '/mailbox/new']) {
      const response = await getPage(h, session, url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/account/terms?return=${encodeURIComponent(url)}`, url);
    }
    assert.deepEqual(await auditOf(h, 'message.read'), []);
    const page = await getPage(h, session, '/account/terms?return=%2Fmailbox%2Finbox');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Käyttöehdot ovat muuttuneet<\/h1>/);
    assert.match(page.body, new RegExp(`versio ${currentTerms.version.replace('.', '\\.')}`, 'i'));
    assert.match(page.body, /href="\/terms"/);
    assert.match(page.body, /name="return" value="\/mailbox\/inbox"/);
    assert.doesNotMatch(page.body, /Päätös hakemukseen/);
  });

  test('public pages, closing the account and logging out still work (no redirect loop)', async () => {
    for (const url of ['/', '/terms', '/faq', '/accessibility', '/settings/close']) {
      const response = await getPage(h, session, url);
      assert.equal(response.statusCode, 200, url);
    }
    const terms = await getPage(h, session, '/terms');
    assert.match(terms.body, /Käyttöehtojen muuttaminen/);
    const logout = await postForm(h, session, '/logout', {});
    assert.equal(logout.statusCode, 303);
    assert.doesNotMatch(String(logout.headers.location), /account\/terms/);
    const after = await getPage(h, session, '/mailbox/inbox');
    assert.match(String(after.headers.location), /^\/login\?/);
  });

  test('accepting records the version and the time, is audited and goes on to the page asked for', async () => {
    h.setNow('2026-12-03T10:15:00.000Z');
    const response = await accept({
      accept: '1',
      version: currentTerms.version,
      return: `/mailbox/messages/${messageId}`,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/mailbox/messages/${messageId}`);
    const stored = await row();
    assert.equal(stored.terms_version, currentTerms.version);
    assert.equal(stored.terms_accepted_at, '2026-12-03T10:15:00.000Z');
    const audit = await auditOf(h, 'account.terms_accepted');
    assert.deepEqual(audit.at(-1), {
      actorType: 'citizen',
      actorId: String(accountId),
      subjectType: 'account',
      subjectId: String(accountId),
    });
    const mailbox = await getPage(h, session, '/mailbox/inbox');
    assert.equal(mailbox.statusCode, 200);
    // Once accepted, the terms page itself only sends on.
    const again = await getPage(h, session, '/account/terms?return=%2Fsettings');
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/settings');
  });

  test('the way on never leads back to the terms page, the login or another site', async () => {
    for (const [returnTo, expected] of [
      ['/account/terms', '/mailbox/inbox'],
      ['/login?return=/account/terms', '/mailbox/inbox'],
      ['//evil.example/', '/mailbox/inbox'],
      ['https://evil.example/mailbox', '/mailbox/inbox'],
    ] as const) {
      await h.context.database.db
        .updateTable('accounts')
        .set({ terms_version: olderVersion })
        .where('id', '=', accountId)
        .execute();
      const response = await accept({ accept: '1', version: currentTerms.version, return: returnTo });
      assert.equal(response.statusCode, 303, returnTo);
      assert.equal(response.headers.location, expected, returnTo);
    }
  });

  test('without the CSRF token nothing is stored', async () => {
    const form = { accept: '1', version: currentTerms.version };
    const response = await postForgedForm(h, session, '/account/terms', form);
    assert.equal(response.statusCode, 403);
    const wrong = await postForgedForm(h, session, '/account/terms', { _csrf: 'x'.repeat(43), ...form });
    assert.equal(wrong.statusCode, 403);
    assert.equal((await row()).terms_version, olderVersion);
  });

  test('bad input stores nothing: box not ticked, terms changed meanwhile, unknown fields', async () => {
    const auditedBefore = (await auditOf(h, 'account.terms_accepted')).length;
    const unticked = await accept({ version: currentTerms.version });
    assert.equal(unticked.statusCode, 400);
    assert.match(unticked.body, /<title>Virhe: /);
    assert.match(unticked.body, /Hyväksy uudet käyttöehdot, jotta voit jatkaa/);
    assert.match(unticked.body, /href="#accept-terms"/);
    const stale = await accept({ accept: '1', version: olderVersion });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /muuttuivat sillä välin/);
    const refused: Array<Record<string, string>> = [
      { accept: '1', version: currentTerms.version, accountId: '1' },
      { accept: 'yes', version: currentTerms.version },
      { accept: '1' },
      { accept: '1', version: 'x'.repeat(21) },
    ];
    for (const form of refused) {
      const response = await accept(form);
      assert.equal(response.statusCode, 400, JSON.stringify(form));
    }
    const stored = await row();
    assert.equal(stored.terms_version, olderVersion);
    assert.equal(stored.terms_accepted_at, acceptedAt);
    assert.equal((await auditOf(h, 'account.terms_accepted')).length, auditedBefore);
  });

  test('the page in Swedish and English', async () => {
    const cases = [
      { language: 'sv', title: 'Användarvillkoren har ändrats', button: 'Godkänn och fortsätt' },
      { language: 'en', title: 'The terms of use have changed', button: 'Accept and continue' },
      { language: 'fi', title: 'Käyttöehdot ovat muuttuneet', button: 'Hyväksy ja jatka' },
    ];
    for (const { language, title, button } of cases) {
      await h.context.database.db
        .updateTable('accounts')
        .set({ language })
        .where('id', '=', accountId)
        .execute();
      const page = await getPage(h, session, '/account/terms');
      assert.equal(page.statusCode, 200, language);
      assert.match(page.body, new RegExp(`<html lang="${language}"`), language);
      assert.match(page.body, new RegExp(`<h1[^>]*>${title}</h1>`), language);
      assert.match(page.body, new RegExp(button), language);
    }
  });

  test('a closed account is not asked (reopening accepts the terms in force)', async () => {
    const closed = await h.fixtures.account({ identityCode: persons.maija, status: 'closed' });
    await h.context.database.db
      .updateTable('accounts')
      .set({ terms_version: olderVersion })
      .where('id', '=', closed.id)
      .execute();
    const maija = await signInAs(h, persons.maija);
    const inbox = await getPage(h, maija, '/mailbox/inbox');
    assert.equal(inbox.statusCode, 200);
    const terms = await getPage(h, maija, '/account/terms');
    assert.equal(terms.headers.location, '/account/open');
  });
});

describe('identification leads to the newer terms first', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ now: '2026-12-03T10:00:00.000Z' });
    const account = await h.fixtures.account({ identityCode: persons.laura });
    await h.context.database.db
      .updateTable('accounts')
      .set({ terms_version: olderVersion })
      .where('id', '=', account.id)
      .execute();
  });
  after(() => h.close());

  test('the person lands on the terms page, which then goes on to the page they were after', async () => {
    const { jar, landingUrl } = await loginThroughTestIdp(h, persons.laura, { returnTo: '/faq' });
    const landed = new URL(landingUrl);
    assert.equal(landed.pathname, '/account/terms');
    assert.equal(landed.searchParams.get('return'), '/faq');
    const page = await browserRequest(h, jar, 'GET', `${landed.pathname}${landed.search}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="return" value="\/faq"/);
  });
});
