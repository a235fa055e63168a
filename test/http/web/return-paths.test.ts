import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hostileReturnPaths, isPrintableAscii } from '../../helpers/hostile-return-paths.js';
import { CookieJar, loginThroughTestIdp } from '../../helpers/oidc-login.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import { safeReturnPath } from '../../../src/http/return-path.js';

const origin = 'http://localhost:3000';
const kimmo = '270570-901K';

function assertStaysHome(location: unknown, payload: string): void {
  assert.equal(typeof location, 'string', JSON.stringify(payload));
  const value = String(location);
  assert.ok(isPrintableAscii(value), `Location is not printable ASCII for ${JSON.stringify(payload)}`);
  assert.ok(value.startsWith('/') && !value.startsWith('//'), `${JSON.stringify(payload)} → ${value}`);
  assert.equal(new URL(value, origin).origin, origin, `${JSON.stringify(payload)} → ${value}`);
}

describe('return paths never leave the site', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ env: { PUBLIC_URL: origin } });
    await h.fixtures.account({ identityCode: kimmo });
  });
  after(() => h.close());

  test('the one decision: same-origin paths are kept, normalised; everything else is the start page', () => {
    const publicUrl = new URL(origin);
    assert.equal(safeReturnPath('/mailbox/inbox?page=2', publicUrl), '/mailbox/inbox?page=2');
    assert.equal(safeReturnPath('/päätös', publicUrl), '/p%C3%A4%C3%A4t%C3%B6s');
    assert.equal(safeReturnPath('/a/../mailbox', publicUrl), '/mailbox');
    assert.equal(safeReturnPath(undefined, publicUrl), '/');
    assert.equal(safeReturnPath(['/x'], publicUrl), '/');
    for (const payload of hostileReturnPaths) {
      const path = safeReturnPath(payload, publicUrl);
      assertStaysHome(path, payload);
    }
  });

  for (const route of ['/text-size/2', '/language/sv']) {
    test(`${route}?return= with every hostile payload redirects on our origin`, async () => {
      for (const payload of hostileReturnPaths) {
        const response = await h.app.inject({
          method: 'GET',
          url: `${route}?return=${encodeURIComponent(payload)}`,
        });
        assert.ok(
          response.statusCode === 303 || response.statusCode === 400,
          `${payload}: ${response.statusCode}`,
        );
        if (response.statusCode === 303) assertStaysHome(response.headers.location, payload);
      }
    });
  }

  test('/login?return= carries a hostile payload through identification and lands on our origin', async () => {
    // A NUL is refused before identification starts (400), as everywhere.
    const sample = hostileReturnPaths.filter((p) => p.length < 100 && !p.includes('\u0000'));
    const withNul = await h.app.inject({
      method: 'GET',
      url: `/login?return=${encodeURIComponent('/\u0000/x')}`,
    });
    assert.equal(withNul.statusCode, 400);
    for (const [index, payload] of sample.entries()) {
      // Each as its own browser: identification is rate limited per client address.
      const jar = new CookieJar(`10.20.0.${index + 1}`);
      const { landingUrl } = await loginThroughTestIdp(h, kimmo, { returnTo: payload, jar });
      assert.equal(new URL(landingUrl).origin, origin, `${JSON.stringify(payload)} → ${landingUrl}`);
    }
  });

  test('a non-ASCII return path survives the whole login as its percent-encoded form', async () => {
    const { landingUrl } = await loginThroughTestIdp(h, kimmo, {
      returnTo: '/mailbox/inbox?x=€',
      jar: new CookieJar('10.20.1.1'),
    });
    assert.equal(landingUrl, `${origin}/mailbox/inbox?x=%E2%82%AC`);
  });
});
