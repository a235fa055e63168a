import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractPdfText } from '../../helpers/delivery-pdf.js';
import { newBusinessId, type OrganisationFixture } from '../../helpers/fixtures.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';

/** The printable consent form: the organisation's name and the seed's wording, in Finnish and Swedish. */
describe('GET /consent-form/:businessId.pdf', () => {
  const h = useSuiteHarness({ now: '2026-03-02T08:00:00.000Z' });
  let organisation: OrganisationFixture | undefined;
  const kallio = async () => (organisation ??= await h.fixtures.organisation());
  const form = (businessId: string, lang?: string) =>
    h.app.inject({ method: 'GET', url: `/consent-form/${businessId}.pdf${lang ? `?lang=${lang}` : ''}` });
  // pdf.js may split a line into items; the words are compared with single spaces.
  const textOf = async (body: Buffer) => (await extractPdfText(body)).pageTexts.join(' ');

  test('the Finnish form has the name, the corrected wording, the fields and how to open the account', async () => {
    const { businessId } = await kallio();
    const response = await form(businessId);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="suostumus-${businessId}.pdf"`,
    );
    const text = await textOf(response.rawPayload);
    assert.equal((await extractPdfText(response.rawPayload)).pages, 1);
    for (const expected of [
      'Kallion peruspalvelukuntayhtymä',
      'Olen tutustunut asiointitilin käyttöön ja minua koskevia asiakirjoja ja viestejä saa lähettää asiointitililleni.',
      'toimitan tämän suostumuksen minua palvelevaan yksikköön (rasti ruutuun)',
      'Voin ilmoittaa asiointitilin käyttöönotosta myös puhelimitse minua palvelevaan yksikköön.',
      'Nimi',
      'Henkilötunnus',
      'Päivämäärä',
      'Allekirjoitus',
      'Näin otat asiointitilin käyttöön',
      'http://localhost:3000/',
    ]) {
      assert.ok(text.includes(expected), `the form lacks ${JSON.stringify(expected)}: ${text}`);
    }
    assert.ok(!text.includes('suositumuksen'));
  });

  test('the Swedish form uses the Swedish name and wording', async () => {
    const { businessId } = await kallio();
    const response = await form(businessId, 'sv');
    assert.equal(response.statusCode, 200);
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="samtycke-${businessId}.pdf"`,
    );
    const text = await textOf(response.rawPayload);
    for (const expected of [
      'Samkommunen för basservice Kallio',
      'handlingar och meddelanden som gäller mig får skickas till mitt ärendekonto',
      '(kryssa i rutan)',
      'Namn',
      'Personbeteckning',
      'Underskrift',
      'Så här tar du ärendekontot i bruk',
    ]) {
      assert.ok(text.includes(expected), `the form lacks ${JSON.stringify(expected)}: ${text}`);
    }
  });

  test('an unknown or deactivated organisation is 404; a malformed ID or language is 400', async () => {
    assert.equal((await form(newBusinessId())).statusCode, 404);
    const closed = await h.fixtures.organisation();
    await h.services.organisations.deactivateOrganisation(closed.businessId);
    assert.equal((await form(closed.businessId)).statusCode, 404);
    assert.equal((await form('123')).statusCode, 400);
    assert.equal((await form((await kallio()).businessId, 'en')).statusCode, 400);
  });

  test('the service builds the same form by organisation id', async () => {
    const { id } = await kallio();
    const { pdf, fileName } = await h.services.consents.consentFormPdf(id, 'fi');
    assert.match(fileName, /^suostumus-\d{7}-\d\.pdf$/);
    assert.ok((await textOf(pdf)).includes('Kallion peruspalvelukuntayhtymä'));
  });
});
