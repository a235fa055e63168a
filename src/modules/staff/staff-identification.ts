import type { OidcLogin } from '../identity/index.js';
import type { StaffSessionService, StaffSignInOutcome } from './staff-session-service.js';

export type StaffLoginOutcome =
  | (StaffSignInOutcome & { ok: true; returnTo: string })
  | { ok: false; reason: 'not-staff' | 'cancelled' | 'insufficient-assurance' | 'failed' };

/**
 * Staff identification: the staff client's OpenID Connect login (the identity module's relying-party
 * code, with its own client id, redirect URI and login cookie), then a staff session.
 */
export class StaffIdentificationService {
  constructor(private readonly deps: { login: OidcLogin; sessions: StaffSessionService }) {}

  get login(): OidcLogin {
    return this.deps.login;
  }

  get available(): boolean {
    return this.deps.login.available;
  }

  begin(returnTo: string, locale: string): Promise<{ loginCookie: string; redirectTo: URL } | undefined> {
    return this.deps.login.begin(returnTo, locale);
  }

  /** Completes a login from the provider's redirect (the caller clears the login cookie). */
  async complete(
    callbackUrl: URL,
    loginCookie: string | undefined,
    requestId?: string,
  ): Promise<StaffLoginOutcome> {
    const verified = await this.deps.login.verify(callbackUrl, loginCookie);
    if (!verified.ok) {
      if (verified.failure) await this.deps.sessions.recordFailure(verified.failure, requestId);
      return { ok: false, reason: verified.reason };
    }
    const outcome = await this.deps.sessions.signIn(verified.claims, requestId);
    return outcome.ok ? { ...outcome, returnTo: verified.returnTo } : outcome;
  }

  /** Ends the staff session (audited); answers where the browser goes next (the provider's logout). */
  async logout(cookieValue: string | undefined, requestId?: string): Promise<{ redirectTo: string }> {
    const { idToken } = await this.deps.sessions.logout(cookieValue, requestId);
    return { redirectTo: await this.deps.login.logoutUrl(idToken) };
  }
}
