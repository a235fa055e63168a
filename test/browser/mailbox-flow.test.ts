import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { assertAccessible, browserSkipReason, useServedBrowser } from '../helpers/browser.js';
import { signInAs } from '../helpers/citizen-session.js';
import { type OrganisationFixture, persons } from '../helpers/fixtures.js';
import { sampleFiles } from '../helpers/sample-files.js';
import { eventsOf } from '../helpers/stored-rows.js';

const skip = browserSkipReason();

const wording = {
  fi: {
    acknowledge: 'Kuittaa vastaanotetuksi',
    reply: 'Vastaa',
    send: 'Lähetä',
    sent: 'Viesti on lähetetty.',
  },
  sv: {
    acknowledge: 'Kvittera som mottaget',
    reply: 'Svara',
    send: 'Skicka',
    sent: 'Meddelandet har skickats.',
  },
  en: {
    acknowledge: 'Acknowledge receipt',
    reply: 'Reply',
    send: 'Send',
    sent: 'Your message has been sent.',
  },
} as const;

describe('mailbox in the browser', { skip }, () => {
  let org: OrganisationFixture;
  let kimmo: number;
  const world = useServedBrowser(async (h) => {
    org = await h.fixtures.organisation();
    kimmo = (await h.fixtures.account({ identityCode: persons.kimmo })).id;
  });

  /** A browser signed in as Kimmo (session cookie from the real session service) in `lang`. */
  async function signedIn(lang: 'fi' | 'sv' | 'en', options: { javaScriptEnabled?: boolean } = {}) {
    const session = await signInAs(world.h, persons.kimmo);
    const context = await world.browser.newContext({ viewport: { width: 320, height: 640 }, ...options });
    await context.addCookies(
      Object.entries(session.cookies).map(([name, value]) => ({ name, value, url: world.baseUrl })),
    );
    const page = await context.newPage();
    await page.goto(`${world.baseUrl}/language/${lang}?return=/mailbox/inbox`);
    return { context, page };
  }

  for (const lang of ['fi', 'sv', 'en'] as const) {
    test(`${lang}: inbox → acknowledge a verifiable message → reply; axe 0 on every mailbox page`, async () => {
      const verifiable = await world.h.fixtures.message({
        accountId: kimmo,
        organisation: org,
        serviceType: 'Verifiable',
        title: `Todisteellinen päätös ${lang}`,
        body: '# Päätös\n\nHakemuksesi on **hyväksytty**.',
        bodyFormat: 'Markdown',
        attachments: [{ fileName: 'paatos.pdf', mediaType: 'application/pdf', content: sampleFiles.pdf }],
      });
      const replyable = await world.h.fixtures.message({
        accountId: kimmo,
        organisation: org,
        replyAllowed: true,
        title: `Lisäselvityspyyntö ${lang}`,
      });
      let context: BrowserContext | undefined;
      try {
        const session = await signedIn(lang);
        context = session.context;
        const { page } = session;
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.ok(page.url().endsWith('/mailbox/inbox'));
        await assertAccessible(page, 'inbox');
        if (process.env.MAILBOX_SCREENSHOTS)
          await page.screenshot({ path: `/tmp/inbox-${lang}.png`, fullPage: true });
        assert.equal(await page.getByText(`Todisteellinen päätös ${lang}`).count(), 0, 'sealed title hidden');

        await page.click(`a[href="/mailbox/messages/${verifiable.messageId}"]`);
        await assertAccessible(page, 'sealed message');
        if (process.env.MAILBOX_SCREENSHOTS)
          await page.screenshot({ path: `/tmp/sealed-${lang}.png`, fullPage: true });
        assert.equal(await page.getByText('paatos.pdf').count(), 0);
        // Keyboard: the acknowledgement button is reachable and works with Enter.
        const button = page.getByRole('button', { name: wording[lang].acknowledge });
        await button.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/notice=acknowledged/);
        await assertAccessible(page, 'acknowledged message');
        if (process.env.MAILBOX_SCREENSHOTS)
          await page.screenshot({ path: `/tmp/message-${lang}.png`, fullPage: true });
        assert.equal(await page.locator('h1').textContent(), `Todisteellinen päätös ${lang}`);
        assert.ok(await page.getByText('paatos.pdf').isVisible());
        assert.deepEqual(
          (await eventsOf(world.h, verifiable.messageId)).map((e) => e.type),
          ['Receipt confirmed', 'Electronic message read'],
        );

        await page.goto(`${world.baseUrl}/mailbox/messages/${replyable.messageId}`);
        await assertAccessible(page, 'message');
        await page.getByRole('link', { name: wording[lang].reply, exact: true }).click();
        await assertAccessible(page, 'reply form');
        await page.fill('#body', 'Tässä pyytämänne lisäselvitys.');
        await page.getByRole('button', { name: wording[lang].send }).click();
        await page.waitForURL(/notice=sent/);
        assert.ok(await page.getByText(wording[lang].sent).isVisible());
        await assertAccessible(page, 'sent message');

        // The new-message form, the same form with errors (browser validation off to reach the
        // server's), and the other folders.
        await page.goto(`${world.baseUrl}/mailbox/new`);
        await assertAccessible(page, 'new message form');
        await page.fill('#title', 'Ilman tyyppiä');
        await page
          .locator('form[enctype="multipart/form-data"]')
          .evaluate((form) => form.setAttribute('novalidate', ''));
        await page.getByRole('button', { name: wording[lang].send }).click();
        assert.ok(await page.locator('.error-summary').isVisible());
        await assertAccessible(page, 'new message form with errors');
        if (process.env.MAILBOX_SCREENSHOTS)
          await page.screenshot({ path: `/tmp/compose-${lang}.png`, fullPage: true });
        for (const folder of ['sent', 'deleted']) {
          await page.goto(`${world.baseUrl}/mailbox/${folder}`);
          await assertAccessible(page, folder);
        }
      } finally {
        await context?.close();
      }
    });
  }

  test('without JavaScript: acknowledge, reply with an attachment and send a new message with plain forms', async () => {
    const verifiable = await world.h.fixtures.message({
      accountId: kimmo,
      organisation: org,
      serviceType: 'Verifiable',
    });
    const replyable = await world.h.fixtures.message({
      accountId: kimmo,
      organisation: org,
      replyAllowed: true,
    });
    const { context, page } = await signedIn('fi', { javaScriptEnabled: false });
    try {
      await page.goto(`${world.baseUrl}/mailbox/messages/${verifiable.messageId}`);
      await page.getByRole('button', { name: 'Kuittaa vastaanotetuksi' }).click();
      await page.waitForURL(/notice=acknowledged/);

      await page.goto(`${world.baseUrl}/mailbox/messages/${replyable.messageId}/reply`);
      await page.fill('#body', 'Vastaus ilman JavaScriptiä.');
      await page.setInputFiles('#attachments', {
        name: 'selvitys.txt',
        mimeType: 'text/plain',
        buffer: sampleFiles.text,
      });
      await page.getByRole('button', { name: 'Lähetä' }).click();
      await page.waitForURL(/notice=sent/);
      assert.ok(await page.getByText('selvitys.txt').isVisible());

      await page.goto(`${world.baseUrl}/mailbox/new`);
      await page.selectOption('#service', String(org.servicePk));
      await page.check('#type-Oikaisuvaatimus');
      await page.fill('#title', 'Oikaisuvaatimus');
      await page.fill('#body', 'Vaadin oikaisua.');
      await page.getByRole('button', { name: 'Lähetä' }).click();
      await page.waitForURL(/notice=sent/);
      assert.equal(await page.locator('h1').textContent(), 'Oikaisuvaatimus');
    } finally {
      await context.close();
    }
  });
});
