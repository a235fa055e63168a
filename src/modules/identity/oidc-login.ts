import type { Logger } from '../../logging/logger.js';
import type { IdentificationFailure } from './identification-audit.js';
import type { LoginStateCookie } from './login-state-cookie.js';
import {
  AssuranceTooLowError,
  RelyingParty,
  openIdClient,
  type ProviderClaims,
  type ProviderSettings,
} from './relying-party.js';

export interface IdentificationUrls {
  redirectUri: string;
  /** Our "you are logged out" page, where the provider returns the browser after its logout. */
  postLogoutRedirectUri: string;
}

/** The provider's verified answer, or why there is none (with what to audit, if anything). */
export type VerifiedLogin =
  | { ok: true; claims: ProviderClaims; returnTo: string }
  | {
      ok: false;
      reason: 'cancelled' | 'insufficient-assurance' | 'failed';
      /** What to audit as a failed identification; undefined when none was attempted (stray callback). */
      failure: IdentificationFailure | undefined;
    };

/**
 * One OpenID Connect client's login: sends the browser to the provider (state, nonce and PKCE in the
 * sealed login cookie) and verifies its answer. Who signs in after that is the caller's business:
 * citizens (IdentificationService) and staff (the staff module) each have their own client, redirect
 * URI and login cookie, and share this code. Identity codes and tokens never reach the log.
 */
export class OidcLogin {
  #relyingParty: RelyingParty | undefined;

  constructor(
    private readonly deps: {
      loginState: LoginStateCookie;
      logger: Logger;
      urls: IdentificationUrls;
      /** Absent in test mode until the bundled test IdP connects (useProvider). */
      provider: ProviderSettings | undefined;
    },
  ) {
    if (deps.provider) this.#relyingParty = this.relyingPartyFor(deps.provider);
  }

  /** Connects the bundled test IdP (called when its routes are mounted, in test/demo mode only). */
  useProvider(provider: ProviderSettings): void {
    this.#relyingParty = this.relyingPartyFor(provider);
  }

  private relyingPartyFor(settings: ProviderSettings): RelyingParty {
    const { redirectUri, postLogoutRedirectUri } = this.deps.urls;
    return new RelyingParty({ settings, redirectUri, postLogoutRedirectUri });
  }

  get available(): boolean {
    return this.#relyingParty !== undefined;
  }

  get urls(): IdentificationUrls {
    return this.deps.urls;
  }

  /**
   * Starts a login; the returned cookie value must come back with the callback. Writes nothing to
   * the database: the pending login travels in that (encrypted) cookie.
   */
  async begin(
    returnTo: string,
    locale: string,
  ): Promise<{ loginCookie: string; redirectTo: URL } | undefined> {
    const relyingParty = this.#relyingParty;
    if (!relyingParty) return undefined;
    const oidc = await openIdClient();
    const checks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    let redirectTo: URL;
    try {
      redirectTo = await relyingParty.authorizationUrl(checks, locale);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'identification provider unreachable');
      return undefined;
    }
    const loginCookie = this.deps.loginState.seal({ ...checks, returnTo });
    return { loginCookie, redirectTo };
  }

  /**
   * Verifies the provider's redirect. The caller clears the login cookie whatever the outcome; a
   * tampered, expired or missing one is a failed login, never an error. A callback without a
   * pending login (a stray or replayed request, which anyone can send) is only logged.
   */
  async verify(callbackUrl: URL, loginCookie: string | undefined): Promise<VerifiedLogin> {
    const login = this.deps.loginState.open(loginCookie);
    const relyingParty = this.#relyingParty;
    if (!login || !relyingParty) {
      this.deps.logger.info('login callback without a pending login');
      return { ok: false, reason: 'failed', failure: undefined };
    }
    const error = callbackUrl.searchParams.get('error');
    if (error) {
      this.deps.logger.info({ providerError: error.slice(0, 64) }, 'identification not completed');
      const cancelled = error === 'access_denied';
      return cancelled
        ? { ok: false, reason: 'cancelled', failure: 'cancelled' }
        : { ok: false, reason: 'failed', failure: 'provider-error' };
    }
    try {
      return { ok: true, claims: await relyingParty.finish(callbackUrl, login), returnTo: login.returnTo };
    } catch (cause) {
      this.deps.logger.warn({ err: cause }, 'identification response rejected');
      if (cause instanceof AssuranceTooLowError) {
        return { ok: false, reason: 'insufficient-assurance', failure: 'insufficient-assurance' };
      }
      return { ok: false, reason: 'failed', failure: 'rejected' };
    }
  }

  /**
   * Where to send the browser after our session ended: the provider's logout (RP-initiated, with
   * the session's ID token as id_token_hint) when it has one and can be reached, else our own
   * logged-out page.
   */
  async logoutUrl(idTokenHint: string | undefined): Promise<string> {
    const loggedOut = this.deps.urls.postLogoutRedirectUri;
    const relyingParty = this.#relyingParty;
    if (!relyingParty) return loggedOut;
    try {
      return (await relyingParty.endSessionUrl(idTokenHint))?.href ?? loggedOut;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'identification provider unreachable at logout');
      return loggedOut;
    }
  }
}
