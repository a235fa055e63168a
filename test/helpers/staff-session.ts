import assert from 'node:assert/strict';
import { staffSessionCookieName } from '../../src/http/plugins/staff-session.js';
import {
  CookieJar,
  browserRequest,
  followRedirects,
  reachTestIdp,
  redirectTarget,
  type FlowResponse,
} from './oidc-login.js';
import type { TestHarness } from './test-app.js';

/** A staff member's browser after signing in: its cookies and the CSRF token of its forms. */
export interface StaffBrowser {
  jar: CookieJar;
  csrfToken: string;
  /** Where the sign-in ended (the start page, the page asked for, or the chooser). */
  landing: string;
  /** The staff session cookie's value. */
  cookie: string;
}

/** The `_csrf` hidden field of a staff page's form (every signed-in staff page has the logout form). */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(match, 'the page has no form with a CSRF token');
  return match[1]!;
}

/**
 * Identifies at the bundled test IdP through the staff client as a person would: /virkailija/kirjaudu,
 * the method, the identity code, "Tunnistaudu", back to /virkailija/auth/callback. Stops at the first
 * page of the service after the callback; returns it and where it is.
 */
export async function identifyAsStaff(
  h: TestHarness,
  identityCode: string,
  options: { returnTo?: string; jar?: CookieJar; method?: string } = {},
): Promise<{ jar: CookieJar; response: FlowResponse & { location: string | undefined }; url: string }> {
  const jar = options.jar ?? new CookieJar();
  const loginUrl = options.returnTo
    ? `/virkailija/kirjaudu?return=${encodeURIComponent(options.returnTo)}`
    : '/virkailija/kirjaudu';
  const interactionUrl = await reachTestIdp(h, jar, loginUrl);
  const method = options.method ?? 'bank-nordea';
  let response = await browserRequest(h, jar, 'POST', `${interactionUrl}/login`, { method, identityCode });
  let url = `${interactionUrl}/login`;
  for (let hops = 0; ; hops++) {
    assert.ok(hops < 10, 'too many redirects');
    url = redirectTarget(h, response, url);
    response = await browserRequest(h, jar, 'GET', url);
    if (new URL(url).pathname === '/virkailija/auth/callback') break;
  }
  return { jar, response, url };
}

/**
 * Signs a staff member in through the real staff OpenID Connect flow (the bundled test IdP) and, for
 * someone who is staff of several organisations, chooses `organisation` (a business ID) on the
 * chooser. The person must have roles (h.services.staff.staff.grant) and be in the register.
 * Resolves with the browser, signed in and acting for an organisation, on its landing page.
 */
export async function signInStaff(
  h: TestHarness,
  identityCode: string,
  organisation?: string,
  options: { returnTo?: string; jar?: CookieJar } = {},
): Promise<StaffBrowser> {
  const { jar, response: callback } = await identifyAsStaff(h, identityCode, options);
  assert.equal(callback.statusCode, 303, callback.body.slice(0, 300));
  let { response, url } = await followRedirects(h, jar, callback, '/virkailija/auth/callback');
  assert.equal(response.statusCode, 200, response.body.slice(0, 300));
  if (new URL(url).pathname === '/virkailija/organisaatio') {
    assert.ok(organisation, 'staff of several organisations: say which one to act for');
    const memberships = await h.services.staff.staff.membershipsOf(identityCode);
    const chosen = memberships.find((m) => m.organisation.businessId === organisation);
    assert.ok(chosen, `not staff of ${organisation}`);
    const form = { _csrf: csrfTokenOf(response.body), organisationId: String(chosen.organisation.id) };
    const returnTo = new URL(url).searchParams.get('return');
    const posted = await browserRequest(h, jar, 'POST', '/virkailija/organisaatio', {
      ...form,
      ...(returnTo ? { return: returnTo } : {}),
    });
    ({ response, url } = await followRedirects(h, jar, posted, '/virkailija/organisaatio'));
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
  }
  const cookie = jar.get(staffSessionCookieName(h.context));
  assert.ok(cookie, 'no staff session cookie');
  return { jar, csrfToken: csrfTokenOf(response.body), landing: new URL(url).pathname, cookie };
}

/** A request as the signed-in staff browser sends it (a form post carries its CSRF token). */
export function staffRequest(
  h: TestHarness,
  staff: StaffBrowser,
  method: 'GET' | 'POST',
  url: string,
  form?: Record<string, string>,
) {
  return browserRequest(
    h,
    staff.jar,
    method,
    url,
    form && method === 'POST' ? { _csrf: staff.csrfToken, ...form } : form,
  );
}
