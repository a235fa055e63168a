import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, browserSkipReason, launchBrowser } from '../helpers/browser.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

const skip = browserSkipReason();

describe('browser smoke test', { skip }, () => {
  let h: TestHarness;
  let browser: Browser;
  let baseUrl: string;
  before(async () => {
    h = await createHarness();
    await h.services.organisations.addOrganisation({ businessId: '9990002-4', nameFi: 'Ylitornion kunta' });
    baseUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  for (const lang of ['fi', 'sv', 'en'] as const) {
    test(`start page in ${lang}: zero axe violations, readable at 320 px`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/language/${lang}?return=/`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await assertAccessible(page, `start page (${lang})`);
      await context.close();
    });
  }

  test('keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'content');
    await page.close();
  });

  test('the text size control enlarges text without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const before = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize);
    await page.click('a.text-size-link--3');
    const afterSize = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize);
    assert.ok(parseFloat(afterSize) > parseFloat(before), `${afterSize} > ${before}`);
    await context.close();
  });
});
