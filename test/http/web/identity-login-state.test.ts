import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { loginCookieName, sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { browserRequest, CookieJar, identifyUntilCallback } from '../../helpers/oidc-login.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { type TestHarness } from '../../helpers/test-app.js';
import { tablesOfTestDatabase } from '../../helpers/test-database.js';

const maija = '010180-9026';

/** Rows in every table of the test's database (the migrator's own bookkeeping included). */
async function rowCounts(h: TestHarness): Promise<Record<string, number>> {
  const db = h.context.database.db;
  const counts: Record<string, number> = {};
  for (const table of await tablesOfTestDatabase(h.context.database)) {
    const row = await db
      .selectFrom(table as 'accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe('pending logins live in an encrypted cookie, not in the database', () => {
  const h = useSuiteHarness({ now: '2026-03-02T08:00:00.000Z' });

  test('100 anonymous GET /login write no row in any table', async () => {
    const before = await rowCounts(h);
    assert.ok('web_sessions' in before && 'api_login_attempts' in before, Object.keys(before).join());
    for (let i = 0; i < 100; i++) {
      // From many addresses, as a botnet would, so that the per-address rate limit does not cut in.
      const response = await h.app.inject({
        method: 'GET',
        url: '/login',
        remoteAddress: `198.51.100.${i}`,
      });
      assert.equal(response.statusCode, 303, response.body);
      assert.ok(response.cookies.some((cookie) => cookie.name === loginCookieName(h.context)));
    }
    assert.deepEqual(await rowCounts(h), before);
  });

  test('the cookie keeps the state and the PKCE verifier secret', async () => {
    const jar = new CookieJar();
    const start = await browserRequest(h, jar, 'GET', '/login?return=%2Fmailbox%2Finbox');
    // The state travels to the provider inside the signed request object.
    const state = String(decodeJwt(new URL(start.location!).searchParams.get('request')!).state);
    assert.ok(state.length >= 32, state);
    const cookie = jar.get(loginCookieName(h.context))!;
    assert.ok(cookie.length < 4096 - 200, `${cookie.length} characters`);
    const decoded = Buffer.from(cookie, 'base64url').toString('latin1');
    assert.ok(!decoded.includes(state) && !cookie.includes(state), 'the state is not readable');
    assert.ok(!decoded.includes('/mailbox/inbox'), 'the return path is not readable');
  });

  test('the login completes end to end from the cookie alone, and the cookie is cleared', async () => {
    const { jar, callback } = await identifyUntilCallback(h, maija);
    const done = await browserRequest(h, jar, 'GET', callback);
    assert.equal(done.statusCode, 303);
    assert.equal(done.location, '/account/open');
    assert.ok(jar.get(sessionCookieName(h.context)));
    assert.equal(jar.get(loginCookieName(h.context)), undefined);
  });

  for (const [what, spoil] of [
    ['a tampered', (value: string) => value.slice(0, -6) + (value.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA')],
    ['a truncated', (value: string) => value.slice(0, 40)],
    ['a malformed', () => 'not%20base64!'],
    ['another key ring’s', () => Buffer.alloc(200, 1).toString('base64url')],
  ] as const) {
    test(`${what} login cookie fails cleanly: the login-failed page (400), no session`, async () => {
      const { jar, callback } = await identifyUntilCallback(h, maija);
      jar.set(loginCookieName(h.context), spoil(jar.get(loginCookieName(h.context))!));
      const response = await browserRequest(h, jar, 'GET', callback);
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.match(response.body, /<html lang="fi"/);
      assert.equal(jar.get(sessionCookieName(h.context)), undefined);
      assert.equal(jar.get(loginCookieName(h.context)), undefined, 'the bad cookie is cleared');
    });
  }

  test('an expired login cookie (over 10 minutes old) fails cleanly too', async () => {
    const { jar, callback } = await identifyUntilCallback(h, maija);
    h.setNow('2026-03-02T08:10:00.001Z');
    try {
      const response = await browserRequest(h, jar, 'GET', callback);
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assert.equal(jar.get(sessionCookieName(h.context)), undefined);
    } finally {
      h.setNow('2026-03-02T08:00:00.000Z');
    }
  });
});

describe('identification is rate limited per client address', () => {
  const h = useSuiteHarness();

  for (const [index, [route, method, url, allowedStatus]] of [
    ['GET /login', 'GET', '/login', 303],
    ['GET /auth/callback', 'GET', '/auth/callback?code=x&state=y', 400],
    ['the test IdP code entry', 'POST', '/test-idp/interaction/nosuchuid/login', 400],
  ].entries() as IterableIterator<[number, readonly [string, 'GET' | 'POST', string, number]]>) {
    test(`${route}: the 31st request within a minute is answered 429 with Retry-After, as a page`, async () => {
      const remoteAddress = `192.0.2.${index + 1}`;
      const send = (address: string) =>
        h.app.inject({
          method,
          url,
          remoteAddress: address,
          headers: { 'accept-language': 'sv' },
          ...(method === 'POST' ? { payload: { method: 'card', identityCode: maija } } : {}),
        });
      for (let i = 0; i < 30; i++) assert.equal((await send(remoteAddress)).statusCode, allowedStatus);
      const limited = await send(remoteAddress);
      assert.equal(limited.statusCode, 429);
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.match(String(limited.headers['content-type']), /^text\/html/);
      assert.match(limited.body, /<html lang="sv"/);
      assert.match(limited.body, /För många begäranden/);
      assert.equal((await send('203.0.113.7')).statusCode, allowedStatus, 'other addresses go on');
    });
  }
});
