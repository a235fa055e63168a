import { sessionCookieName } from '../../src/http/plugins/citizen-session.js';
import type { TestHarness } from './test-app.js';

/**
 * Signs a person in for HTTP tests without going through OpenID Connect: creates a real server-side
 * session through the session service, exactly as the login callback does. The person must be in
 * the population register (the demo register unless the harness configured another).
 */
export async function signInAs(
  h: TestHarness,
  identityCode: string,
): Promise<{ cookies: Record<string, string>; csrfToken: string }> {
  const person = await h.context.populationRegister.findByIdentityCode(identityCode);
  if (!person) throw new Error('signInAs: the person is not in the population register');
  const { cookieValue, session } = await h.services.accounts.sessions.createCitizenSession({
    identityCode: person.identityCode,
    firstNames: person.firstNames,
    lastName: person.lastName,
    method: 'test',
  });
  return { cookies: { [sessionCookieName(h.context)]: cookieValue }, csrfToken: session.csrfToken };
}
