import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppContext } from '../../../src/app-context.js';
import { buildApp, type App } from '../../../src/http/app.js';
import { createMetrics } from '../../../src/http/metrics.js';
import { createServices } from '../../../src/services.js';
import { CookieJar } from '../../helpers/oidc-login.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/**
 * Two web processes on one database behind a load balancer that is not sticky: every request of a
 * sign-in goes to the other process than the one before. The bundled test IdP keeps its state and
 * keys in the database, so the sign-in completes.
 */
describe('the test identification service through two web processes', () => {
  let h: TestHarness;
  let second: App;
  before(async () => {
    h = await createHarness();
    const context: AppContext = { ...h.context, metrics: createMetrics() };
    second = await buildApp(context, createServices(context));
    await second.ready();
  });
  after(async () => {
    await second.close();
    await h.close();
  });

  test('each request on the other process: the citizen is signed in', async () => {
    const apps = [h.app, second];
    const jar = new CookieJar();
    let hop = 0;
    const request = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
      const target = new URL(url, h.context.config.publicUrl);
      const response = await apps[hop++ % 2]!.inject({
        method,
        url: target.pathname + target.search,
        headers: {
          cookie: jar.header(target.pathname),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
      });
      jar.update(response);
      return response;
    };
    const follow = async (start: Awaited<ReturnType<typeof request>>, from: string) => {
      let response = start;
      let url = from;
      while (response.statusCode >= 300 && response.statusCode < 400 && response.headers.location) {
        url = new URL(String(response.headers.location), new URL(url, h.context.config.publicUrl)).href;
        if (new URL(url).pathname === '/mailbox/inbox' || new URL(url).pathname === '/account/open') break;
        response = await request('GET', url);
      }
      return { response, url };
    };

    const { response: methods, url: interaction } = await follow(await request('GET', '/login'), '/login');
    assert.equal(methods.statusCode, 200, methods.body.slice(0, 300));
    const codePage = await request('GET', `${interaction}?method=bank-nordea`);
    assert.equal(codePage.statusCode, 200);
    const submitted = await request('POST', `${interaction}/login`, {
      method: 'bank-nordea',
      identityCode: '010180-9026',
    });
    const { url: landing } = await follow(submitted, `${interaction}/login`);
    assert.equal(new URL(landing).pathname, '/account/open', 'signed in, on to opening the account');
    const opening = await request('GET', '/account/open');
    assert.equal(opening.statusCode, 200);
    assert.ok(opening.body.includes('Meikäläinen'));
    assert.ok(hop >= 6, `the sign-in crossed processes ${hop} times`);
  });
});
