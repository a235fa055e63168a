import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, useServedBrowser } from '../helpers/browser.js';
import { hostileReturnPathSample, hostileReturnPaths } from '../helpers/hostile-return-paths.js';

const skip = browserSkipReason();
const kimmo = '270570-901K';

/** Every URL the page asks for, so a hop to another site is seen even if it then fails to load. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe('return paths in a real browser', { skip }, () => {
  const world = useServedBrowser((h) => h.fixtures.account({ identityCode: kimmo }), { atPublicUrl: true });

  const offSite = (urls: string[]) => urls.filter((url) => new URL(url).origin !== world.baseUrl);

  test('text size and language links with hostile return paths stay on our origin', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const urls = recordRequests(page);
    for (const payload of hostileReturnPaths) {
      for (const route of ['/text-size/2', '/language/sv']) {
        await page.goto(`${world.baseUrl}${route}?return=${encodeURIComponent(payload)}`);
        assert.equal(
          new URL(page.url()).origin,
          world.baseUrl,
          `${route} ${JSON.stringify(payload)} → ${page.url()}`,
        );
      }
    }
    assert.deepEqual(offSite(urls), []);
    await context.close();
  });

  test('a hostile return path given to /login is not followed after identification', async () => {
    assert.equal(hostileReturnPathSample.length, 5, 'every sampled value is still in the list');
    for (const payload of hostileReturnPathSample) {
      const context = await world.browser.newContext({ locale: 'fi-FI' });
      const page = await context.newPage();
      const urls = recordRequests(page);
      await page.goto(`${world.baseUrl}/login?return=${encodeURIComponent(payload)}`);
      await page.getByRole('button', { name: 'Nordea' }).click();
      await page.getByLabel('Henkilötunnus').fill(kimmo);
      await page.getByRole('button', { name: 'Tunnistaudu' }).click();
      await page.waitForLoadState('load');
      assert.equal(new URL(page.url()).origin, world.baseUrl, `${JSON.stringify(payload)} → ${page.url()}`);
      assert.deepEqual(offSite(urls), [], JSON.stringify(payload));
      await context.close();
    }
  });
});
