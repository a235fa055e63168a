import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { registeredRoutes } from '../../helpers/route-table.js';
import { rowCounts } from '../../helpers/stored-rows.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * ASVS 4.0.3 V13 (API) for the organisation API, over every /v1 and /v2 route the app registers.
 * The contract's status codes, content types and bodies for each operation are
 * test/http/api/contract-walk.test.ts (13.1.1, 13.2.5 for the declared types); the token sweep and
 * login throttling are test/http/api/auth.test.ts; schema validation of every body is the API
 * fuzzer (13.2.2).
 */
describe(`ASVS V13 API (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let organisation: ApiOrganisation;
  let api: ApiClient;
  let token: string;
  let apiRoutes: Array<{ method: string; url: string }>;

  before(async () => {
    organisation = await h.fixtures.apiOrganisation();
    await h.fixtures.account({ identityCode: persons.kimmo });
    api = new ApiClient(h);
    token = await api.login(organisation);
    apiRoutes = registeredRoutes(h.app)
      .filter((route) => /^\/v[12]\//.test(route.url))
      .map((route) => ({ method: route.method, url: route.url.replace(/:[A-Za-z]+/g, '1') }));
    assert.ok(apiRoutes.length >= 15, 'the API routes were read');
  });

  test('ASVS 13.1.3, 13.2.1: no API answer allows another origin (CORS), and preflights are not granted', async () => {
    const origin = 'https://hyokkaaja.example';
    const granted: string[] = [];
    for (const route of apiRoutes) {
      const preflight = await h.app.inject({
        method: 'OPTIONS',
        url: route.url,
        headers: { origin, 'access-control-request-method': route.method, authorization: `Bearer ${token}` },
      });
      const actual = await h.app.inject({
        method: route.method as 'GET' | 'POST',
        url: route.url,
        headers: { origin, authorization: `Bearer ${token}` },
      });
      for (const [what, response] of [
        ['preflight', preflight],
        ['request', actual],
      ] as const) {
        const allowed = Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
        if (allowed.length > 0) granted.push(`${what} ${route.method} ${route.url}: ${allowed.join(', ')}`);
      }
      if (preflight.statusCode < 400) granted.push(`preflight ${route.url} answered ${preflight.statusCode}`);
    }
    assert.deepEqual(granted, []);
  });

  test('ASVS 13.1.3, 3.5.2: the token is read only from the Authorization header, never from the query string or a cookie', async () => {
    const refused: number[] = [];
    for (const route of apiRoutes.filter((r) => r.method === 'GET')) {
      for (const url of [`${route.url}?access_token=${token}`, `${route.url}?token=${token}`]) {
        refused.push((await h.app.inject({ method: 'GET', url })).statusCode);
      }
      const asCookie = await h.app.inject({
        method: 'GET',
        url: route.url,
        cookies: { access_token: token },
      });
      refused.push(asCookie.statusCode);
    }
    assert.deepEqual(
      refused.filter((status) => status !== 401),
      [],
    );
    // The header still works, so the refusals are the token's place, not the token.
    assert.equal((await api.get('/v2/events')).statusCode, 200);
  });

  test("ASVS 13.2.3, 4.2.2: a citizen's session cookie never authenticates the API, so no cross-site request can use it", async () => {
    const { cookies } = await signInAs(h, persons.kimmo);
    const before = await rowCounts(h);
    // The two that take credentials in the body instead of a token.
    const takesCredentials = new Set(['/v1/token', '/v1/change-password']);
    for (const route of apiRoutes.filter((r) => !takesCredentials.has(r.url))) {
      const response = await h.app.inject({
        method: route.method as 'GET' | 'POST',
        url: route.url,
        cookies,
        ...(route.method === 'POST'
          ? {
              headers: { 'content-type': 'application/json' },
              payload: JSON.stringify(electronicRequest(organisation, persons.kimmo)),
            }
          : {}),
      });
      assert.equal(response.statusCode, 401, `${route.method} ${route.url}`);
    }
    assert.deepEqual(await rowCounts(h), before);
  });

  // text/plain and form bodies are what a cross-site form can send without a preflight: the JSON
  // operation must never read them as JSON (400 or 415, the contract's shape either way).
  test('ASVS 13.2.5: a JSON operation refuses a body of another content type and stores nothing', async () => {
    const before = await rowCounts(h);
    const body = JSON.stringify(electronicRequest(organisation, persons.kimmo));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html']) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/v2/messages/electronic',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        payload: body,
      });
      assert.ok([400, 415].includes(response.statusCode), `${type}: ${response.statusCode} ${response.body}`);
      assert.match(String(response.headers['content-type']), /^application\/json/);
    }
    assert.deepEqual(await rowCounts(h), before);
  });
});
