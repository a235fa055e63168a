import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { createOrganisation, testCredentialService, type TestOrganisation } from '../../helpers/factories.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

describe('organisation API: tokens, passwords, throttling, IP allowlist', () => {
  let h: TestHarness;
  let org: TestOrganisation;
  before(async () => {
    h = await createHarness({ now: '2026-03-02T08:00:00Z', env: { API_TOKEN_TTL_SECONDS: '600' } });
    org = await createOrganisation(h);
  });
  after(() => h.close());

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
    h.setNow('2026-03-02T08:00:00Z');
  });

  test('every endpoint but /v1/token needs a valid token', async () => {
    const api = new ApiClient(h);
    for (const [method, url] of [
      ['POST', '/v1/mailboxes/active'],
      ['POST', '/v2/messages'],
      ['POST', '/v2/messages/electronic'],
      ['POST', '/v2/paper-mail-without-id'],
      ['POST', '/v2/attachments'],
      ['GET', '/v2/events'],
      ['GET', '/v1/messages/id?externalId=x'],
      ['GET', '/v1/messages/1/state'],
      ['GET', '/v2/messages/1'],
      ['GET', '/v1/attachments/2b0c2c8e-3c1e-4a35-9d55-1c1d1f1f1f1f'],
    ] as const) {
      for (const token of [null, 'not-a-token']) {
        const response =
          method === 'GET'
            ? await api.get(url, { token })
            : await api.post(url, {}, { token, unchecked: url === '/v2/attachments' });
        assert.equal(response.statusCode, 401, `${method} ${url} with ${token}`);
        assert.equal(typeof response.json().reason, 'string');
      }
    }
  });

  test('wrong password, unknown user and revoked credentials all answer "Authentication failed"', async () => {
    const api = new ApiClient(h);
    const other = await createOrganisation(h);
    await testCredentialService(h).revoke(other.username);
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
    const other = await createOrganisation(h);
    const api = new ApiClient(h);
    await api.login(other);
    await testCredentialService(h).revoke(other.username);
    const response = await api.post('/v1/mailboxes/active', { endUsers: [{ id: '270570-901K' }] });
    assert.equal(response.statusCode, 401);
  });

  test('repeated failed logins are throttled per username with 429 and Retry-After, kept in the database', async () => {
    const victim = await createOrganisation(h);
    const api = new ApiClient(h);
    for (let i = 0; i < 5; i++) {
      const response = await api.post('/v1/token', { username: victim.username, password: `wrong-${i}` });
      assert.equal(response.statusCode, 400);
    }
    h.setNow('2026-03-02T08:05:00Z');
    const throttled = await api.post('/v1/token', { username: victim.username, password: victim.password });
    assert.equal(throttled.statusCode, 429);
    const retryAfter = Number(throttled.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 600, `Retry-After ${retryAfter}`);
    // Another web process sees the same count: a second app on the same database refuses too.
    const failures = await h.context.database.db
      .selectFrom('api_login_failures')
      .select('id')
      .where('username', '=', victim.username)
      .execute();
    assert.equal(failures.length, 5);
    // Other usernames are unaffected.
    const fine = await api.post('/v1/token', { username: org.username, password: org.password });
    assert.equal(fine.statusCode, 200);
    h.setNow('2026-03-02T08:15:01Z');
    const again = await api.post('/v1/token', { username: victim.username, password: victim.password });
    assert.equal(again.statusCode, 200);
    h.setNow('2026-03-02T08:00:00Z');
  });

  test('change-password enforces the policy, then the new password works and old tokens stop', async () => {
    const owner = await createOrganisation(h);
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
    h.setNow('2026-03-02T08:00:00Z');
  });

  test('the IP allowlist is enforced, through a trusted proxy too', async () => {
    const proxied = await createHarness({ env: { TRUST_PROXY_HOPS: '1' } });
    try {
      const limited = await createOrganisation(proxied, { allowIps: ['192.0.2.0/24', '2001:db8::/32'] });
      const api = new ApiClient(proxied);
      const fromOutside = await api.post(
        '/v1/token',
        { username: limited.username, password: limited.password },
        { headers: { 'x-forwarded-for': '198.51.100.7' } },
      );
      assert.equal(fromOutside.statusCode, 403);
      const fromInside = await api.post(
        '/v1/token',
        { username: limited.username, password: limited.password },
        { headers: { 'x-forwarded-for': '192.0.2.44' } },
      );
      assert.equal(fromInside.statusCode, 200);
      api.token = fromInside.json<{ access_token: string }>().access_token;
      const usedElsewhere = await proxied.app.inject({
        method: 'POST',
        url: '/v1/mailboxes/active',
        headers: { authorization: `Bearer ${api.token}`, 'x-forwarded-for': '198.51.100.7' },
        payload: { endUsers: [{ id: '270570-901K' }] },
      });
      assert.equal(usedElsewhere.statusCode, 403);
    } finally {
      await proxied.close();
    }
    // Without a trusted proxy, X-Forwarded-For is ignored: the socket address (127.0.0.1) decides.
    const limited = await createOrganisation(h, { allowIps: ['192.0.2.0/24'] });
    const api = new ApiClient(h);
    const spoofed = await api.post(
      '/v1/token',
      { username: limited.username, password: limited.password },
      { headers: { 'x-forwarded-for': '192.0.2.44' } },
    );
    assert.equal(spoofed.statusCode, 403);
  });
});
