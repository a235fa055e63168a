import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { sessionCookieName } from '../../src/http/plugins/citizen-session.js';
import { signInAs } from '../helpers/citizen-session.js';
import { accountRow, identityLookup, messagesOf } from '../helpers/stored-rows.js';
import { assertAccessible, browserSkipReason, useServedBrowser } from '../helpers/browser.js';

const skip = browserSkipReason();
const maija = '010180-9026';
const loggedOutHeading = { fi: 'Olet kirjautunut ulos', sv: 'Du har loggat ut', en: 'You have logged out' };

describe('citizen portal in a browser', { skip }, () => {
  const world = useServedBrowser(async () => {}, { atPublicUrl: true });

  // Without JavaScript axe cannot run in the page; the same pages are checked with axe below.
  test('Maija identifies with bank credentials, opens her account and reaches the inbox (no JavaScript)', async () => {
    const context = await world.browser.newContext({
      javaScriptEnabled: false,
      locale: 'fi-FI',
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto(`${world.baseUrl}/`);
    await page.getByRole('link', { name: 'Ota asiointitili käyttöösi' }).click();
    assert.match(page.url(), /\/test-idp\/interaction\//);
    await page.getByRole('button', { name: 'Nordea' }).click();
    await page.getByLabel('Henkilötunnus').fill(maija);
    await page.getByRole('button', { name: 'Tunnistaudu' }).click();
    assert.equal(new URL(page.url()).pathname, '/account/open');
    assert.equal(await page.getByLabel('Sähköpostiosoite').inputValue(), 'mai.ja.meikalainen@example.fi');
    // A foreign number is refused next to the field, with focus-able summary link.
    await page.getByLabel('Matkapuhelinnumero').fill('+46 70 123 4567');
    await page.getByRole('button', { name: 'Luo asiointitili' }).click();
    assert.equal(await page.locator('#mobile').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Matkapuhelinnumero').fill('050 123 4567');
    await page.getByLabel('Lähetä tieto uudesta viestistä asiointitilillä sähköpostiini').check();
    await page.locator('#accept-terms').check();
    await page.getByRole('button', { name: 'Luo asiointitili' }).click();
    assert.equal(new URL(page.url()).pathname, '/mailbox/inbox');
    const account = await accountRow(world.h, maija);
    assert.equal(account.status, 'active');
    const welcome = (await messagesOf(world.h, account.id)).filter((m) => m.direction === 'to_citizen');
    assert.equal(welcome.length, 1, 'the welcome message is in the mailbox');
    await context.close();
  });

  test('"Keskeytä" at the identification service returns to the start page', async () => {
    const context = await world.browser.newContext({ javaScriptEnabled: false, locale: 'fi-FI' });
    const page = await context.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.getByRole('button', { name: 'Mobiilivarmenne' }).click();
    await page.getByRole('button', { name: 'Keskeytä' }).click();
    assert.equal(new URL(page.url()).pathname, '/');
    await context.close();
  });

  async function signedInContext(identityCode: string, lang: string): Promise<BrowserContext> {
    const { cookies } = await signInAs(world.h, identityCode);
    const context = await world.browser.newContext({ viewport: { width: 320, height: 640 } });
    await context.addCookies([
      {
        name: sessionCookieName(world.h.context),
        value: cookies[sessionCookieName(world.h.context)]!,
        url: world.baseUrl,
      },
      { name: 'lang', value: lang, url: world.baseUrl },
    ]);
    return context;
  }

  for (const lang of ['fi', 'sv', 'en'] as const) {
    test(`every account page in ${lang}: zero axe violations, readable at 320 px`, async () => {
      const anonymous = await world.browser.newContext({ viewport: { width: 320, height: 640 } });
      await anonymous.addCookies([{ name: 'lang', value: lang, url: world.baseUrl }]);
      const page = await anonymous.newPage();
      for (const path of ['/terms', '/accessibility']) {
        await page.goto(`${world.baseUrl}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await assertAccessible(page, `${path} (${lang})`);
      }
      await page.goto(`${world.baseUrl}/login`);
      await assertAccessible(page, `test IdP methods (${lang})`);
      await page.locator('button[value="bank-op"]').click();
      await page.locator('#identity-code').fill('123');
      await page.locator('form[action$="/login"] button[type="submit"]').click();
      await assertAccessible(page, `test IdP error (${lang})`);
      await anonymous.close();

      // A person without an account (Sirpa), a deceased person and one with an account (Kimmo).
      const newcomer = await signedInContext('051066X9820', lang);
      const form = await newcomer.newPage();
      await form.goto(`${world.baseUrl}/account/open`);
      await assertAccessible(form, `opening form (${lang})`);
      await form.locator('#email').fill('not an address');
      // The form's own submit button; "Keskeytä" submits the separate sign-out form.
      await form.locator('form[action="/account/open"] button[type="submit"]:not([form])').click();
      await assertAccessible(form, `opening form with errors (${lang})`);
      await newcomer.close();

      const refused = await signedInContext('031131-917C', lang);
      const refusal = await refused.newPage();
      await refusal.goto(`${world.baseUrl}/account/open`);
      await assertAccessible(refusal, `refusal (${lang})`);
      await refused.close();

      if (!(await world.h.services.accounts.accounts.accountOf('270570-901K'))) {
        const { cookies, csrfToken } = await signInAs(world.h, '270570-901K');
        await world.h.app.inject({
          method: 'POST',
          url: '/account/open',
          headers: {
            cookie: `${sessionCookieName(world.h.context)}=${cookies[sessionCookieName(world.h.context)]}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: `_csrf=${csrfToken}&acceptTerms=1`,
        });
      }
      const holder = await signedInContext('270570-901K', lang);
      const settings = await holder.newPage();
      await settings.goto(`${world.baseUrl}/settings`);
      await assertAccessible(settings, `settings (${lang})`);
      await settings.locator('#mobile').fill('12');
      await settings.locator('form[action="/settings"] button[type="submit"]').click();
      await assertAccessible(settings, `settings with errors (${lang})`);
      await settings.goto(`${world.baseUrl}/settings/close`);
      await assertAccessible(settings, `close confirmation (${lang})`);
      // "Kuka on katsonut tietojani" with an organisation's access in it, and the own actions.
      const organisation = await world.h.fixtures.organisation({ nameFi: 'Ylitornion kunta' });
      await world.h.services.messaging.mailboxes.activeMailboxes(organisation.id, ['270570-901K']);
      await settings.goto(`${world.baseUrl}/settings/access-log`);
      await settings.locator('.access-log__entry').first().waitFor();
      await assertAccessible(settings, `access log (${lang})`);
      await settings.goto(`${world.baseUrl}/settings/access-log?view=own`);
      await assertAccessible(settings, `own actions (${lang})`);

      // Older terms accepted: the settings page sends to "Käyttöehdot ovat muuttuneet" first.
      await world.h.context.database.db
        .updateTable('accounts')
        .set({ terms_version: '1.0' })
        .where('identity_lookup', '=', await identityLookup(world.h.context, '270570-901K'))
        .execute();
      await settings.goto(`${world.baseUrl}/settings`);
      assert.equal(new URL(settings.url()).pathname, '/account/terms');
      await assertAccessible(settings, `terms changed (${lang})`);
      await settings.locator('form[action="/account/terms"] button[type="submit"]').click();
      await assertAccessible(settings, `terms changed with errors (${lang})`);
      await settings.locator('#accept-terms').check();
      await settings.locator('form[action="/account/terms"] button[type="submit"]').click();
      assert.equal(new URL(settings.url()).pathname, '/settings');
      await holder.close();
    });
  }

  for (const lang of ['fi', 'sv', 'en'] as const) {
    test(`logout in one step through the IdP and the login failure page in ${lang}: zero axe violations`, async () => {
      const context = await world.browser.newContext({ viewport: { width: 320, height: 640 } });
      await context.addCookies([{ name: 'lang', value: lang, url: world.baseUrl }]);
      const page = await context.newPage();
      await page.goto(`${world.baseUrl}/auth/callback?code=forged&state=forged`);
      await assertAccessible(page, `login failure (${lang})`);
      await page.goto(`${world.baseUrl}/login`);
      await page.locator('button[value="card"]').click();
      await page.locator('#identity-code').fill('300788-995T');
      await page.locator('form[action$="/login"] button[type="submit"]').click();
      await page.waitForURL(/\/account\/open$/);
      // One step: the IdP ends its session without asking and returns the browser to our page.
      await page.locator('form[action="/logout"] button').click();
      await page.waitForURL(`${world.baseUrl}/logged-out`);
      assert.equal(await page.locator('h1').textContent(), loggedOutHeading[lang]);
      await assertAccessible(page, `logged out (${lang})`);
      await page.locator('a[href="/login"]').click();
      assert.match(page.url(), /\/test-idp\/interaction\//, 'identification starts again');
      await context.close();
    });
  }

  test('keyboard alone: from the skip link through the test IdP to the opening form', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#content');
    await page.locator('button[value="bank-aktia"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#identity-code').focus();
    await page.keyboard.type('280258-971Y');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/account\/open$/);
    await context.close();
  });
});
