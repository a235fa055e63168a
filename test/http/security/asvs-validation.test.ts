import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { staffSessionCookieName } from '../../../src/http/plugins/staff-session.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons, staffPersons } from '../../helpers/fixtures.js';
import { registeredRoutes, type RegisteredRoute } from '../../helpers/route-table.js';
import { rowCounts } from '../../helpers/stored-rows.js';
import { grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * ASVS 4.0.3 V5.1 (input validation): HTTP parameter pollution (5.1.1) over every route of the
 * citizens' and the staff's pages. The rest of V5.1 is held by the seeded fuzzers, which mutate
 * every field of every API operation and web form, duplicate JSON keys and multipart parts among
 * them (5.1.3, 5.1.4: test/http/api/fuzz.test.ts, test/http/web/fuzz-forms.test.ts), the
 * malformed-body tests (test/http/malformed-bodies.test.ts), the deceptive-text refusals
 * (test/http/deceptive-text.test.ts) and the return-path decision (5.1.5:
 * test/http/web/return-paths.test.ts).
 */

/** The bundled test IdP (test and demo mode only) and the API (JSON, no forms) are not pages. */
const notPages = /^\/(v1|v2|test-idp)(\/|$)/;

describe(`ASVS V5.1 input validation (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let pages: RegisteredRoute[];
  const citizen = { cookie: '', csrfToken: '' };
  const staff = { cookie: '', csrfToken: '' };
  let ownMessage: number;

  before(async () => {
    pages = registeredRoutes(h.app).filter((route) => !notPages.test(route.url));
    const organisation = await h.fixtures.organisation();
    const account = await h.fixtures.account({ identityCode: persons.kimmo });
    ownMessage = (await h.fixtures.message({ organisation, accountId: account.id })).messageId;
    const signedIn = await signInAs(h, persons.kimmo);
    citizen.cookie = Object.entries(signedIn.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    citizen.csrfToken = signedIn.csrfToken;
    await grantStaff(h, [
      [staffPersons.jari, organisation, 'admin'],
      [staffPersons.jari, organisation, 'case_worker'],
    ]);
    const browser = await signInStaff(h, staffPersons.jari);
    staff.cookie = `${staffSessionCookieName(h.context)}=${browser.cookie}`;
    staff.csrfToken = browser.csrfToken;
  });

  const as = (url: string) => (url.startsWith('/virkailija') ? staff : citizen);
  const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, String(ownMessage));

  function post(url: string, body: string) {
    return h.app.inject({
      method: 'POST',
      url,
      headers: { cookie: as(url).cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body,
    });
  }

  test('ASVS 5.1.1, 4.2.2: a CSRF token given twice is refused on every POST route, whichever copy is right', async () => {
    const before = await rowCounts(h);
    const accepted: string[] = [];
    for (const route of pages.filter((r) => r.method === 'POST')) {
      const url = concrete(route.url);
      const token = as(url).csrfToken;
      for (const body of [
        `_csrf=${token}&_csrf=${token}`,
        `_csrf=x&_csrf=${token}`,
        `_csrf=${token}&_csrf=x`,
      ]) {
        const response = await post(url, body);
        if (response.statusCode < 400 || response.statusCode >= 500) {
          accepted.push(`${route.url} ${body.replace(token, 'TOKEN')}: ${response.statusCode}`);
        }
      }
    }
    assert.deepEqual(accepted, []);
    assert.deepEqual(await rowCounts(h), before);
    // One copy of the token is taken: the refusals were the duplicates.
    const once = await post(`/mailbox/messages/${ownMessage}/delete`, `_csrf=${citizen.csrfToken}`);
    assert.equal(once.statusCode, 303);
  });

  test('ASVS 5.1.1: repeated query parameters on every page are refused or ignored, never a 5xx', async () => {
    const polluted =
      '?page=1&page=2&notice=a&notice=b&return=/&return=//x.example&service=1&service=x&tila=a&tila=b';
    const failures: string[] = [];
    for (const route of pages.filter((r) => r.method === 'GET' && !r.url.startsWith('/assets'))) {
      const url = concrete(route.url);
      const response = await h.app.inject({
        method: 'GET',
        url: `${url}${polluted}`,
        headers: { cookie: as(url).cookie },
      });
      if (response.statusCode >= 500) failures.push(`${route.url}: ${response.statusCode}`);
      // A repeated return path must not become an open redirect.
      if (/^(https?:)?\/\/x\.example/.test(String(response.headers.location ?? ''))) {
        failures.push(`${route.url}: redirects off-site`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
