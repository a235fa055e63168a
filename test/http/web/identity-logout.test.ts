import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { clientProfile } from '../../../src/modules/identity/index.js';
import { inProcessFetch } from '../../../src/test-idp/in-process-fetch.js';
import { browserRequest, CookieJar, loginThroughTestIdp } from '../../helpers/oidc-login.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import type { TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

const maija = '010180-9026';

async function signedIn(h: TestHarness, jar?: CookieJar) {
  const { jar: signedJar } = await loginThroughTestIdp(h, maija, jar ? { jar } : {});
  const page = await browserRequest(h, signedJar, 'GET', '/account/open');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(csrf, 'a signed-in page with a CSRF token');
  return { jar: signedJar, csrf };
}

/** Follows redirects from a response, recording every URL, until a page answers. */
async function follow(
  h: TestHarness,
  jar: CookieJar,
  start: { location: string | undefined; statusCode: number },
) {
  const hops: URL[] = [];
  let response = start;
  let last: Awaited<ReturnType<typeof browserRequest>> | undefined;
  while (response.location && response.statusCode >= 300 && response.statusCode < 400) {
    assert.ok(hops.length < 10, 'too many redirects');
    const url = new URL(response.location, hops.at(-1) ?? h.context.config.publicUrl);
    hops.push(url);
    last = await browserRequest(h, jar, 'GET', url.href);
    response = last;
  }
  assert.ok(last, 'at least one redirect');
  return { hops, page: last };
}

describe(`logout in one step, with RP-initiated logout at the test IdP (${testDialect})`, () => {
  const h = useSuiteHarness();

  test('ends our session and the IdP session without a confirmation page, landing on /logged-out', async () => {
    const { jar, csrf } = await signedIn(h);
    const logout = await browserRequest(h, jar, 'POST', '/logout', { _csrf: csrf });
    assert.equal(logout.statusCode, 303);
    assert.equal(jar.get(sessionCookieName(h.context)), undefined, 'our cookie is cleared');

    const endSession = new URL(logout.location!);
    assert.equal(endSession.pathname, '/test-idp/session/end');
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), 'http://localhost:3000/logged-out');
    assert.equal(endSession.searchParams.get('client_id'), 'asiointitili');
    // The hint is the provider's signed ID token (the JWE it came in was opened), about this person.
    const hint = endSession.searchParams.get('id_token_hint')!;
    assert.equal(hint.split('.').length, 3, 'a JWS, not a JWE');
    assert.equal(decodeJwt(hint).sub, maija);
    assert.equal(decodeJwt(hint).aud, 'asiointitili');

    const { hops, page } = await follow(h, jar, logout);
    assert.deepEqual(
      hops.map((url) => url.pathname),
      ['/test-idp/session/end', '/test-idp/logout/confirm', '/logged-out'],
      'only redirects between the button and the page',
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Olet kirjautunut ulos<\/h1>/);
    assert.match(page.body, /href="\/login"[^>]*>Kirjaudu uudelleen</);
    assert.match(page.body, /href="\/">Palaa etusivulle</);
    assert.doesNotMatch(page.body, /action="\/logout"/, 'no signed-in bar');

    // Our session is gone, and so is the IdP's: a second logout there has nothing to confirm.
    const again = await browserRequest(h, jar, 'GET', '/account/open');
    assert.match(String(again.location), /^\/login/);
    const idpAgain = await browserRequest(h, jar, 'GET', '/test-idp/session/end');
    assert.equal(idpAgain.statusCode, 303);
    assert.equal(idpAgain.location, 'http://localhost:3000/logged-out');
  });

  test('the ID token is kept only encrypted with the session and never reaches the log', async () => {
    const { jar, csrf } = await signedIn(h);
    const rows = await h.context.database.db.selectFrom('web_sessions').select('data').execute();
    for (const row of rows) {
      assert.doesNotMatch(row.data, /eyJ[\w-]+\.[\w-]+/, 'no JWT in the clear');
      assert.doesNotMatch(row.data, /010180/);
    }
    const logout = await browserRequest(h, jar, 'POST', '/logout', { _csrf: csrf });
    const hint = new URL(logout.location!).searchParams.get('id_token_hint')!;
    await follow(h, jar, logout);
    assert.ok(!h.log.text.includes(hint.split('.')[1]!), 'the ID token is not logged');
  });

  test('a logout request without our hint still asks the person at the IdP', async () => {
    const { jar } = await signedIn(h);
    const stillSignedIn = await browserRequest(h, jar, 'GET', '/logged-out');
    assert.equal(stillSignedIn.statusCode, 303, 'a signed-in person is not told they are logged out');
    assert.equal(stillSignedIn.location, '/');
    const asked = await browserRequest(h, jar, 'GET', '/test-idp/session/end?client_id=asiointitili');
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /id="op.logoutForm"/);
    assert.doesNotMatch(asked.body, /<script/);
  });

  test("a confirmation secret that is not the session's is refused", async () => {
    const { jar } = await signedIn(h);
    const forged = await browserRequest(h, jar, 'GET', '/test-idp/logout/confirm?xsrf=00ff');
    assert.equal(forged.statusCode, 400);
    // The IdP session is still there: logging out there would ask.
    const asked = await browserRequest(h, jar, 'GET', '/test-idp/session/end?client_id=asiointitili');
    assert.equal(asked.statusCode, 200);
  });

  test('the logged-out page speaks Swedish and English too', async () => {
    for (const [lang, heading, again] of [
      ['sv', 'Du har loggat ut', 'Logga in igen'],
      ['en', 'You have logged out', 'Log in again'],
    ] as const) {
      const jar = new CookieJar();
      jar.set('lang', lang);
      const page = await browserRequest(h, jar, 'GET', '/logged-out?state=ignored');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<h1>${heading}</h1>`));
      assert.match(page.body, new RegExp(`>${again}<`));
    }
  });
});

describe(`logout when the identification service has no end_session endpoint (${testDialect})`, () => {
  const h = useSuiteHarness();

  test('our session ends and the browser goes straight to /logged-out', async () => {
    // The same test IdP, but its discovery document no longer names an end_session endpoint.
    const identification = h.services.accounts.identification;
    const inProcess = inProcessFetch(h.app, h.context.config.publicUrl);
    identification.useProvider({
      issuer: new URL('http://localhost:3000/test-idp'),
      clientId: 'asiointitili',
      profile: clientProfile(h.context.config, identification.relyingPartyKeyStore, undefined),
      identityCodeClaims: h.context.config.oidcIdentityCodeClaims,
      allowHttp: true,
      forceLogin: true,
      fetch: async (url, options) => {
        const response = await inProcess(url, options);
        if (!String(url).endsWith('/.well-known/openid-configuration')) return response;
        const { end_session_endpoint: _dropped, ...metadata } = (await response.json()) as Record<
          string,
          unknown
        >;
        return Response.json(metadata);
      },
    });
    const { jar, csrf } = await signedIn(h);
    const logout = await browserRequest(h, jar, 'POST', '/logout', { _csrf: csrf });
    assert.equal(logout.statusCode, 303);
    assert.equal(logout.location, 'http://localhost:3000/logged-out');
    assert.equal(jar.get(sessionCookieName(h.context)), undefined);
    const page = await browserRequest(h, jar, 'GET', logout.location);
    assert.match(page.body, /Olet kirjautunut ulos/);
  });
});
