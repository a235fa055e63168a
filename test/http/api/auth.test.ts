import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { buildApp } from '../../../src/http/app.js';
import { createServices } from '../../../src/services.js';
import { ApiClient, type ApiResponse } from '../../helpers/api-client.js';
import { assertContractHeaders, assertContractResponse, loadContract } from '../../helpers/contract.js';
import { type ApiOrganisation } from '../../helpers/fixtures.js';
import { registeredRoutes } from '../../helpers/route-table.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/** POST /v1/token for `who` with `password`, from `remoteAddress`. */
function tokenAttempt(api: ApiClient, who: ApiOrganisation, password: string, remoteAddress: string) {
  return api.post('/v1/token', { username: who.username, password }, { remoteAddress });
}

/** POST /v1/token for `who` with the right password, through a proxy that says the client is `forwardedFor`. */
function tokenAttemptForwardedFor(api: ApiClient, who: ApiOrganisation, forwardedFor: string) {
  const credentials = { username: who.username, password: who.password };
  return api.post('/v1/token', credentials, { headers: { 'x-forwarded-for': forwardedFor } });
}

describe('organisation API: tokens, passwords, throttling, IP allowlist', () => {
  let h: TestHarness;
  let org: ApiOrganisation;
  before(async () => {
    h = await createHarness({ now: '2026-03-02T08:00:00Z', env: { API_TOKEN_TTL_SECONDS: '600' } });
    org = await h.fixtures.apiOrganisation();
  });
  after(() => h.close());
  // Tests that move the clock need not put it back: each starts at 08:00, even after a failure.
  afterEach(() => h.setNow('2026-03-02T08:00:00Z'));

  test('a token is issued for valid credentials and opens the API until it expires', async () => {
    const api = new ApiClient(h);
    const response = await api.post('/v1/token', { username: org.username, password: org.password });
    assert.equal(response.statusCode, 200);
    const body = response.json<{ access_token: string; expires_in: number; token_type: string }>();
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 600);
    api.token = body.access_token;
    const ok = await api.post('/v1/mailboxes/active', { endUsers: [{ id: '270570-901K' }] });
    assert.equal(ok.statusCode, 200);
    // Only a hash of the token is stored.
    const stored = await h.context.database.db.selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(stored.every((row) => row.token_hash !== body.access_token));
    h.setNow('2026-03-02T08:10:01Z');
    const expired = await api.post('/v1/mailboxes/active', { endUsers: [{ id: '270570-901K' }] });
    assert.equal(expired.statusCode, 401);
  });

  test('every organisation API route but the public ones refuses a missing or invalid token', async () => {
    const api = new ApiClient(h);
    // Public by design: logging in and changing the password with the old one (the API docs live
    // outside /v1 and /v2).
    const publicRoutes = new Set(['POST /v1/token', 'POST /v1/change-password']);
    const protectedRoutes = registeredRoutes(h.app).filter(
      (route) => /^\/v[12]\//.test(route.url) && !publicRoutes.has(`${route.method} ${route.url}`),
    );
    // 17 when this was written; fewer means the route table was misread, not that routes went away.
    assert.ok(protectedRoutes.length >= 17, `only ${protectedRoutes.length} protected routes found`);
    for (const { method, url } of protectedRoutes) {
      assert.ok(method === 'GET' || method === 'POST', `${method} ${url}: the sweep sends only GET and POST`);
      // Authentication runs before parsing and validation, so any id and an empty body will do.
      const concrete = url.replace(/:\w+/g, '1');
      const template = url.replace(/:(\w+)/g, '{$1}');
      for (const token of [null, 'not-a-token']) {
        const response: ApiResponse =
          method === 'GET'
            ? await api.get(concrete, { token, unchecked: true })
            : await api.post(concrete, {}, { token, unchecked: true });
        assert.equal(response.statusCode, 401, `${method} ${url} with ${token}`);
        assert.equal(typeof response.json().reason, 'string');
        // Our extensions (not in the contract) answer in the same wire format.
        if (template in (await loadContract()).paths)
          await assertContractResponse(method, template, response);
        else await assertContractHeaders(method, template, response);
      }
    }
  });

  test('wrong password, unknown user and revoked credentials all answer "Authentication failed"', async () => {
    const api = new ApiClient(h);
    const other = await h.fixtures.apiOrganisation();
    await h.services.messaging.credentials.revoke(other.username);
    for (const body of [
      { username: org.username, password: 'x'.repeat(40) },
      { username: 'nobody-here', password: org.password },
      { username: other.username, password: other.password },
    ]) {
      const response = await api.post('/v1/token', body);
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().reason, 'Authentication failed');
    }
    // Clear the one failure against org so later tests start from zero.
    await api.post('/v1/token', { username: org.username, password: org.password });
  });

  test('revoking credentials stops their tokens at once', async () => {
    const other = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    await api.login(other);
    await h.services.messaging.credentials.revoke(other.username);
    const response = await api.post('/v1/mailboxes/active', { endUsers: [{ id: '270570-901K' }] });
    assert.equal(response.statusCode, 401);
  });

  test('five failed logins from one address stop that address for the username (429, Retry-After), counted in the database', async () => {
    const victim = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    // The integration's address; it has logged in before, so only the per-address limit applies.
    const home = { remoteAddress: '203.0.113.50' };
    const right = { username: victim.username, password: victim.password };
    assert.equal((await api.post('/v1/token', right, home)).statusCode, 200);
    for (let i = 0; i < 5; i++) {
      const wrong = { username: victim.username, password: `wrong-${i}` };
      assert.equal((await api.post('/v1/token', wrong, home)).statusCode, 400);
    }
    h.setNow('2026-03-02T08:05:00Z');
    const throttled = await api.post('/v1/token', right, home);
    assert.equal(throttled.statusCode, 429);
    assert.equal(Number(throttled.headers['retry-after']), 10 * 60);
    const counted = await h.context.database.db
      .selectFrom('api_login_attempts')
      .select(['attempts', 'window_started_at'])
      .where('username', '=', victim.username)
      .executeTakeFirstOrThrow();
    assert.deepEqual(counted, { attempts: 5, window_started_at: '2026-03-02T08:00:00.000Z' });
    // Another web process on the same database refuses too.
    const otherProcess = await buildApp(h.context, createServices(h.context));
    try {
      const there = await otherProcess.inject({
        method: 'POST',
        url: '/v1/token',
        payload: right,
        remoteAddress: home.remoteAddress,
      });
      assert.equal(there.statusCode, 429);
    } finally {
      await otherProcess.close();
    }
    // Other addresses and other usernames are unaffected.
    const elsewhere = await api.post('/v1/token', right, { remoteAddress: '203.0.113.80' });
    assert.equal(elsewhere.statusCode, 200);
    const fine = await api.post('/v1/token', { username: org.username, password: org.password });
    assert.equal(fine.statusCode, 200);
    h.setNow('2026-03-02T08:15:01Z');
    const again = await api.post('/v1/token', right, home);
    assert.equal(again.statusCode, 200);
  });

  for (const from of ['the allowlisted address', 'a new address'] as const) {
    test(`25 concurrent wrong passwords from ${from}: at most five are checked, the rest get 429`, async () => {
      // The allowlisted address skips the backoff, so the per-address count alone must hold.
      const target = await h.fixtures.apiOrganisation({ allowIps: ['192.0.2.0/24'] });
      const api = new ApiClient(h);
      const remoteAddress = from === 'a new address' ? '198.18.0.25' : '192.0.2.25';
      const responses = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          api.post('/v1/token', { username: target.username, password: `wrong-${i}` }, { remoteAddress }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode);
      // 400 "Authentication failed" comes only after a password check; 429 is answered before it.
      const checked = statuses.filter((status) => status === 400).length;
      assert.equal(checked + statuses.filter((status) => status === 429).length, 25, statuses.join());
      // Exactly the limit, not fewer: five from the allowlisted address; from a new one, the
      // per-username backoff lets only the first through at once.
      assert.equal(checked, from === 'a new address' ? 1 : 5, `${checked} passwords checked`);
      for (const response of responses.filter((r) => r.statusCode === 429)) {
        // Refused by the login throttle, not by the per-address request rate limit.
        assert.equal(response.json().reason, 'too many failed logins; try again later');
        assert.ok(Number(response.headers['retry-after']) >= 1);
      }
    });
  }

  test('an attacker elsewhere cannot keep the allowlisted integration from its token', async () => {
    const owner = await h.fixtures.apiOrganisation({ allowIps: ['192.0.2.0/24'] });
    const api = new ApiClient(h);
    let refusedAttacks = 0;
    for (let minute = 0; minute < 20; minute++) {
      h.setNow(new Date(Date.parse('2026-03-02T08:00:00Z') + minute * 60_000));
      for (let i = 0; i < 5; i++) {
        const attack = await tokenAttempt(api, owner, `guess-${minute}-${i}`, `198.51.100.${minute * 5 + i}`);
        assert.ok([400, 429].includes(attack.statusCode), String(attack.statusCode));
        if (attack.statusCode === 429) refusedAttacks += 1;
      }
      const integration = await tokenAttempt(api, owner, owner.password, '192.0.2.10');
      assert.equal(integration.statusCode, 200, `minute ${minute}`);
    }
    assert.ok(refusedAttacks > 50, `only ${refusedAttacks} of 100 guesses were slowed down`);
  });

  test('without an allowlist, an address that has logged in before is not slowed down by an attack', async () => {
    const owner = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    const integration = { remoteAddress: '203.0.113.9' };
    await tokenAttempt(api, owner, owner.password, integration.remoteAddress);
    for (let i = 0; i < 30; i++) {
      await tokenAttempt(api, owner, `guess-${i}`, `198.51.101.${i}`);
    }
    const stranger = await tokenAttempt(api, owner, owner.password, '203.0.113.200');
    assert.equal(stranger.statusCode, 429, 'a new address waits for the backoff');
    const known = await tokenAttempt(api, owner, owner.password, integration.remoteAddress);
    assert.equal(known.statusCode, 200);
  });

  test('attempts from untrusted addresses wait longer each time: 1 s, 2 s, 4 s … at most 5 minutes', async () => {
    const target = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    let now = Date.parse('2026-03-02T08:00:00Z');
    let address = 0;
    const attempt = () =>
      // A new address every time, so only the per-username backoff is at work.
      tokenAttempt(api, target, 'not-the-password', `198.51.102.${(address += 1)}`);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      h.setNow(new Date(now));
      assert.equal((await attempt()).statusCode, 400, `attempt ${i + 1} is let through`);
      const refused = await attempt();
      assert.equal(refused.statusCode, 429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      // One second short of the wait is still refused.
      h.setNow(new Date(now + (wait - 1) * 1000));
      if (wait > 1) assert.equal((await attempt()).statusCode, 429);
      now += wait * 1000;
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    // Fifteen minutes without attempts and the count starts again.
    h.setNow(new Date(now + 15 * 60_000));
    assert.equal((await attempt()).statusCode, 400);
    assert.equal(Number((await attempt()).headers['retry-after']), 1);
  });

  test('the worker purges throttling rows that no longer matter and keeps addresses that logged in', async () => {
    const target = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    const home = { remoteAddress: '203.0.113.60' };
    await tokenAttempt(api, target, target.password, home.remoteAddress);
    // A second later, so that the new address's attempt is not held back by the backoff.
    h.setNow('2026-03-02T08:00:01Z');
    await tokenAttempt(api, target, 'wrong', '198.51.103.1');
    const rows = async () => {
      const db = h.context.database.db;
      const attempts = await db
        .selectFrom('api_login_attempts')
        .select('client_address')
        .where('username', '=', target.username)
        .orderBy('client_address')
        .execute();
      const backoff = await db
        .selectFrom('api_login_backoff')
        .select('attempts')
        .where('username', '=', target.username)
        .execute();
      return { attempts: attempts.map((row) => row.client_address), backoff: backoff.length };
    };
    assert.deepEqual(await rows(), { attempts: ['198.51.103.1', '203.0.113.60'], backoff: 1 });
    h.setNow('2026-03-02T08:15:02Z');
    await h.services.messaging.purgeExpired();
    assert.deepEqual(await rows(), { attempts: ['203.0.113.60'], backoff: 0 });
    h.setNow('2026-04-02T08:00:01Z');
    await h.services.messaging.purgeExpired();
    assert.deepEqual(await rows(), { attempts: [], backoff: 0 });
  });

  test('change-password enforces the policy, then the new password works and old tokens stop', async () => {
    const owner = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    const token = await api.login(owner);
    const weak = await api.post('/v1/change-password', {
      accessToken: token,
      currentPassword: owner.password,
      newPassword: 'short-Password-1!',
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.json<{ reason: string }>().reason, /^newPassword: /);
    const noSymbol = await api.post('/v1/change-password', {
      accessToken: token,
      currentPassword: owner.password,
      newPassword: 'Aa1' + 'b'.repeat(40),
    });
    assert.equal(noSymbol.statusCode, 400);
    const wrongCurrent = await api.post('/v1/change-password', {
      accessToken: token,
      currentPassword: 'not-it',
      newPassword: 'A-new-Password-that-is-long-enough-42!',
    });
    assert.equal(wrongCurrent.statusCode, 400);
    const badToken = await api.post('/v1/change-password', {
      accessToken: 'nope',
      currentPassword: owner.password,
      newPassword: 'A-new-Password-that-is-long-enough-42!',
    });
    assert.equal(badToken.statusCode, 400);
    const newPassword = 'A-new-Password-that-is-long-enough-42!';
    h.setNow('2026-03-02T08:01:00Z');
    const changed = await api.post('/v1/change-password', {
      accessToken: token,
      currentPassword: owner.password,
      newPassword,
    });
    assert.equal(changed.statusCode, 200);
    assert.deepEqual(changed.json(), {});
    const oldToken = await api.post('/v1/mailboxes/active', { endUsers: [{ id: '270570-901K' }] });
    assert.equal(oldToken.statusCode, 401);
    const oldPassword = await api.post('/v1/token', { username: owner.username, password: owner.password });
    assert.equal(oldPassword.statusCode, 400);
    const fresh = await api.login({ username: owner.username, password: newPassword });
    const tooSoon = await api.post('/v1/change-password', {
      accessToken: fresh,
      currentPassword: newPassword,
      newPassword: 'Yet-another-Password-long-enough-43!',
    });
    assert.equal(tooSoon.statusCode, 400);
    assert.match(tooSoon.json<{ reason: string }>().reason, /15 minutes/);
  });

  test('the IP allowlist is enforced, through a trusted proxy too', async () => {
    // In-process requests come from 127.0.0.1, standing in for the proxy.
    const proxied = await createHarness({ env: { TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' } });
    try {
      const limited = await proxied.fixtures.apiOrganisation({ allowIps: ['192.0.2.0/24', '2001:db8::/32'] });
      const api = new ApiClient(proxied);
      const fromOutside = await tokenAttemptForwardedFor(api, limited, '198.51.100.7');
      assert.equal(fromOutside.statusCode, 403);
      const fromInside = await tokenAttemptForwardedFor(api, limited, '192.0.2.44');
      assert.equal(fromInside.statusCode, 200);
      api.token = fromInside.json<{ access_token: string }>().access_token;
      const usedElsewhere = await proxied.app.inject({
        method: 'POST',
        url: '/v1/mailboxes/active',
        headers: { authorization: `Bearer ${api.token}`, 'x-forwarded-for': '198.51.100.7' },
        payload: { endUsers: [{ id: '270570-901K' }] },
      });
      assert.equal(usedElsewhere.statusCode, 403);

      // Straight to the backend, not through a proxy: a forged X-Forwarded-For is not believed.
      const useToken = (headers: Record<string, string>, remoteAddress?: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/v1/mailboxes/active',
          headers: { authorization: `Bearer ${api.token}`, ...headers },
          payload: { endUsers: [{ id: '270570-901K' }] },
          ...(remoteAddress ? { remoteAddress } : {}),
        });
      assert.equal((await useToken({ 'x-forwarded-for': '192.0.2.44' }, '198.51.100.9')).statusCode, 403);
      // A proxy behind a proxy: both trusted, the client is the first untrusted address.
      assert.equal((await useToken({ 'x-forwarded-for': '192.0.2.45, 10.1.2.3' })).statusCode, 200);
      assert.equal((await useToken({ 'x-forwarded-for': '192.0.2.45, 198.51.100.1' })).statusCode, 403);
    } finally {
      await proxied.close();
    }
    // Without a trusted proxy, X-Forwarded-For is ignored: the socket address (127.0.0.1) decides.
    const limited = await h.fixtures.apiOrganisation({ allowIps: ['192.0.2.0/24'] });
    const api = new ApiClient(h);
    const spoofed = await tokenAttemptForwardedFor(api, limited, '192.0.2.44');
    assert.equal(spoofed.statusCode, 403);
  });
});
