import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { staffSessionCookieName } from '../../src/http/plugins/staff-session.js';
import {
  accessibilityViolations,
  browserSkipReason,
  overflowsHorizontally,
  useServedBrowser,
} from '../helpers/browser.js';
import { persons, staffPersons } from '../helpers/fixtures.js';
import { grantStaff } from '../helpers/staff-fixtures.js';
import { signInStaff } from '../helpers/staff-session.js';

const skip = browserSkipReason();
const { tiina } = staffPersons;

/**
 * The consent register's pages and the dashboard in a browser without JavaScript: axe (with best
 * practices) and no horizontal scrolling at 320 px in fi, sv and en, the record form's problems and
 * its confirmation step included. The staff session is made through the real staff sign-in and
 * handed to the browser as its cookie.
 */
describe('staff consent and dashboard pages in a browser: axe, 320 px, no JavaScript', { skip }, () => {
  const served = useServedBrowser(async (h) => {
    const kallio = await h.fixtures.organisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    await h.services.organisations.addService({
      businessId: kallio.businessId,
      serviceId: `terveys-${kallio.businessId}`,
      nameFi: 'Terveyspalvelut',
      acceptsMessages: true,
    });
    const kimmo = await h.fixtures.account({ identityCode: persons.kimmo });
    await h.fixtures.sentMessage({ organisation: kallio, accountId: kimmo.id });
    await h.services.consents.record({
      organisationId: kallio.id,
      identityCode: persons.maija,
      channel: 'phone',
      givenOn: '2025-03-01',
      recordedBy: { name: 'Tiina Virkailija' },
    });
    const { consent } = await h.services.consents.record({
      organisationId: kallio.id,
      identityCode: persons.laura,
      channel: 'paper',
      givenOn: '2025-03-01',
      recordedBy: {},
    });
    await h.services.consents.withdrawByCitizen(persons.laura, consent.id);
    await grantStaff(h, [
      [tiina, kallio, 'admin'],
      [tiina, kallio, 'case_worker'],
    ]);
  });
  let cookie: string;
  before(async () => {
    cookie = (await signInStaff(served.h, tiina)).cookie;
  });

  for (const lang of ['fi', 'sv', 'en'] as const) {
    test(`the list, the form with its problems, the confirmation and the dashboard in ${lang}`, async () => {
      const context = await served.browser.newContext({
        viewport: { width: 320, height: 800 },
        javaScriptEnabled: false,
      });
      await context.addCookies([
        { name: staffSessionCookieName(served.h.context), value: cookie, url: served.baseUrl },
        { name: 'lang', value: lang, url: served.baseUrl },
      ]);
      const page = await context.newPage();
      // axe runs as a script: a second context with scripts allowed checks what the first one saw.
      const checker = await served.browser.newContext({ viewport: { width: 320, height: 800 } });
      const checkPage = await checker.newPage();
      // On our origin, so the copied page's stylesheet loads (axe judges contrast with it).
      await checkPage.goto(`${served.baseUrl}/about`);
      const check = async (label: string) => {
        assert.equal(await overflowsHorizontally(page), false, `${label}: no horizontal scrolling`);
        await checkPage.setContent(await page.content(), { waitUntil: 'load' });
        const rules = await checkPage.evaluate(() => document.styleSheets[0]?.cssRules.length ?? 0);
        assert.ok(rules > 0, `${label}: the stylesheet applies`);
        assert.deepEqual(await accessibilityViolations(checkPage, { bestPractice: true }), [], label);
      };

      await page.goto(`${served.baseUrl}/virkailija/suostumukset`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.locator('tbody tr').count(), 2);
      await check('consent list');

      await page.goto(`${served.baseUrl}/virkailija/suostumukset/uusi`);
      await check('record form');
      await page.fill('#consent-identity-code', '270570-901A');
      await page.locator('form[action="/virkailija/suostumukset/uusi"] button[type="submit"]').click();
      assert.equal(await page.locator('.error-summary li').count(), 2);
      await check('record form with problems');

      await page.fill('#consent-identity-code', persons.kimmo);
      await page.check('#consent-channel-phone');
      await page.locator('form[action="/virkailija/suostumukset/uusi"] button[type="submit"]').click();
      assert.match(await page.locator('dl').innerText(), /Kimmo Mäkinen/);
      await check('confirmation');

      await page.goto(`${served.baseUrl}/virkailija/tilastot`);
      await check('dashboard');
      await context.close();
      await checker.close();
    });
  }
});
