import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, browserSkipReason, useServedBrowser } from '../helpers/browser.js';
import { type OrganisationFixture, persons } from '../helpers/fixtures.js';

const skip = browserSkipReason();
/** Sirpa has no account in the demo register's world of this harness. */
const sirpa = '051066X9820';

/**
 * Issue 12's flows end to end, through the bundled test identification service: a person identifies,
 * opens the account, reads mail, replies (seeing the message quoted and the type defaulted), closes
 * and reopens the account (pre-filled, no second welcome), and never meets a contradictory state. The
 * new and changed pages are checked with axe at 320 px.
 */
describe('a citizen’s journey in the browser', { skip }, () => {
  let org: OrganisationFixture;
  const world = useServedBrowser(
    async (h) => {
      org = await h.fixtures.organisation({
        nameFi: 'Askolan kunta',
        serviceNameFi: 'Askolan sähköinen asiointi',
      });
    },
    { atPublicUrl: true },
  );
  const h = () => world.h;
  const browser = () => world.browser;

  async function identify(page: Page, identityCode: string): Promise<void> {
    await page.goto(`${world.baseUrl}/`);
    await page.getByRole('link', { name: 'Kirjaudu asiointitilille' }).click();
    await page.getByRole('button', { name: 'Nordea' }).click();
    await page.getByLabel('Henkilötunnus').fill(identityCode);
    await page.getByRole('button', { name: 'Tunnistaudu' }).click();
  }

  /** The mailbox navigation's link names, in order (without the unread count beside Saapuneet). */
  async function menu(page: Page): Promise<string[]> {
    return page.locator('nav[aria-label="Asiointitili"] a > span:first-of-type').allTextContents();
  }

  test('cancelling the opening signs the person out; the start page says where a signed-in person stands', async () => {
    const context = await browser().newContext({ locale: 'fi-FI', viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    try {
      await identify(page, sirpa);
      await page.waitForURL(/\/account\/open$/);
      await assertAccessible(page, 'opening form');

      // Signed in without an account: the start page says so and offers the way on.
      await page.goto(`${world.baseUrl}/`);
      assert.ok(
        await page.getByText('Olet tunnistautunut, mutta et ole ottanut asiointitiliä käyttöön').isVisible(),
      );
      await assertAccessible(page, 'start page, signed in without an account');
      await page.getByRole('link', { name: 'Jatka asiointitilin käyttöönottoa' }).click();
      await page.waitForURL(/\/account\/open$/);

      await page.getByRole('button', { name: 'Keskeytä' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/account/open'));
      // Wherever logout ends, the person is signed out and nothing was stored.
      await page.goto(`${world.baseUrl}/`);
      assert.equal(await page.getByText('Kirjautuneena').count(), 0, 'no longer signed in');
      assert.equal(await page.getByText('Olet tunnistautunut').count(), 0);
      assert.equal(await h().services.accounts.accounts.accountOf(sirpa), undefined);
    } finally {
      await context.close();
    }
  });

  test('identify, open, read, reply, close and reopen: no contradictory state, axe 0 on each new state', async () => {
    const context = await browser().newContext({ locale: 'fi-FI', viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    try {
      // Identify and open the account with e-mail reminders.
      await identify(page, persons.kimmo);
      await page.waitForURL(/\/account\/open$/);
      await page.getByLabel('Sähköpostiosoite').fill('kimmo.makinen@example.fi');
      await page.getByLabel('Lähetä tieto uudesta viestistä asiointitilillä sähköpostiini').check();
      await page.getByLabel('Matkapuhelinnumero').fill('050 123 4567');
      await page.locator('#accept-terms').check();
      await page.getByRole('button', { name: 'Luo asiointitili' }).click();
      await page.waitForURL(/\/mailbox\/inbox$/);
      assert.deepEqual(await menu(page), ['Saapuneet', 'Lähetetyt', 'Poistetut', 'Uusi viesti', 'Asetukset']);

      // Mail arrives: a request for clarification that may be answered.
      const account = await h().services.accounts.accounts.accountOf(persons.kimmo);
      assert.ok(account);
      const request = await h().fixtures.message({
        accountId: account.id,
        organisation: org,
        replyAllowed: true,
        title: 'Pyyntö lisäselvityksestä',
        body: 'Hei,\n\ntarvitsemme hakemuksesi käsittelyä varten kopion vuokrasopimuksesta.',
      });
      await page.reload();
      await page.getByRole('link', { name: 'Pyyntö lisäselvityksestä' }).click();
      await page.waitForURL(new RegExp(`/mailbox/messages/${request.messageId}$`));
      assert.ok(await page.getByText('tarvitsemme hakemuksesi käsittelyä varten').isVisible());

      // Reply: the message answered is quoted, and the type starts as a clarification.
      await page.getByRole('link', { name: 'Vastaa', exact: true }).click();
      await page.waitForURL(/\/reply$/);
      const quoted = page.locator('section[aria-labelledby="replying-to-heading"]');
      assert.ok(await quoted.getByRole('heading', { name: 'Vastaat viestiin' }).isVisible());
      assert.ok(await quoted.getByText('Askolan kunta – Askolan sähköinen asiointi').first().isVisible());
      assert.ok(await quoted.getByRole('link', { name: 'Pyyntö lisäselvityksestä' }).isVisible());
      assert.ok(await quoted.locator('time').isVisible());
      assert.match(
        (await quoted.locator('blockquote').textContent()) ?? '',
        /Hei, tarvitsemme hakemuksesi käsittelyä varten kopion vuokrasopimuksesta\./,
      );
      assert.equal(await page.getByLabel('Selvitys').isChecked(), true);
      assert.equal(await page.getByLabel('Muu viesti tai ilmoitus').isChecked(), false);
      await assertAccessible(page, 'reply form with the quoted message');
      await page.fill('#body', 'Vuokrasopimus on liitteenä.');
      await page.getByRole('button', { name: 'Lähetä' }).click();
      await page.waitForURL(/notice=sent/);
      const sent = await h()
        .context.database.db.selectFrom('messages')
        .select(['citizen_type', 'in_reply_to'])
        .where('in_reply_to', '=', request.messageId)
        .executeTakeFirstOrThrow();
      assert.equal(sent.citizen_type, 'Selvitys');

      // Close the account.
      await page.getByRole('link', { name: 'Asetukset' }).click();
      await page.getByRole('link', { name: 'Lopeta asiointitilin käyttö' }).click();
      await page.getByRole('button', { name: 'Lopeta asiointitilin käyttö' }).click();
      assert.ok(await page.getByRole('heading', { name: 'Asiointitilin käyttö on lopetettu' }).isVisible());

      // The closed mailbox: readable, nothing to write or set, and the way back offered.
      await page.goto(`${world.baseUrl}/mailbox/inbox`);
      assert.deepEqual(await menu(page), ['Saapuneet', 'Lähetetyt', 'Poistetut']);
      const reopen = page.getByRole('link', { name: 'Ota asiointitili uudelleen käyttöön' });
      assert.ok(await reopen.isVisible());
      await assertAccessible(page, 'closed inbox');
      await page.getByRole('link', { name: 'Pyyntö lisäselvityksestä' }).click();
      assert.equal(await page.getByRole('link', { name: 'Vastaa', exact: true }).count(), 0);
      await page.goBack();

      // Reopen: the reopening wording and the earlier details, pre-filled.
      await reopen.click();
      await page.waitForURL(/\/account\/open$/);
      assert.equal(await page.locator('h1').textContent(), 'Ota asiointitili uudelleen käyttöön');
      assert.equal(await page.getByLabel('Sähköpostiosoite').inputValue(), 'kimmo.makinen@example.fi');
      assert.equal(await page.getByLabel('Matkapuhelinnumero').inputValue(), '+358501234567');
      assert.equal(
        await page.getByLabel('Lähetä tieto uudesta viestistä asiointitilillä sähköpostiini').isChecked(),
        true,
      );
      assert.equal(
        await page.getByLabel('Lähetä tieto uudesta viestistä asiointitilillä matkapuhelimeeni').isChecked(),
        false,
      );
      assert.equal(await page.locator('#accept-terms').isChecked(), false, 'the terms are accepted afresh');
      await assertAccessible(page, 'reopening form');
      await page.locator('#accept-terms').check();
      await page.getByRole('button', { name: 'Ota asiointitili uudelleen käyttöön' }).click();
      await page.waitForURL(/\/mailbox\/inbox$/);

      // Back in use: the full menu, no read-only notice, and one welcome plus one "in use again".
      assert.deepEqual(await menu(page), ['Saapuneet', 'Lähetetyt', 'Poistetut', 'Uusi viesti', 'Asetukset']);
      assert.equal(await page.getByRole('link', { name: 'Ota asiointitili uudelleen käyttöön' }).count(), 0);
      assert.equal(await page.getByText('Tervetuloa Kansalaisen asiointitilille').count(), 1);
      assert.equal(await page.getByText('Asiointitili on jälleen käytössä').count(), 1);
      await assertAccessible(page, 'inbox after reopening');
      const reopened = await h().services.accounts.accounts.accountOf(persons.kimmo);
      assert.equal(reopened?.status, 'active');
      assert.equal(reopened?.email, 'kimmo.makinen@example.fi');
      assert.equal(reopened?.emailNotifications, true);

      // The start page knows the person is signed in with an account.
      await page.goto(`${world.baseUrl}/`);
      assert.ok(await page.getByText('Olet kirjautunut asiointitilille.').isVisible());
      await assertAccessible(page, 'start page, signed in with an account');

      // Logging out is one step and ends on a page that says so; the mailbox then asks for
      // identification again.
      await page.getByRole('button', { name: /Kirjaudu ulos/ }).click();
      await page.waitForURL(/\/logged-out$/);
      await page.getByRole('heading', { name: 'Olet kirjautunut ulos' }).waitFor();
      await assertAccessible(page, 'logged out');
      await page.goto(`${world.baseUrl}/mailbox/inbox`);
      assert.notEqual(new URL(page.url()).pathname, '/mailbox/inbox', 'signed out: no mailbox');
    } finally {
      await context.close();
    }
  });
});
