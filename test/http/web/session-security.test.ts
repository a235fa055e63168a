import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { browserRequest, CookieJar, loginThroughTestIdp } from '../../helpers/oidc-login.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

const kimmo = '270570-901K';
const maija = '010180-9026';

async function sessionRows(h: TestHarness): Promise<number> {
  const row = await h.context.database.db
    .selectFrom('web_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('identity_lookup', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

describe('citizen session: cookie, CSRF, fixation, timeouts, logout', () => {
  const h = useSuiteHarness({ now: '2026-03-02T08:00:00.000Z' });

  test('the session cookie is HttpOnly and SameSite=Lax, and only a hash of its id is stored', async () => {
    const jar = new CookieJar();
    let setCookie = '';
    const { landing } = await loginThroughTestIdp(h, maija, { jar });
    assert.equal(landing, '/account/open');
    const value = jar.get(sessionCookieName(h.context))!;
    assert.ok(value.length >= 40);
    const rows = await h.context.database.db.selectFrom('web_sessions').select('id_hash').execute();
    assert.ok(
      rows.every((row) => row.id_hash !== value),
      'the raw id is never stored',
    );
    // Inspect the attributes on a fresh login's Set-Cookie.
    const again = new CookieJar();
    const start = await browserRequest(h, again, 'GET', '/login');
    setCookie = String(start.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    assert.doesNotMatch(setCookie, /Secure/i, 'plain http in tests: no Secure flag');
  });

  test('session fixation: a session id planted before login is never adopted', async () => {
    const jar = new CookieJar();
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    jar.set(sessionCookieName(h.context), planted);
    await loginThroughTestIdp(h, maija, { jar });
    const issued = jar.get(sessionCookieName(h.context));
    assert.ok(issued && issued !== planted);
    const withPlanted = await h.app.inject({
      method: 'GET',
      url: '/account/open',
      headers: { cookie: `${sessionCookieName(h.context)}=${planted}` },
    });
    assert.equal(withPlanted.statusCode, 303);
    assert.match(String(withPlanted.headers.location), /^\/login\?return=/);
  });

  test('a new login replaces an existing session (the old id stops working)', async () => {
    const old = await signInAs(h, maija);
    const jar = new CookieJar();
    await loginThroughTestIdp(h, maija, {
      jar,
      beforeCallback: (j) => j.set(sessionCookieName(h.context), old.cookies[sessionCookieName(h.context)]!),
    });
    assert.notEqual(jar.get(sessionCookieName(h.context)), old.cookies[sessionCookieName(h.context)]);
    const response = await h.app.inject({
      method: 'GET',
      url: '/account/open',
      headers: { cookie: cookieHeader(old.cookies) },
    });
    assert.equal(response.statusCode, 303);
  });

  test('CSRF: a state-changing request without the token, or with a wrong one, is refused', async () => {
    const { cookies, csrfToken } = await signInAs(h, kimmo);
    const headers = { cookie: cookieHeader(cookies), 'content-type': 'application/x-www-form-urlencoded' };
    const missing = await h.app.inject({
      method: 'POST',
      url: '/account/open',
      headers,
      payload: 'acceptTerms=1',
    });
    assert.equal(missing.statusCode, 403);
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/account/open',
      headers,
      payload: `acceptTerms=1&_csrf=${'x'.repeat(43)}`,
    });
    assert.equal(wrong.statusCode, 403);
    const logout = await h.app.inject({ method: 'POST', url: '/logout', headers, payload: '' });
    assert.equal(logout.statusCode, 403, 'logout is state-changing too');
    const otherSession = await signInAs(h, kimmo);
    const crossed = await h.app.inject({
      method: 'POST',
      url: '/account/open',
      headers,
      payload: `acceptTerms=1&_csrf=${otherSession.csrfToken}`,
    });
    assert.equal(crossed.statusCode, 403, "another session's token does not work");
    assert.equal(await h.services.accounts.accounts.accountOf(kimmo), undefined, 'nothing was stored');
    const viaHeader = await h.app.inject({
      method: 'POST',
      url: '/account/open',
      headers: { ...headers, 'x-csrf-token': csrfToken },
      payload: 'acceptTerms=1',
    });
    assert.equal(viaHeader.statusCode, 303, 'the header carries the token as well');
  });

  test('a POST without any session is refused', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/settings',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=anything',
    });
    assert.equal(response.statusCode, 403);
  });

  test('idle timeout: activity keeps the session alive, 30 idle minutes end it', async () => {
    h.setNow('2026-03-02T09:00:00.000Z');
    const { cookies } = await signInAs(h, maija);
    const get = () =>
      h.app.inject({ method: 'GET', url: '/account/open', headers: { cookie: cookieHeader(cookies) } });
    h.setNow('2026-03-02T09:29:00.000Z');
    assert.equal((await get()).statusCode, 200);
    h.setNow('2026-03-02T09:58:00.000Z');
    assert.equal((await get()).statusCode, 200, '29 minutes after the last request');
    h.setNow('2026-03-02T10:28:00.000Z');
    const expired = await get();
    assert.equal(expired.statusCode, 303);
    assert.match(String(expired.headers['set-cookie']), /asiointitili_session=;/);
    h.setNow('2026-03-02T10:29:00.000Z');
    assert.equal((await get()).statusCode, 303, 'an expired session does not come back');
  });

  test('absolute timeout: 12 hours after login the session ends however active it is', async () => {
    h.setNow('2026-03-03T06:00:00.000Z');
    const { cookies } = await signInAs(h, maija);
    const get = () =>
      h.app.inject({ method: 'GET', url: '/account/open', headers: { cookie: cookieHeader(cookies) } });
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      h.setNow(new Date(Date.parse('2026-03-03T06:00:00.000Z') + minutes * 60_000));
      assert.equal((await get()).statusCode, 200, `${minutes} min`);
    }
    h.setNow('2026-03-03T18:00:00.000Z');
    assert.equal((await get()).statusCode, 303);
  });

  test('logout ends the session on the server and sends the browser to the IdP end_session endpoint', async () => {
    h.setNow('2026-03-04T08:00:00.000Z');
    const { cookies, csrfToken } = await signInAs(h, maija);
    const before = await sessionRows(h);
    const response = await h.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie: cookieHeader(cookies), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${csrfToken}`,
    });
    assert.equal(response.statusCode, 303);
    const location = new URL(String(response.headers.location));
    assert.equal(location.pathname, '/test-idp/session/end');
    assert.equal(location.searchParams.get('post_logout_redirect_uri'), 'http://localhost:3000/logged-out');
    assert.equal(await sessionRows(h), before - 1);
    const after = await h.app.inject({
      method: 'GET',
      url: '/account/open',
      headers: { cookie: cookieHeader(cookies) },
    });
    assert.equal(after.statusCode, 303);
    // The IdP's confirmation page is our own view: no inline script or style, strict CSP applies.
    // Without a session at the IdP there is nothing to confirm: straight back to our logged-out page
    // (oidc-provider's own self-submitting page would need inline script).
    const noIdpSession = await h.app.inject({ method: 'GET', url: location.pathname + location.search });
    assert.equal(noIdpSession.statusCode, 303);
    assert.equal(noIdpSession.headers.location, 'http://localhost:3000/logged-out');
  });

  test('the account state is read on every request (opened elsewhere takes effect at once)', async () => {
    const { cookies } = await signInAs(h, kimmo);
    const beforeOpen = await h.app.inject({
      method: 'GET',
      url: '/settings',
      headers: { cookie: cookieHeader(cookies) },
    });
    if ((await h.services.accounts.accounts.accountOf(kimmo))?.status === 'active') {
      assert.equal(beforeOpen.statusCode, 200);
      return;
    }
    assert.equal(beforeOpen.headers.location, '/account/open');
  });
});

describe('session cookie over https', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({
      env: { PUBLIC_URL: 'https://asiointitili.example', TRUSTED_PROXIES: '127.0.0.1' },
    });
  });
  after(() => h.close());

  test('uses the __Host- prefix and Secure, end to end through the test IdP', async () => {
    assert.equal(sessionCookieName(h.context), '__Host-asiointitili_session');
    const jar = new CookieJar();
    const start = await browserRequest(h, jar, 'GET', '/login');
    assert.match(String(start.headers['set-cookie']), /^__Host-asiointitili_login=.*Secure/);
    const { landing } = await loginThroughTestIdp(h, maija, { jar: new CookieJar() });
    assert.equal(landing, '/account/open');
  });
});
