import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoOrganisations } from '../../../src/demo/demo-catalogue.js';
import { assertIncludesAll } from '../../helpers/page-text.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

describe('connected-services catalogue page', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness();
    await seedDemoOrganisations(h.services);
  });
  after(() => h.close());

  const get = (url: string) => h.app.inject({ method: 'GET', url });

  test('browsing lists organisations with their services, e-service links, forms and message acceptance', async () => {
    assertIncludesAll((await get('/services')).body, [
      '<h3>Ylitornion kunta</h3>',
      'Sähköiset lomakkeet',
      'href="https://asiointi.ylitornio.example/lomakkeet"',
      'href="https://lomakkeet.example/ylitornio-kuntalaisaloite.pdf"',
      'Vastaanottaa viestejä asiointitilin kautta',
      'Ei vastaanota viestejä asiointitilin kautta',
      '<form method="get" action="/services" role="search"',
    ]);
  });

  test('in Swedish and English the names, texts and labels change', async () => {
    const sv = (await get('/services?lang=sv&q=overtornea')).body;
    assertIncludesAll(sv, ['Övertorneå kommun', 'Elektroniska blanketter', 'Sök en e-tjänst eller blankett']);
    const en = (await get('/services?lang=en&q=ylitornio')).body;
    assertIncludesAll(en, ['Municipality of Ylitornio', 'Electronic forms', 'Results for “ylitornio”: 2']);
  });

  test('a search without diacritics finds the service and keeps the query in the box', async () => {
    const body = (await get('/services?q=sahkoiset+lomakkeet')).body;
    const heading = '<h3 class="catalogue-service__name">Sähköiset lomakkeet</h3>';
    assertIncludesAll(body, [
      'Hakutulokset haulle ”sahkoiset lomakkeet”: 1',
      heading,
      'value="sahkoiset lomakkeet"',
    ]);
  });

  test('a misspelled word says it was corrected; nothing found says so', async () => {
    assert.ok(
      (await get('/services?q=ylitprnio')).body.includes('lähes samoin kirjoitettuja sanoja: ylitprnio'),
    );
    const none = (await get('/services?q=xyzzy')).body;
    assert.ok(none.includes('Haulla ”xyzzy” ei löytynyt palveluja'));
  });

  test('an overlong query gets the page with a field error, not a search', async () => {
    const response = await get(`/services?q=${'a'.repeat(201)}`);
    assert.equal(response.statusCode, 400);
    assertIncludesAll(response.body, ['<title>Virhe: ', 'href="#catalogue-query"', 'aria-invalid="true"']);
  });
});
