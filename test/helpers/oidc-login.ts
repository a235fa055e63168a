import assert from 'node:assert/strict';
import type { TestHarness } from './test-app.js';

/** A minimal browser cookie store for inject-driven flows (name, path and deletion are honoured). */
export class CookieJar {
  /** The browser's client address (identification is rate limited per address). */
  constructor(readonly remoteAddress?: string) {}

  private readonly cookies = new Map<string, { value: string; path: string }>();

  update(response: {
    cookies: Array<{ name: string; value: string; path?: string; maxAge?: number; expires?: Date }>;
  }) {
    for (const cookie of response.cookies) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now()) ||
        cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, { value: cookie.value, path: cookie.path ?? '/' });
    }
  }

  set(name: string, value: string): void {
    this.cookies.set(name, { value, path: '/' });
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  header(path: string): string {
    return [...this.cookies.entries()]
      .filter(([, cookie]) => path.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }
}

export interface FlowResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** One request as a browser on the service's public origin would send it, cookies included. */
export async function browserRequest(
  h: TestHarness,
  jar: CookieJar,
  method: 'GET' | 'POST',
  url: string,
  form?: Record<string, string>,
): Promise<FlowResponse & { location: string | undefined }> {
  const target = new URL(url, h.context.config.publicUrl);
  const response = await h.app.inject({
    method,
    url: target.pathname + target.search,
    headers: {
      host: h.context.config.publicUrl.host,
      // As a TLS-terminating proxy would say (only believed from TRUSTED_PROXIES).
      ...(h.context.config.publicUrl.protocol === 'https:' ? { 'x-forwarded-proto': 'https' } : {}),
      cookie: jar.header(target.pathname),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    ...(jar.remoteAddress ? { remoteAddress: jar.remoteAddress } : {}),
  });
  jar.update(response);
  const location = response.headers.location;
  return {
    statusCode: response.statusCode,
    headers: response.headers,
    body: response.body,
    location: typeof location === 'string' ? location : undefined,
  };
}

/** Follows redirects until a page answers; returns it and the URL it came from. */
export async function followRedirects(
  h: TestHarness,
  jar: CookieJar,
  start: FlowResponse & { location: string | undefined },
  from: string,
): Promise<{ response: FlowResponse & { location: string | undefined }; url: string }> {
  let response = start;
  let url = from;
  for (let hops = 0; response.location && response.statusCode >= 300 && response.statusCode < 400; hops++) {
    assert.ok(hops < 10, 'too many redirects');
    url = new URL(response.location, new URL(url, h.context.config.publicUrl)).href;
    response = await browserRequest(h, jar, 'GET', url);
  }
  return { response, url };
}

/**
 * Opens the service's login start `loginUrl` and follows it to the test IdP's page where the method
 * is chosen; resolves with that page's URL (its interaction).
 */
export async function reachTestIdp(h: TestHarness, jar: CookieJar, loginUrl: string): Promise<string> {
  const start = await browserRequest(h, jar, 'GET', loginUrl);
  assert.equal(start.statusCode, 303, start.body);
  const { response: methodPage, url: interactionUrl } = await followRedirects(h, jar, start, loginUrl);
  assert.equal(methodPage.statusCode, 200, methodPage.body);
  assert.match(new URL(interactionUrl).pathname, /^\/test-idp\/interaction\/[\w-]+$/);
  return interactionUrl;
}

/** The absolute URL a redirect answer to `url` sends the browser to; fails when it is no redirect. */
export function redirectTarget(
  h: TestHarness,
  response: FlowResponse & { location: string | undefined },
  url: string,
): string {
  assert.ok(
    response.location,
    `expected a redirect, got ${response.statusCode}: ${response.body.slice(0, 300)}`,
  );
  return new URL(response.location, new URL(url, h.context.config.publicUrl)).href;
}

/** Starts a login at `loginUrl` and follows the redirects to the test IdP's method page. */
export async function openMethodPage(
  h: TestHarness,
  loginUrl = '/login',
  jar: CookieJar = new CookieJar(),
): Promise<{
  jar: CookieJar;
  start: FlowResponse & { location: string | undefined };
  response: FlowResponse;
  url: string;
}> {
  const start = await browserRequest(h, jar, 'GET', loginUrl);
  const { response, url } = await followRedirects(h, jar, start, loginUrl);
  return { jar, start, response, url };
}

/** Presses "Keskeytä" on the test IdP's page at `url` and follows the redirects; resolves with where they end. */
export async function cancelAtTestIdp(h: TestHarness, jar: CookieJar, url: string): Promise<string> {
  const aborted = await browserRequest(h, jar, 'POST', `${url}/abort`);
  return (await followRedirects(h, jar, aborted, `${url}/abort`)).url;
}

/**
 * Identifies through the bundled test IdP exactly as a person would: /login, choose the method, type
 * the identity code, press "Tunnistaudu". Resolves with where the service finally sent the browser.
 */
export async function loginThroughTestIdp(
  h: TestHarness,
  identityCode: string,
  options: {
    method?: string;
    returnTo?: string;
    jar?: CookieJar;
    /** Runs just before the browser returns to /auth/callback (e.g. to plant a cookie). */
    beforeCallback?: (jar: CookieJar) => void;
  } = {},
): Promise<{ jar: CookieJar; landing: string; landingUrl: string; interactionUrl: string }> {
  const jar = options.jar ?? new CookieJar();
  const loginUrl = options.returnTo ? `/login?return=${encodeURIComponent(options.returnTo)}` : '/login';
  const interactionUrl = await reachTestIdp(h, jar, loginUrl);
  const method = options.method ?? 'bank-nordea';
  const codePage = await browserRequest(h, jar, 'GET', `${interactionUrl}?method=${method}`);
  assert.equal(codePage.statusCode, 200, codePage.body);
  const submitted = await browserRequest(h, jar, 'POST', `${interactionUrl}/login`, { method, identityCode });
  assert.equal(submitted.statusCode, 303, submitted.body);
  // Follow back through the IdP to our callback, and stop at the first page of the service.
  let response = submitted;
  let url = `${interactionUrl}/login`;
  for (let hops = 0; ; hops++) {
    assert.ok(hops < 10, 'too many redirects');
    url = redirectTarget(h, response, url);
    const path = new URL(url).pathname;
    if (!path.startsWith('/test-idp') && path !== '/auth/callback') break;
    if (path === '/auth/callback') options.beforeCallback?.(jar);
    response = await browserRequest(h, jar, 'GET', url);
  }
  return { jar, landing: new URL(url).pathname, landingUrl: url, interactionUrl };
}

/**
 * Identifies at the bundled test IdP and follows its redirects up to, but not including, the
 * service's /auth/callback; returns the callback path (with code and state) for the test to send.
 */
export async function identifyUntilCallback(
  h: TestHarness,
  identityCode: string,
  jar: CookieJar = new CookieJar(),
  method = 'card',
): Promise<{ jar: CookieJar; callback: string }> {
  const { url } = await openMethodPage(h, '/login', jar);
  let response = await browserRequest(h, jar, 'POST', `${url}/login`, { method, identityCode });
  for (let hops = 0; response.location; hops++) {
    assert.ok(hops < 10, 'too many redirects');
    const next = new URL(response.location, h.context.config.publicUrl);
    if (next.pathname === '/auth/callback') return { jar, callback: next.pathname + next.search };
    response = await browserRequest(h, jar, 'GET', next.href);
  }
  assert.fail(`the IdP did not redirect to the callback: ${response.statusCode}`);
}
