import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoOrganisations } from '../../../src/demo/demo-catalogue.js';
import { locales, translator, type TranslationKey } from '../../../src/i18n/i18n.js';
import { assertIncludesAll } from '../../helpers/page-text.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/** Every public page, its heading key and a phrase only it has (per language through the key). */
const pages: Array<{ path: string; heading: TranslationKey; phrase: TranslationKey }> = [
  { path: '/about', heading: 'public.about.title', phrase: 'public.about.step2' },
  { path: '/services', heading: 'public.catalogue.title', phrase: 'public.catalogue.searchTitle' },
  { path: '/faq', heading: 'public.faq.title', phrase: 'public.faq.abroadTitle' },
  { path: '/support', heading: 'public.support.title', phrase: 'public.support.advice' },
  { path: '/privacy', heading: 'public.privacy.title', phrase: 'public.privacy.rightsTitle' },
  { path: '/identification', heading: 'public.identification.title', phrase: 'public.identification.secure' },
  { path: '/sitemap', heading: 'public.sitemap.title', phrase: 'public.sitemap.accountTitle' },
  { path: '/a-z', heading: 'public.index.title', phrase: 'public.index.intro' },
  { path: '/terms', heading: 'account.terms.title', phrase: 'account.terms.serviceTitle' },
  {
    path: '/accessibility',
    heading: 'account.accessibility.title',
    phrase: 'account.accessibility.feedbackTitle',
  },
];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('public information pages', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ env: { FEEDBACK_RETENTION_DAYS: '200', AUDIT_RETENTION_DAYS: '400' } });
    await seedDemoOrganisations(h.services);
  });
  after(() => h.close());

  for (const locale of locales) {
    test(`every page in ${locale}: heading, breadcrumbs to the start page, its own text`, async () => {
      const t = translator(locale);
      for (const page of pages) {
        const response = await h.app.inject({ method: 'GET', url: `${page.path}?lang=${locale}` });
        assert.equal(response.statusCode, 200, page.path);
        const body = response.body;
        assert.ok(body.includes(`<html lang="${locale}"`), page.path);
        assert.ok(body.includes(`<h1>${escape(t(page.heading))}</h1>`), `${page.path} heading`);
        assert.ok(body.includes(escape(t(page.phrase))), `${page.path} phrase`);
        assert.match(
          body,
          new RegExp(
            `<nav class="breadcrumbs" aria-label="${t('public.breadcrumbs.label')}"><ol><li><a href="/">${t('public.breadcrumbs.home')}</a></li>`,
          ),
          `${page.path} breadcrumbs`,
        );
        assert.ok(body.includes(`<span aria-current="page">${escape(t(page.heading))}</span>`), page.path);
      }
    });
  }

  test('the seed’s numbered steps and who is responsible', async () => {
    const body = (await h.app.inject({ method: 'GET', url: '/about' })).body;
    assert.ok(body.includes('Näin otan asiointitilin käyttöön'));
    assert.match(body, /<ol class="numbered-steps"><li>Tunnistaudun pankkitunnuksilla/);
    assert.ok(body.includes('Valtori'));
  });

  test('support gives Kansalaisneuvonta’s number and hours and the service’s own line', async () => {
    const body = (await h.app.inject({ method: 'GET', url: '/support' })).body;
    assertIncludesAll(body, ['0295 000 (ma–pe 8–21, la 9–15)', '050 570 1389']);
  });

  test('the privacy notice states the retention periods the settings give', async () => {
    const body = (await h.app.inject({ method: 'GET', url: '/privacy' })).body;
    const retention = ['Palautteet poistetaan 200 päivän kuluttua', 'säilytetään 400 päivää'];
    assertIncludesAll(body, [...retention, 'palauttaa 60 päivän ajan']);
  });

  test('the A–Ö index sorts in Finnish order, Ä and Ö last, with letters linking to groups', async () => {
    const body = (await h.app.inject({ method: 'GET', url: '/a-z' })).body;
    const letters = [...body.matchAll(/<h2 id="index-([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(
      letters,
      [...letters].sort((a, b) => a!.localeCompare(b!, 'fi')),
    );
    assert.ok(body.includes('href="/faq#faq-verifiable"'));
    for (const letter of letters) assert.ok(body.includes(`href="#index-${letter}"`));
  });

  test('the identification page links the register check and explains the secure connection', async () => {
    const body = (await h.app.inject({ method: 'GET', url: '/identification' })).body;
    const registerCheck = '<a href="https://dvv.fi/henkilotiedot">Omien tietojen tarkistus</a>';
    assertIncludesAll(body, [registerCheck, 'SSL/TLS-tekniikalla', 'href="/login"']);
  });

  test('every footer links to the public pages', async () => {
    const body = (await h.app.inject({ method: 'GET', url: '/' })).body;
    for (const href of [
      '/about',
      '/services',
      '/faq',
      '/support',
      '/feedback',
      '/privacy',
      '/sitemap',
      '/a-z',
    ]) {
      assert.ok(body.includes(`href="${href}"`), href);
    }
  });
});
