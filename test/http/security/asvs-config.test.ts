import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { staffSessionCookieName } from '../../../src/http/plugins/staff-session.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons, staffPersons } from '../../helpers/fixtures.js';
import { registeredRoutes, type RegisteredRoute } from '../../helpers/route-table.js';
import { grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';

/**
 * ASVS 4.0.3 V14 (configuration), swept over every route the app registers, so a route added later
 * is checked without being listed: 14.5.1 (only the declared methods are served), 14.3.2 and 14.3.3
 * (nothing names the server software or its version), 14.4.1 (every answer declares its content
 * type, text with its charset), 14.4.3–14.4.7 (every page carries the security headers). The values of those
 * headers, HSTS over https and the caching of assets are test/http/security-headers.test.ts.
 */

/** The bundled test identification service (oidc-provider, test and demo mode only) takes every method itself. */
const ownedByTestIdp = (url: string) => url.startsWith('/test-idp');

/** A concrete path for a route: each parameter filled with a value of the right shape. */
function concrete(url: string): string {
  return url
    .replace(/:businessId\.pdf/, '0000000-0.pdf')
    .replace(/:locale/, 'fi')
    .replace(/:size/, '1')
    .replace(/:[A-Za-z]+/g, '1')
    .replace(/\*$/, '');
}

const unsafeOrUnused = ['TRACE', 'PUT', 'DELETE', 'PATCH', 'CONNECT', 'OPTIONS'] as const;

describe('ASVS V14 configuration', () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let routes: RegisteredRoute[];
  let paths: string[];

  before(() => {
    routes = registeredRoutes(h.app).filter((route) => !ownedByTestIdp(route.url));
    paths = [...new Set(routes.map((route) => route.url))];
    assert.ok(paths.length > 50, 'the route table was read');
  });

  test('ASVS 14.5.1: methods a route does not declare (TRACE, PUT, DELETE, PATCH, CONNECT, OPTIONS) are refused on every path', async () => {
    const wrong: string[] = [];
    for (const path of paths) {
      const declared = new Set(routes.filter((route) => route.url === path).map((route) => route.method));
      for (const method of unsafeOrUnused) {
        if (declared.has(method)) continue;
        // light-my-request's type leaves TRACE and CONNECT out; Node sends them as given.
        const response = await h.app.inject({ method: method as 'GET', url: concrete(path) });
        if (![403, 404, 405].includes(response.statusCode)) {
          wrong.push(`${method} ${path} → ${response.statusCode}`);
        }
        // A refusal must not echo the request back (TRACE's cross-site tracing).
        if (method === 'TRACE' && response.body.includes('TRACE ')) wrong.push(`${path} echoes TRACE`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('ASVS 14.3.2, 14.3.3, 14.4.1, 14.4.3–14.4.7: every GET answer names no software, declares its type, and carries the security headers', async () => {
    const problems: string[] = [];
    const gets = routes.filter((route) => route.method === 'GET');
    const visitors = { anonymous: '', citizen: await citizenCookie(), staff: await staffCookie() };
    for (const [visitor, cookie] of Object.entries(visitors)) {
      for (const route of gets) {
        const response = await h.app.inject({
          method: 'GET',
          url: concrete(route.url),
          headers: cookie ? { cookie } : {},
        });
        checkAnswer(`${visitor}: GET ${route.url} (${response.statusCode})`, response, problems);
      }
    }
    assert.deepEqual(problems, []);
  });

  async function citizenCookie() {
    await h.fixtures.account({ identityCode: persons.kimmo });
    const { cookies } = await signInAs(h, persons.kimmo);
    return Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  async function staffCookie() {
    const organisation = await h.fixtures.organisation();
    await grantStaff(h, [
      [staffPersons.jari, organisation, 'admin'],
      [staffPersons.jari, organisation, 'case_worker'],
    ]);
    const staff = await signInStaff(h, staffPersons.jari);
    return `${staffSessionCookieName(h.context)}=${staff.cookie}`;
  }
});

/** What ASVS 14.3.x and 14.4.x ask of one answer; each shortfall is added to `problems`. */
function checkAnswer(
  where: string,
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  problems: string[],
) {
  const headers = response.headers;
  if (response.statusCode >= 500) problems.push(`${where}: a 5xx`);
  for (const name of ['server', 'x-powered-by', 'x-aspnet-version', 'x-runtime']) {
    if (headers[name] !== undefined) problems.push(`${where}: ${name}: ${String(headers[name])}`);
  }
  const anyHeader = Object.values(headers).map(String).join('\n');
  if (/fastify|node\.js|\bnode\/\d|express/i.test(anyHeader)) problems.push(`${where}: names its software`);
  if (/fastify\s*v?\d|node\.js v?\d|at .*\.(ts|js):\d+/i.test(response.body)) {
    problems.push(`${where}: the body names the software or a stack frame`);
  }
  // A redirect has no body to type.
  if (response.statusCode >= 300 && response.statusCode < 400) return;
  const type = String(headers['content-type'] ?? '');
  if (!type) problems.push(`${where}: no Content-Type`);
  // JSON is UTF-8 by definition (RFC 8259 8.1) and the API's types are the contract's.
  if (type.startsWith('text/') && !/charset=utf-8/i.test(type)) {
    problems.push(`${where}: ${type} without charset=utf-8`);
  }
  if (headers['x-content-type-options'] !== 'nosniff') problems.push(`${where}: no nosniff`);
  if (!/same-origin|no-referrer|strict-origin/.test(String(headers['referrer-policy']))) {
    problems.push(`${where}: Referrer-Policy ${String(headers['referrer-policy'])}`);
  }
  if (type.startsWith('text/html')) {
    const csp = String(headers['content-security-policy'] ?? '');
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
      if (!csp.includes(directive)) problems.push(`${where}: CSP without ${directive}`);
    }
    if (/unsafe-inline|unsafe-eval/.test(csp)) problems.push(`${where}: CSP allows inline code`);
  }
}
