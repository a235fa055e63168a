import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHarness, type HarnessOptions, type TestHarness } from './test-app.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run. Without Chromium they are skipped with a notice, unless
 * REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
export function browserSkipReason(): string | undefined {
  if (fs.existsSync(chromiumPath)) return undefined;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but Chromium is missing at ${chromiumPath}`);
  }
  const reason = `Chromium not found at ${chromiumPath}; browser tests skipped (apt-get install chromium)`;
  console.log(`notice: ${reason}`);
  return reason;
}

/**
 * Playwright gives every launch, navigation and action 30 s by default. On a busy machine that is a
 * wall-clock limit a correct page can miss, so the limits are off and the test runner's per-test
 * timeout is the only bound; waits still end as soon as their condition (a URL, an element) holds.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 0,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // browser.newPage() goes through newContext() too, so every page gets the setting.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(0);
    return context;
  };
  return browser;
}

/**
 * WCAG 2.1 A and AA rules (axe tags), and axe's best practices too (landmarks, region, heading
 * order…) when asked; returns a readable list of violations, empty when clean.
 */
export async function accessibilityViolations(
  page: Page,
  options: { bestPractice?: boolean } = {},
): Promise<string[]> {
  const tags = [
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    ...(options.bestPractice ? ['best-practice'] : []),
  ];
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** True when the page needs horizontal scrolling (fails WCAG 1.4.10 reflow at 320 px). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Both page checks at once: zero axe violations and no horizontal scrolling at 320 px. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  assert.deepEqual(await accessibilityViolations(page), [], label);
  assert.equal(await overflowsHorizontally(page), false, `${label}: no horizontal scrolling at 320 px`);
}

/** The IdP redirects to PUBLIC_URL, so a server must listen exactly there: pick a free port first. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * A harness listening at its own PUBLIC_URL on a free port, where the IdP sends the browser back.
 * `options` may add to the harness's options once the address is known.
 */
export async function harnessServedAtPublicUrl(
  options: (baseUrl: string) => HarnessOptions | Promise<HarnessOptions> = () => ({}),
): Promise<{ h: TestHarness; baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const extra = await options(baseUrl);
  const h = await createHarness({ ...extra, env: { ...extra.env, PUBLIC_URL: baseUrl } });
  await h.app.listen({ port, host: '127.0.0.1' });
  return { h, baseUrl };
}

/** What a browser suite shares: its harness, the address it listens at, and one browser. */
export interface ServedBrowser {
  readonly h: TestHarness;
  readonly baseUrl: string;
  readonly browser: Browser;
}

/**
 * Registers the suite's set-up and clean-up: a harness (after `seed` has added its data) listening on
 * a free port, and one browser; both closed after the suite. With `atPublicUrl` the harness listens
 * at its own PUBLIC_URL, where the identification services send the browser back. Read the parts in
 * tests, not at registration (they exist once `before` has run).
 */
export function useServedBrowser(
  seed: (h: TestHarness) => Promise<unknown> = async () => {},
  options: { atPublicUrl?: boolean } = {},
): ServedBrowser {
  let parts: { h: TestHarness; baseUrl?: string; browser?: Browser } | undefined;
  before(async () => {
    if (options.atPublicUrl) {
      parts = await harnessServedAtPublicUrl();
      await seed(parts.h);
    } else {
      const h = await createHarness();
      parts = { h };
      await seed(h);
      parts.baseUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    }
    parts.browser = await launchBrowser();
  });
  after(async () => {
    await parts?.browser?.close();
    await parts?.h.close();
  });
  const ready = () => {
    assert.ok(parts?.baseUrl && parts.browser, 'the suite has been set up');
    return parts as Required<typeof parts>;
  };
  return {
    get h() {
      return ready().h;
    },
    get baseUrl() {
      return ready().baseUrl;
    },
    get browser() {
      return ready().browser;
    },
  };
}
