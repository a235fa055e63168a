import { sessionCookieName } from '../../src/http/plugins/citizen-session.js';
import { recordSecret } from './leak-record.js';
import { type FormFile, multipartForm } from './multipart-form.js';
import type { TestHarness } from './test-app.js';

/** A signed-in browser: its cookies and the CSRF token its forms carry. */
export interface CitizenSession {
  cookies: Record<string, string>;
  csrfToken: string;
}

/**
 * Signs a person in for HTTP tests without going through OpenID Connect: creates a real server-side
 * session through the session service, exactly as the login callback does. The person must be in
 * the population register (the demo register unless the harness configured another).
 */
export async function signInAs(h: TestHarness, identityCode: string): Promise<CitizenSession> {
  const person = await h.context.populationRegister.findByIdentityCode(identityCode);
  if (!person) throw new Error('signInAs: the person is not in the population register');
  const { cookieValue, session } = await h.services.accounts.sessions.createCitizenSession({
    identityCode: person.identityCode,
    firstNames: person.firstNames,
    lastName: person.lastName,
    method: 'test',
  });
  recordSecret('identity code', identityCode);
  recordSecret('token', cookieValue);
  recordSecret('token', session.csrfToken);
  return { cookies: { [sessionCookieName(h.context)]: cookieValue }, csrfToken: session.csrfToken };
}

/** The headers a browser sends with a form: its cookies and the urlencoded content type. */
export function formHeaders(cookies: Record<string, string>) {
  return {
    cookie: Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; '),
    'content-type': 'application/x-www-form-urlencoded',
  };
}

/** Loads a page as the signed-in browser would: with its cookies, and the language switch's cookie if given. */
export function getPage(
  h: TestHarness,
  session: CitizenSession,
  url: string,
  options: { lang?: string | undefined } = {},
) {
  const cookies = options.lang ? { ...session.cookies, lang: options.lang } : session.cookies;
  return h.app.inject({ method: 'GET', url, headers: formHeaders(cookies) });
}

/** Posts a form as the signed-in browser would: with its cookies and its CSRF token. */
export function postForm(h: TestHarness, session: CitizenSession, url: string, form: Record<string, string>) {
  return h.app.inject({
    method: 'POST',
    url,
    headers: formHeaders(session.cookies),
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...form }).toString(),
  });
}

/**
 * Posts a form as a page on another site could make the signed-in browser post it: with its cookies
 * but without the session's CSRF token (the form is sent exactly as given, so it may carry a guessed
 * `_csrf`). The CSRF tests' request: the app must refuse it and store nothing.
 */
export function postForgedForm(
  h: TestHarness,
  session: CitizenSession,
  url: string,
  form: Record<string, string> = {},
) {
  return h.app.inject({
    method: 'POST',
    url,
    headers: formHeaders(session.cookies),
    payload: new URLSearchParams(form).toString(),
  });
}

/**
 * Posts a multipart form as the signed-in browser would: with its cookies, the fields in order (the
 * CSRF token among them, where the page's form has it), then the files.
 */
export function postMultipartForm(
  h: TestHarness,
  session: CitizenSession,
  url: string,
  fields: Array<[string, string]>,
  files: FormFile[] = [],
) {
  const form = multipartForm(fields, files);
  return h.app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    headers: form.headers,
    payload: form.payload,
  });
}
