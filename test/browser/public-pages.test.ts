import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { seedDemoOrganisations } from '../../src/demo/demo-catalogue.js';
import { browserSkipReason, useServedBrowser, overflowsHorizontally } from '../helpers/browser.js';

const skip = browserSkipReason();

/** The public pages and the states worth checking (search hits, a corrected word, nothing found). */
const paths = [
  '/about',
  '/services',
  '/services?q=ylitornio',
  '/services?q=ylitprnio',
  '/services?q=xyzzy',
  '/faq',
  '/support',
  '/privacy',
  '/feedback',
  '/feedback/thanks',
  '/identification',
  '/sitemap',
  '/a-z',
  '/terms',
  '/accessibility',
];

/** WCAG 2.1 A/AA and axe's best practices (landmarks, headings, one main, …). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function check(page: Page, label: string): Promise<void> {
  assert.deepEqual(await violations(page), [], label);
  assert.equal(await overflowsHorizontally(page), false, `${label}: no horizontal scrolling`);
}

describe(
  'public pages in a browser: axe (with best practices), 320 px, forms without JavaScript',
  { skip },
  () => {
    const served = useServedBrowser((h) => seedDemoOrganisations(h.services));

    for (const lang of ['fi', 'sv', 'en'] as const) {
      // axe once per page and language at 320 px (its rules do not depend on the width, and one run
      // takes seconds on a busy machine); at 1280 px only that nothing overflows. axe runs as a
      // script, so these contexts allow scripts; the pages have none of their own.
      test(`every public page in ${lang}: axe at 320 px, no horizontal scrolling at 320 or 1280 px`, async () => {
        const narrow = await served.browser.newContext({ viewport: { width: 320, height: 800 } });
        const wide = await served.browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await narrow.newPage();
        const widePage = await wide.newPage();
        for (const path of paths) {
          const url = `${served.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
          await page.goto(url);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          await check(page, `${path} (${lang}, 320 px)`);
          await widePage.goto(url);
          assert.equal(await overflowsHorizontally(widePage), false, `${path} (${lang}, 1280 px)`);
        }
        await wide.close();
        await narrow.close();
      });

      test(`the search and the feedback form's errors work without JavaScript (${lang})`, async () => {
        // Every language's run posts twice from 127.0.0.1; the per-address feedback limit is not under test.
        await served.h.context.database.db.deleteFrom('rate_limit_counters').execute();
        const noScript = await served.browser.newContext({
          viewport: { width: 320, height: 800 },
          javaScriptEnabled: false,
        });
        const page = await noScript.newPage();
        await page.goto(`${served.baseUrl}/services?lang=${lang}`);
        await page.fill('#catalogue-query', 'sahkoiset lomakkeet');
        await page.locator('form[role="search"] button[type="submit"]').click();
        await page.waitForURL(/q=sahkoiset/);
        assert.equal(await page.locator('.catalogue-service').count(), 1);
        await page.goto(`${served.baseUrl}/feedback?lang=${lang}`);
        await page.fill('#feedback-message', 'lyhyt');
        await page.click('#feedback-send');
        await page.waitForSelector('.error-summary');
        assert.equal(await page.getAttribute('#feedback-message', 'aria-invalid'), 'true');
        await noScript.close();

        // The page a failed submission answers with, checked by axe (which needs scripts to run).
        const checking = await served.browser.newContext({ viewport: { width: 320, height: 800 } });
        const checked = await checking.newPage();
        await checked.goto(`${served.baseUrl}/feedback?lang=${lang}`);
        await checked.fill('#feedback-message', 'lyhyt');
        await checked.click('#feedback-send');
        await checked.waitForSelector('.error-summary');
        await check(checked, `feedback errors (${lang})`);
        await checking.close();
      });
    }
  },
);
