import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { loginCookieName, sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { createBundledIdp, TestIdpUnavailableError } from '../../../src/test-idp/test-idp.js';
import {
  browserRequest,
  cancelAtTestIdp,
  CookieJar,
  followRedirects,
  identifyUntilCallback,
  loginThroughTestIdp,
  openMethodPage,
} from '../../helpers/oidc-login.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

const maija = '010180-9026';

describe('identification through the bundled test IdP (OpenID Connect, code + PKCE)', () => {
  const h = useSuiteHarness();

  test('discovery is served under /test-idp on the service origin', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/test-idp/.well-known/openid-configuration' });
    assert.equal(response.statusCode, 200);
    const metadata = response.json();
    assert.equal(metadata.issuer, 'http://localhost:3000/test-idp');
    assert.ok(metadata.code_challenge_methods_supported.includes('S256'));
    // As at an FTN broker: private_key_jwt only, signed request objects, encrypted ID token and userinfo.
    assert.deepEqual(metadata.token_endpoint_auth_methods_supported, ['private_key_jwt']);
    assert.equal(metadata.require_signed_request_object, true);
    assert.ok(metadata.id_token_encryption_alg_values_supported.includes('RSA-OAEP-256'));
    assert.ok(metadata.userinfo_encryption_enc_values_supported.includes('A256GCM'));
    assert.deepEqual(metadata.acr_values_supported, [
      'http://ftn.ficora.fi/2017/loa2',
      'http://ftn.ficora.fi/2017/loa3',
    ]);
  });

  test('a person without an account identifies with bank credentials and lands on /account/open', async () => {
    const { jar, landing } = await loginThroughTestIdp(h, maija);
    assert.equal(landing, '/account/open');
    const page = await browserRequest(h, jar, 'GET', '/account/open');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /MEIKÄLÄINEN MAIJA/);
    assert.match(page.body, /Kirjautuneena: Maija Meikäläinen/);
    assert.ok(!h.log.text.includes(maija), 'the identity code never reaches the log');
  });

  test('the authorization request is a signed request object with PKCE (S256), state, nonce, acr and locale', async () => {
    const jar = new CookieJar();
    const start = await browserRequest(h, jar, 'GET', '/login');
    const url = new URL(start.location!);
    assert.equal(url.pathname, '/test-idp/auth');
    // Only the request object and client_id travel in the URL: every parameter is inside, signed.
    assert.deepEqual([...url.searchParams.keys()].sort(), ['client_id', 'request']);
    const requestObject = url.searchParams.get('request')!;
    const header = decodeProtectedHeader(requestObject);
    assert.equal(header.kid, h.services.accounts.identification.relyingPartyKeys?.signingKey.kid);
    assert.equal(header.alg, 'ES256');
    const parameters = decodeJwt(requestObject);
    assert.equal(parameters.code_challenge_method, 'S256');
    assert.ok(parameters.code_challenge);
    assert.ok(parameters.state);
    assert.ok(parameters.nonce);
    assert.equal(parameters.prompt, 'login');
    assert.equal(parameters.acr_values, 'http://ftn.ficora.fi/2017/loa2');
    assert.equal(parameters.ui_locales, 'fi');
    assert.equal(parameters.aud, 'http://localhost:3000/test-idp');
  });

  test('the IdP speaks the language the service asked for (ui_locales) unless one is chosen there', async () => {
    const jar = new CookieJar();
    const start = await browserRequest(h, jar, 'GET', '/login?lang=sv');
    assert.equal(jar.get('lang'), undefined, 'the language came from the query alone');
    const { response, url } = await followRedirects(h, jar, start, '/login?lang=sv');
    assert.match(response.body, /<html lang="sv"/);
    const chosen = await browserRequest(h, jar, 'GET', `${url}?lang=en`);
    assert.match(chosen.body, /<html lang="en"/);
  });

  test('the method page lists the banks, mobile certificate and certificate card', async () => {
    const { response } = await openMethodPage(h);
    for (const bank of [
      'Aktia',
      'Danske Bank',
      'Handelsbanken',
      'Nordea',
      'OmaSP',
      'Osuuspankki',
      'POP Pankki',
      'S-Pankki',
      'Säästöpankki',
      'Ålandsbanken',
      'Mobiilivarmenne',
      'Varmennekortti',
    ]) {
      assert.ok(response.body.includes(bank), bank);
    }
  });

  test('an identity code not in the register cannot identify', async () => {
    const { jar, url } = await openMethodPage(h);
    const unknown = await browserRequest(h, jar, 'POST', `${url}/login`, {
      method: 'mobile',
      identityCode: '010101-999X',
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /aria-invalid="true"/);
    const invalid = await browserRequest(h, jar, 'POST', `${url}/login`, {
      method: 'mobile',
      identityCode: 'abc',
    });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /PPKKVV-NNNT/);
  });

  test('"Keskeytä" at the IdP cancels back to the start page without a session', async () => {
    const { jar, url } = await openMethodPage(h);
    const finalUrl = await cancelAtTestIdp(h, jar, url);
    assert.equal(new URL(finalUrl).pathname, '/');
    assert.equal(jar.get(sessionCookieName(h.context)), undefined);
  });

  test('a replayed callback is refused (the login state is used once)', async () => {
    const { jar, callback } = await identifyUntilCallback(h, maija);
    const copied = jar.get(loginCookieName(h.context));
    const first = await browserRequest(h, jar, 'GET', callback);
    assert.equal(first.statusCode, 303);
    assert.equal(jar.get(loginCookieName(h.context)), undefined, 'the login cookie is cleared');
    const replay = await browserRequest(h, new CookieJar(), 'GET', callback);
    assert.equal(replay.statusCode, 400);
    // Even with a copy of the login cookie: the provider's code is redeemed once only.
    const withCopy = new CookieJar();
    withCopy.set(loginCookieName(h.context), copied!);
    const replayWithCookie = await browserRequest(h, withCopy, 'GET', callback);
    assert.equal(replayWithCookie.statusCode, 400);
    assert.equal(withCopy.get(sessionCookieName(h.context)), undefined);
  });

  test('the test IdP refuses to exist outside test mode', () => {
    assert.throws(() => createBundledIdp({ ...h.context, testMode: false }), TestIdpUnavailableError);
  });
});

describe('outside test mode', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ testMode: false });
  });
  after(() => h.close());

  test('the test IdP routes do not exist and /login says identification is unavailable', async () => {
    for (const url of [
      '/test-idp/.well-known/openid-configuration',
      '/test-idp/auth',
      '/test-idp/interaction/x',
    ]) {
      assert.equal((await h.app.inject({ method: 'GET', url })).statusCode, 404, url);
    }
    const login = await h.app.inject({ method: 'GET', url: '/login' });
    assert.equal(login.statusCode, 503);
  });
});
