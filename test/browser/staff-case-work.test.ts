import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  assertAccessible,
  browserSkipReason,
  overflowsHorizontally,
  useServedBrowser,
} from '../helpers/browser.js';
import { type OrganisationFixture, persons, staffPersons } from '../helpers/fixtures.js';
import { grantStaff } from '../helpers/staff-fixtures.js';

const skip = browserSkipReason();
const { tiina } = staffPersons;
const decisionTitle = 'Päätös toimeentulotuesta';

/**
 * Issue 13's case: a case worker signs in through the test identification service with the staff
 * client, sends a verifiable decision to Kimmo, sees it read and acknowledged after Kimmo does so in
 * another browser context, reads his reply and answers it. Every staff page met is checked with axe.
 */
describe('a case worker and a citizen in two browsers', { skip }, () => {
  let org: OrganisationFixture;
  const world = useServedBrowser(
    async (h) => {
      org = await h.fixtures.organisation({ nameFi: 'Ylitornion kunta', serviceNameFi: 'Sosiaalipalvelut' });
      await grantStaff(h, [
        [tiina, org, 'admin'],
        [tiina, org, 'case_worker'],
      ]);
      await h.fixtures.account({ identityCode: persons.kimmo });
    },
    { atPublicUrl: true },
  );

  async function identifyAtTestIdp(page: Page, identityCode: string): Promise<void> {
    await page.getByRole('button', { name: 'Nordea' }).click();
    await page.getByLabel('Henkilötunnus').fill(identityCode);
    await page.getByRole('button', { name: 'Tunnistaudu' }).click();
  }

  /** Opens the decision's thread from a list of messages, by the first link that names it. */
  async function openThread(page: Page): Promise<void> {
    await page
      .getByRole('link', { name: new RegExp(decisionTitle) })
      .first()
      .click();
  }

  async function newPage(width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await world.browser.newContext({ locale: 'fi-FI', viewport: { width, height: 800 } });
    return { context, page: await context.newPage() };
  }

  test('Tiina sends a verifiable decision, Kimmo acknowledges and replies, Tiina answers', async () => {
    const staff = await newPage(1280);
    const citizen = await newPage(320);
    const { page } = staff;
    try {
      // Tiina signs in with the staff client of the test identification service.
      await page.goto(`${world.baseUrl}/virkailija`);
      await identifyAtTestIdp(page, tiina);
      await page.waitForURL(/\/virkailija$/);
      assert.ok(await page.getByText('Tiina Virkailija').first().isVisible());
      await assertAccessible(page, 'staff start page');

      // The send form: the mailbox check first (audited), then the decision.
      await page.getByRole('link', { name: 'Lähetä viesti' }).first().click();
      await page.waitForURL(/\/virkailija\/laheta$/);
      await assertAccessible(page, 'send form');
      await page.getByLabel('Vastaanottajan henkilötunnus').fill(persons.kimmo);
      await page.getByRole('button', { name: 'Tarkista asiointitili' }).click();
      await page.getByText('on asiointitili käytössä').waitFor();
      await assertAccessible(page, 'send form after the mailbox check');
      await page.getByLabel('Palvelu', { exact: true }).selectOption({ label: 'Sosiaalipalvelut' });
      await page.getByLabel('Otsikko').fill(decisionTitle);
      await page
        .getByLabel('Viesti', { exact: true })
        .fill('Hakemuksesi on hyväksytty. Perustelut ovat liitteessä.');
      await page.getByLabel('Todisteellinen tiedoksianto', { exact: false }).check();
      await page.getByLabel('Vastaanottaja voi vastata viestiin').check();
      await page.getByRole('button', { name: 'Lähetä', exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/virkailija/lahetetyt'));

      // In the sent list; its page shows it in the mailbox, not yet read.
      await page.goto(`${world.baseUrl}/virkailija/lahetetyt`);
      await assertAccessible(page, 'sent list');
      await page.getByRole('link', { name: decisionTitle }).click();
      await page.waitForURL(/\/virkailija\/lahetetyt\/\d+/);
      const sentMessageUrl = page.url();
      assert.equal(await page.getByText('Kuitattu').count(), 0, 'not acknowledged yet');
      await assertAccessible(page, 'sent message');

      // Kimmo, in another browser: identifies, acknowledges the decision, reads it and replies.
      const kimmo = citizen.page;
      await kimmo.goto(`${world.baseUrl}/login`);
      await identifyAtTestIdp(kimmo, persons.kimmo);
      await kimmo.waitForURL(/\/mailbox\/inbox$/);
      // Sealed until acknowledged: the list names it only as a verifiable notice.
      assert.equal(await kimmo.getByText(decisionTitle).count(), 0, 'the title is sealed');
      await kimmo.getByRole('link', { name: 'Todisteellisesti tiedoksi annettava viesti' }).click();
      await kimmo.getByRole('button', { name: 'Kuittaa vastaanotetuksi' }).click();
      await kimmo.getByText('Hakemuksesi on hyväksytty.').waitFor();
      await kimmo.getByRole('link', { name: 'Vastaa', exact: true }).click();
      await kimmo.waitForURL(/\/reply$/);
      await kimmo.fill('#body', 'Kiitos päätöksestä. Milloin tuki maksetaan?');
      await kimmo.getByRole('button', { name: 'Lähetä' }).click();
      await kimmo.waitForURL(/notice=sent/);

      // Tiina sees the decision read and acknowledged.
      await page.goto(sentMessageUrl);
      assert.ok(await page.getByText('Vastaanottaja avasi viestin').isVisible(), 'read, in the timeline');
      assert.ok(
        await page.getByText('Vastaanottaja kuittasi viestin vastaanotetuksi').isVisible(),
        'acknowledged, in the timeline',
      );
      assert.ok(await page.getByText('Kuitattu').first().isVisible(), 'its state: acknowledged');

      // Kimmo's reply waits in Saapuneet; Tiina opens it and answers in the same thread.
      await page.getByRole('link', { name: 'Saapuneet' }).first().click();
      await page.waitForURL(/\/virkailija\/saapuneet/);
      await assertAccessible(page, 'received list');
      await openThread(page);
      await page.getByText('Milloin tuki maksetaan?').waitFor();
      await assertAccessible(page, 'received message');
      await page.getByLabel('Viesti', { exact: true }).fill('Tuki maksetaan tilillesi ensi perjantaina.');
      await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
      await page.getByText('Vastaus on lähetetty.').waitFor();
      await page.getByRole('button', { name: 'Merkitse käsitellyksi' }).click();
      await page.getByRole('button', { name: 'Palauta käsittelemättömäksi' }).waitFor();

      // Kimmo finds the answer in the thread of his mailbox.
      await kimmo.goto(`${world.baseUrl}/mailbox/inbox`);
      await openThread(kimmo);
      await kimmo.getByText('Tuki maksetaan tilillesi ensi perjantaina.').waitFor();
      await assertAccessible(kimmo, 'the answer in the citizen’s mailbox');
    } finally {
      await staff.context.close();
      await citizen.context.close();
    }
  });
  /** Every staff page there is; pages another part of the issue adds join this list. */
  const staffPages = [
    '/virkailija',
    '/virkailija/laheta',
    '/virkailija/lahetetyt',
    '/virkailija/saapuneet',
    '/virkailija/suostumukset',
    '/virkailija/suostumukset/uusi',
    '/virkailija/tilastot',
    '/virkailija/hallinta/palvelut',
    '/virkailija/hallinta/palvelut/uusi',
    '/virkailija/hallinta/tunnukset',
    '/virkailija/hallinta/henkilosto',
  ];

  test('every staff page in fi, sv and en at 320 px: axe 0, no horizontal scrolling', async () => {
    const { context, page } = await newPage(320);
    try {
      await page.goto(`${world.baseUrl}/virkailija`);
      await identifyAtTestIdp(page, tiina);
      await page.waitForURL(/\/virkailija$/);
      for (const lang of ['fi', 'sv', 'en'] as const) {
        // The language links of the header set the language for every page after.
        await page.goto(`${world.baseUrl}/language/${lang}?return=%2Fvirkailija`);
        for (const path of staffPages) {
          const response = await page.goto(`${world.baseUrl}${path}`);
          assert.equal(response?.status(), 200, `${path} (${lang})`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          await assertAccessible(page, `${path} (${lang}, 320 px)`);
          assert.equal(
            await overflowsHorizontally(page),
            false,
            `${path} (${lang}): no horizontal scrolling`,
          );
        }
      }
    } finally {
      await context.close();
    }
  });
});
