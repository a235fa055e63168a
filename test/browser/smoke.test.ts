import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, browserSkipReason, useServedBrowser } from '../helpers/browser.js';

const skip = browserSkipReason();

describe('browser smoke test', { skip }, () => {
  const served = useServedBrowser(async (h) => {
    await h.services.organisations.addOrganisation({ businessId: '9990002-4', nameFi: 'Ylitornion kunta' });
  });

  for (const lang of ['fi', 'sv', 'en'] as const) {
    test(`start page in ${lang}: zero axe violations, readable at 320 px`, async () => {
      const context = await served.browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${served.baseUrl}/language/${lang}?return=/`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await assertAccessible(page, `start page (${lang})`);
      await context.close();
    });
  }

  test('keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.baseUrl}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'content');
    await page.close();
  });

  test('the text size control enlarges text without JavaScript', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/`);
    const before = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize);
    await page.click('a.text-size-link--3');
    const afterSize = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize);
    assert.ok(parseFloat(afterSize) > parseFloat(before), `${afterSize} > ${before}`);
    await context.close();
  });
});
