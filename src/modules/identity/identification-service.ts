import type { FederationStatements } from './federation.js';
import type { Logger } from '../../logging/logger.js';
import type { CitizenSignIn, LoginOutcome } from './citizen-sign-in.js';
import type { LoginStateCookie } from './login-state-cookie.js';
import { AssuranceTooLowError, RelyingParty, openIdClient, type ProviderSettings } from './relying-party.js';
import type { RelyingPartyKeys, RelyingPartyKeyStore } from './relying-party-keys.js';
import type { ProviderSession, SessionService } from './session-service.js';

export interface IdentificationUrls {
  redirectUri: string;
  /** Our "you are logged out" page, where the provider returns the browser after its logout. */
  postLogoutRedirectUri: string;
}

/** The protocol name under which an OpenID Connect login keeps its ID token with the session. */
const oidcProtocol = 'oidc';

/**
 * Citizen identification: sends the browser to the OpenID Provider and turns its answer into a new
 * server-side session. Identity codes and tokens never reach the log.
 */
export class IdentificationService {
  #relyingParty: RelyingParty | undefined;

  constructor(
    private readonly deps: {
      sessions: SessionService;
      loginState: LoginStateCookie;
      /** The step after the provider's answer is verified, shared with SAML. */
      signIn: CitizenSignIn;
      logger: Logger;
      urls: IdentificationUrls;
      /** From OIDC_*; absent in test mode until the bundled test IdP connects (useProvider). */
      provider: ProviderSettings | undefined;
      /** Our FTN profile keys (published at /oidc/jwks.json), when that profile is in use. */
      relyingPartyKeys?: RelyingPartyKeyStore | undefined;
      /** Our OpenID Federation statements, when a federation entity key is configured. */
      federation?: FederationStatements | undefined;
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

  /**
   * Our FTN profile keys as they are now (published at /oidc/jwks.json), when that profile is in use;
   * they follow `keys oidc rotate` and `retire` without a restart (RelyingPartyKeyStore).
   */
  get relyingPartyKeys(): RelyingPartyKeys | undefined {
    return this.deps.relyingPartyKeys?.current();
  }

  /** Where our FTN profile keys come from (the bundled test IdP's client profile uses it too). */
  get relyingPartyKeyStore(): RelyingPartyKeyStore | undefined {
    return this.deps.relyingPartyKeys;
  }

  /** Our OpenID Federation statements (entity configuration, signed JWKS), when configured. */
  get federation(): FederationStatements | undefined {
    return this.deps.federation;
  }

  get available(): boolean {
    return this.#relyingParty !== undefined;
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
   * Completes a login from the provider's redirect. The caller clears the login cookie whatever the
   * outcome; a tampered, expired or missing one is a failed login, never an error.
   *
   * A sign-in is audited with the session it creates; an identification that came back from the
   * provider without one is audited as failed. A callback without a pending login (a stray or
   * replayed request, which anyone can send) is only logged: no identification was attempted.
   */
  async complete(
    callbackUrl: URL,
    loginCookie: string | undefined,
    requestId?: string,
  ): Promise<LoginOutcome> {
    const login = this.deps.loginState.open(loginCookie);
    const relyingParty = this.#relyingParty;
    if (!login || !relyingParty) {
      this.deps.logger.info('login callback without a pending login');
      return { ok: false, reason: 'failed' };
    }
    const error = callbackUrl.searchParams.get('error');
    if (error) {
      this.deps.logger.info({ providerError: error.slice(0, 64) }, 'identification not completed');
      const cancelled = error === 'access_denied';
      await this.deps.signIn.recordFailure(cancelled ? 'cancelled' : 'provider-error', requestId);
      return { ok: false, reason: cancelled ? 'cancelled' : 'failed' };
    }
    let claims;
    try {
      claims = await relyingParty.finish(callbackUrl, login);
    } catch (cause) {
      this.deps.logger.warn({ err: cause }, 'identification response rejected');
      if (cause instanceof AssuranceTooLowError) {
        await this.deps.signIn.recordFailure('insufficient-assurance', requestId);
        return { ok: false, reason: 'insufficient-assurance' };
      }
      await this.deps.signIn.recordFailure('rejected', requestId);
      return { ok: false, reason: 'failed' };
    }
    // The ID token is kept (sealed with the session, never logged) only for id_token_hint at logout.
    const provider: ProviderSession | undefined = claims.idToken
      ? { protocol: oidcProtocol, idToken: claims.idToken }
      : undefined;
    return this.deps.signIn.signIn({ ...claims, provider }, login.returnTo, requestId);
  }

  /**
   * The person logs out: our session ends (audited), and the answer says where to send the browser
   * next. This is the seam for single logout: with a provider that can end its own session
   * (OpenID Connect RP-initiated logout: an end_session endpoint) the browser goes there, with the
   * session's ID token as id_token_hint, and the provider returns it to postLogoutRedirectUri;
   * otherwise, or when the provider cannot be reached, straight to that page. Another protocol
   * plugs in by leaving its own ProviderSession with the session and answering for it here.
   */
  async logout(cookieValue: string | undefined, requestId?: string): Promise<{ redirectTo: string }> {
    const provider = await this.deps.sessions.logout(cookieValue, requestId);
    const loggedOut = this.deps.urls.postLogoutRedirectUri;
    const relyingParty = this.#relyingParty;
    if (!relyingParty || (provider && provider.protocol !== oidcProtocol)) return { redirectTo: loggedOut };
    try {
      const endSession = await relyingParty.endSessionUrl(provider?.idToken);
      return { redirectTo: endSession?.href ?? loggedOut };
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'identification provider unreachable at logout');
      return { redirectTo: loggedOut };
    }
  }
}

export type { ProviderSession };
