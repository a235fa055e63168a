import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHarness, type TestHarness } from '../helpers/test-app.js';
import { stylesheet } from '../../src/http/views/stylesheet.js';

describe('start page, language and text size', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness();
    await h.services.organisations.addOrganisation({
      businessId: '9990002-4',
      nameFi: 'Ylitornion kunta',
      nameSv: 'Övertorneå kommun',
    });
    await h.services.organisations.addService({
      businessId: '9990002-4',
      serviceId: 'ylitornio-lomakkeet',
      nameFi: 'Sähköiset lomakkeet',
      acceptsMessages: true,
    });
  });
  after(() => h.close());

  test('organisations without active services are not listed', async () => {
    await h.services.organisations.addOrganisation({ businessId: '9990007-5', nameFi: 'Palveluton virasto' });
    const response = await h.app.inject({ method: 'GET', url: '/' });
    assert.ok(!response.body.includes('Palveluton virasto'));
  });

  test('Finnish by default, with the seed wording and connected services', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.ok(response.body.startsWith('<!doctype html>'));
    assert.ok(response.body.includes('<html lang="fi"'));
    assert.ok(response.body.includes('Tervetuloa Kansalaisen asiointitilille!'));
    assert.ok(response.body.includes('Ylitornion kunta'));
    assert.ok(response.body.includes('Sähköiset lomakkeet'));
    assert.ok(response.body.includes('href="#content"'), 'skip link');
  });

  test('Accept-Language picks Swedish, the query overrides it', async () => {
    const sv = await h.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-language': 'sv-FI,sv;q=0.9' },
    });
    assert.ok(sv.body.includes('<html lang="sv"'));
    assert.ok(sv.body.includes('Övertorneå kommun'));
    const en = await h.app.inject({ method: 'GET', url: '/?lang=en', headers: { 'accept-language': 'sv' } });
    assert.ok(en.body.includes('<html lang="en"'));
  });

  test('the language switch is remembered in a cookie and returns to the page', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/language/sv?return=%2Fterms%3Flang%3Dfi' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/terms');
    const cookie = response.cookies.find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'sv');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
  });

  test('return paths cannot redirect off-site', async () => {
    for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/text-size/2?return=${encodeURIComponent(target)}`,
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/');
    }
  });

  test('text size is remembered and applied', async () => {
    const set = await h.app.inject({ method: 'GET', url: '/text-size/3?return=/' });
    assert.equal(set.cookies.find((c) => c.name === 'text_size')?.value, '3');
    const page = await h.app.inject({ method: 'GET', url: '/', cookies: { text_size: '3' } });
    assert.ok(page.body.includes('class="text-size-3"'));
  });

  test('unsupported language and size values are rejected', async () => {
    assert.equal((await h.app.inject({ method: 'GET', url: '/language/de' })).statusCode, 400);
    assert.equal((await h.app.inject({ method: 'GET', url: '/text-size/9' })).statusCode, 400);
  });

  test('security headers: strict CSP without inline script, no framing', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(!response.body.includes('<script'), 'no script on the page');
    assert.ok(!/ style="/.test(response.body), 'no inline styles');
  });

  test('static assets are served', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/assets/site.css' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/css/);
  });

  test('the stylesheet is the assembled one, and a cached copy is revalidated by its ETag', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/assets/site.css' });
    assert.equal(response.body, stylesheet);
    const etag = String(response.headers.etag);
    const again = await h.app.inject({
      method: 'GET',
      url: '/assets/site.css',
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });
});
