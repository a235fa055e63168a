import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoOrganisations } from '../../src/demo/demo-catalogue.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';
import { testDialect } from '../helpers/test-database.js';

/**
 * The catalogue search on the demo catalogue, one table run on whichever database the suite uses
 * (SQLite, or PostgreSQL with TEST_DATABASE_URL): the expected lists are the same for both, so the
 * two engines must agree. Each row: the query, the service ids expected first (in order), and
 * services that must not appear.
 */
const ylitornio = ['ylitornio-rakennusvalvonta', 'ylitornio-lomakkeet'];
const askola = ['askola-asiointi', 'askola-varhaiskasvatus'];
const kankaanpaa = ['kankaanpaa-asiointi', 'kankaanpaa-maankaytto'];
const savitaipale = ['savitaipale-asiointi', 'savitaipale-vesihuolto'];
const kallio = ['kallio-asiakasmaksut', 'kallio-sosiaalipalvelut', 'kallio-terveyspalvelut'];

const table: Array<{ query: string; first: string[]; absent?: string[]; why: string }> = [
  { query: 'ylitornio', first: ylitornio, why: 'base form finds the genitive "Ylitornion kunta"' },
  { query: 'Ylitorniossa', first: ylitornio, why: 'inessive' },
  { query: 'sahkoiset lomakkeet', first: ['ylitornio-lomakkeet'], why: 'no diacritics, plural' },
  { query: 'Sähköiset lomakkeet', first: ['ylitornio-lomakkeet'], why: 'as written' },
  {
    query: 'lomake',
    first: ['ylitornio-lomakkeet'],
    why: 'singular finds the plural in a name before keywords',
  },
  { query: 'ylitprnio', first: ylitornio, why: 'one letter wrong' },
  { query: 'ylitornoi', first: ylitornio, why: 'two letters swapped' },
  { query: 'askolan', first: askola, why: 'genitive, name before organisation only' },
  { query: 'askola', first: askola, why: 'base form' },
  { query: 'askolassa', first: askola, why: 'inessive' },
  { query: 'kankaanpaa', first: kankaanpaa, why: 'municipality without diacritics' },
  { query: 'kankaanpäässä', first: kankaanpaa, why: 'inessive with diacritics' },
  { query: 'kankanpaa', first: kankaanpaa, why: 'one letter missing' },
  { query: 'savitaipale', first: savitaipale, why: 'base form of "Savitaipaleen"' },
  { query: 'savitaipaleella', first: savitaipale, why: 'adessive' },
  { query: 'päivähoito', first: ['askola-varhaiskasvatus'], why: 'keyword' },
  { query: 'paivahoitoon', first: ['askola-varhaiskasvatus'], why: 'illative without diacritics' },
  { query: 'rakennuslupa', first: ['ylitornio-rakennusvalvonta'], why: 'keyword' },
  { query: 'rakennuslupahakemus', first: ['ylitornio-rakennusvalvonta'], why: 'a form title' },
  { query: 'rakenusvalvonta', first: ['ylitornio-rakennusvalvonta'], why: 'one letter missing in a name' },
  { query: 'vesimittari', first: ['savitaipale-vesihuolto'], why: 'keyword and form' },
  { query: 'sosiaalipalvelut', first: ['kallio-sosiaalipalvelut'], why: 'service name' },
  { query: 'sosiaalipalveluista', first: ['kallio-sosiaalipalvelut'], why: 'elative' },
  { query: 'kallio', first: kallio, why: 'organisation; ties by name length, then name' },
  { query: 'omaishoidon tuen hakemus', first: ['kallio-sosiaalipalvelut'], why: 'a form title' },
  { query: 'övertorneå', first: ylitornio, why: 'Swedish municipality name' },
  { query: 'overtornea', first: ylitornio, why: 'Swedish name without diacritics' },
  { query: 'bygglov', first: ['ylitornio-rakennusvalvonta'], why: 'Swedish keyword' },
  { query: 'building permit', first: ['ylitornio-rakennusvalvonta'], why: 'English keywords' },
  { query: 'ylitor', first: ylitornio, why: 'beginning of a word' },
  {
    query: 'sähköinen asiointi',
    first: ['kankaanpaa-asiointi'],
    why: 'whole name ranks above names that contain it',
    absent: ['kallio-terveyspalvelut'],
  },
  { query: 'xyzzy', first: [], why: 'nothing' },
  { query: 'ylitornio kirjasto', first: [], why: 'every word must match' },
];

describe(`catalogue search on ${testDialect}`, () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness();
    await seedDemoOrganisations(h.services);
  });
  after(async () => h.close());

  test(`the table of ${table.length} queries`, async () => {
    assert.ok(table.length >= 20);
    const failures: string[] = [];
    for (const row of table) {
      const result = await h.services.catalogue.search(row.query, 'fi');
      const ids = result.hits.map((hit) => hit.entry.serviceId);
      const head = ids.slice(0, row.first.length);
      if (row.first.length === 0 ? ids.length !== 0 : JSON.stringify(head) !== JSON.stringify(row.first)) {
        failures.push(`${row.query} (${row.why}): got ${ids.join(', ') || 'nothing'}`);
      }
      for (const absent of row.absent ?? []) {
        if (ids.includes(absent)) failures.push(`${row.query}: ${absent} should not match`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('a misspelled word is reported as corrected; a word that matches as typed is not', async () => {
    assert.deepEqual((await h.services.catalogue.search('ylitprnio', 'fi')).corrected, ['ylitprnio']);
    assert.deepEqual((await h.services.catalogue.search('ylitornio', 'fi')).corrected, []);
  });

  test('a deactivated organisation drops out of the results', async () => {
    await h.services.organisations.deactivateOrganisation('9990004-0');
    await h.services.catalogue.refreshSearchIndex();
    assert.deepEqual((await h.services.catalogue.search('savitaipale', 'fi')).hits, []);
  });
});
