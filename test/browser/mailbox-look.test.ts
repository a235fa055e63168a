import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/seed-demo.js';
import {
  accessibilityViolations,
  browserSkipReason,
  useServedBrowser,
  overflowsHorizontally,
} from '../helpers/browser.js';
import { signInAs } from '../helpers/citizen-session.js';
import { persons } from '../helpers/fixtures.js';

const skip = browserSkipReason();

/** WCAG 2.0/2.1 A and AA and axe's best practices (region, landmarks, heading order, …). */
const axeViolations = (page: Page) => accessibilityViolations(page, { bestPractice: true });

const errorPrefix = { fi: 'Virhe: ', sv: 'Fel: ', en: 'Error: ' } as const;

describe('the mailbox looks finished: axe best practices and focus on errors', { skip }, () => {
  const served = useServedBrowser((h) => seedDemo(h.context, h.services, () => undefined));

  async function signedIn(lang: 'fi' | 'sv' | 'en', width: number) {
    const session = await signInAs(served.h, persons.kimmo);
    const context = await served.browser.newContext({ viewport: { width, height: 800 } });
    await context.addCookies([
      { name: 'lang', value: lang, url: served.baseUrl },
      ...Object.entries(session.cookies).map(([name, value]) => ({ name, value, url: served.baseUrl })),
    ]);
    return { context, page: await context.newPage() };
  }

  for (const lang of ['fi', 'sv', 'en'] as const) {
    for (const width of [1280, 320]) {
      test(`${lang} at ${width} px: folders and message pages have 0 axe violations (best practices too)`, async () => {
        const { context, page } = await signedIn(lang, width);
        try {
          await page.goto(`${served.baseUrl}/mailbox/inbox`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          assert.deepEqual(await axeViolations(page), [], `inbox (${lang}, ${width})`);
          assert.equal(await overflowsHorizontally(page), false, `inbox (${lang}, ${width}) reflows`);
          // No bullets: the list is rows, not a bulleted list.
          assert.equal(
            await page.locator('ul.ruled-list').evaluate((ul) => getComputedStyle(ul).listStyleType),
            'none',
          );
          const links = await page
            .locator('ul.ruled-list a[href^="/mailbox/messages/"]')
            .evaluateAll((all) => all.map((a) => a.getAttribute('href')!));
          assert.ok(links.length >= 4, 'the demo inbox has messages');
          for (const href of links) {
            await page.goto(`${served.baseUrl}${href}`);
            assert.deepEqual(await axeViolations(page), [], `${href} (${lang}, ${width})`);
            assert.equal(await overflowsHorizontally(page), false, `${href} (${lang}, ${width}) reflows`);
          }
          for (const folder of ['sent', 'deleted']) {
            await page.goto(`${served.baseUrl}/mailbox/${folder}`);
            assert.deepEqual(await axeViolations(page), [], `${folder} (${lang}, ${width})`);
          }
        } finally {
          await context.close();
        }
      });
    }

    test(`${lang}: a refused message comes back with the error summary focused (no script on the page) and "${errorPrefix[lang]}" in the title`, async () => {
      // The check itself runs script in the page (Playwright's evaluate needs it), so the page is
      // shown that the focus comes from markup alone: it carries no script of its own.
      const { context, page } = await signedIn(lang, 320);
      try {
        await page.goto(`${served.baseUrl}/mailbox/new`);
        const title = await page.title();
        assert.ok(!title.startsWith(errorPrefix[lang]));
        await page.locator('main form button[type="submit"]').click();
        await page.waitForURL(`${served.baseUrl}/mailbox/new`);
        assert.equal(await page.title(), `${errorPrefix[lang]}${title}`);
        assert.equal(await page.locator('script').count(), 0, 'no script on the form page');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
        // The summary's links lead to the fields, and Tab continues from the summary to them.
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#service');
        assert.deepEqual(await axeViolations(page), [], `compose errors (${lang})`);
      } finally {
        await context.close();
      }
    });
  }

  test('fi at 320 px: the inbox oldest first, with its order links and breadcrumbs, has 0 axe violations', async () => {
    const { context, page } = await signedIn('fi', 320);
    try {
      await page.goto(`${served.baseUrl}/mailbox/inbox?order=oldest`);
      assert.equal(await page.locator('.sort-control [aria-current="true"]').textContent(), 'Vanhin ensin');
      assert.equal(await page.locator('.breadcrumbs [aria-current="page"]').textContent(), 'Saapuneet');
      assert.deepEqual(await axeViolations(page), [], 'inbox oldest first');
      assert.equal(await overflowsHorizontally(page), false, 'inbox oldest first reflows');
    } finally {
      await context.close();
    }
  });

  test('print: no header, navigation, buttons or footer; the message and its details remain', async () => {
    const { context, page } = await signedIn('fi', 1280);
    try {
      await page.goto(`${served.baseUrl}/mailbox/inbox`);
      await page.getByRole('link', { name: 'Päätös toimeentulotuesta' }).click();
      await page.emulateMedia({ media: 'print' });
      const shown = async (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).display !== 'none');
      for (const hidden of [
        '.account-bar',
        '.site-header__tools',
        '.site-footer',
        '.message-actions',
        '.breadcrumbs',
        '.attachment__download',
      ]) {
        assert.equal(await shown(hidden), false, `${hidden} is not printed`);
      }
      for (const kept of ['h1', '.message-details', '.message-body', '.attachment-list']) {
        assert.equal(await shown(kept), true, `${kept} is printed`);
      }
    } finally {
      await context.close();
    }
  });
});
