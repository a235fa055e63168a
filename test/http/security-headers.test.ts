import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../helpers/api-client.js';
import { signInAs } from '../helpers/citizen-session.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

const kimmo = '270570-901K';
const maija = '010180-9026';

describe('security headers and caching', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ env: { PUBLIC_URL: 'http://localhost:3000' } });
  });
  after(() => h.close());

  test('every page a signed-in citizen sees is no-store, the opening form and settings included', async () => {
    await h.fixtures.account({ identityCode: kimmo });
    const withAccount = await signInAs(h, kimmo);
    for (const url of ['/mailbox/inbox', '/settings', '/settings/close', '/mailbox/new', '/']) {
      const response = await h.app.inject({ method: 'GET', url, cookies: withAccount.cookies });
      assert.ok(response.statusCode < 400, `${url}: ${response.statusCode}`);
      assert.match(String(response.headers['cache-control']), /no-store/, url);
    }
    const withoutAccount = await signInAs(h, maija);
    const opening = await h.app.inject({
      method: 'GET',
      url: '/account/open',
      cookies: withoutAccount.cookies,
    });
    assert.equal(opening.statusCode, 200);
    assert.match(String(opening.headers['cache-control']), /no-store/);
  });

  test('the token endpoint and API answers are no-store (RFC 6749 5.1)', async () => {
    const organisation = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    const token = await api.post('/v1/token', {
      username: organisation.username,
      password: organisation.password,
    });
    assert.equal(token.statusCode, 200);
    assert.equal(token.headers['cache-control'], 'no-store');
    api.token = token.json<{ access_token: string }>().access_token;
    const events = await api.get('/v2/events');
    assert.equal(events.headers['cache-control'], 'no-store');
  });

  test('static assets stay cacheable', async () => {
    const css = await h.app.inject({ method: 'GET', url: '/assets/site.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['cache-control']), /max-age=/);
  });

  test('framing is refused consistently, features are denied, and no HSTS over plain http', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/' });
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.match(String(response.headers['permissions-policy']), /camera=\(\)/);
    assert.match(String(response.headers['permissions-policy']), /geolocation=\(\)/);
    assert.equal(response.headers['strict-transport-security'], undefined);
  });

  test('HSTS is sent when the service is reached over https', async () => {
    const secure = await createHarness({ env: { PUBLIC_URL: 'https://asiointi.example.fi' } });
    try {
      const response = await secure.app.inject({ method: 'GET', url: '/' });
      assert.match(String(response.headers['strict-transport-security']), /max-age=31536000/);
    } finally {
      await secure.close();
    }
  });
});

describe('/metrics is not public', () => {
  test('without METRICS_TOKEN the main port does not serve it', async () => {
    const h = await createHarness();
    try {
      const response = await h.app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, /process_cpu/);
    } finally {
      await h.close();
    }
  });

  test('with METRICS_TOKEN only the bearer of the token gets it', async () => {
    const token = 'metrics-token-for-the-test-0123456789';
    const h = await createHarness({ env: { METRICS_TOKEN: token } });
    try {
      for (const authorization of [undefined, 'Bearer wrong-token', token, `Basic ${token}`]) {
        const response = await h.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
        assert.equal(response.statusCode, 404, String(authorization));
      }
      const response = await h.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /process_cpu_user_seconds_total/);
    } finally {
      await h.close();
    }
  });
});
