import type { FederationStatements } from './federation.js';
import type { Logger } from '../../logging/logger.js';
import type { CitizenSignIn, LoginOutcome } from './citizen-sign-in.js';
import type { LoginStateCookie } from './login-state-cookie.js';
import { OidcLogin, type IdentificationUrls } from './oidc-login.js';
import type { ProviderSettings } from './relying-party.js';
import type { RelyingPartyKeys, RelyingPartyKeyStore } from './relying-party-keys.js';
import type { ProviderSession, SessionService } from './session-service.js';

export type { IdentificationUrls };

/** The protocol name under which an OpenID Connect login keeps its ID token with the session. */
const oidcProtocol = 'oidc';

/**
 * Citizen identification: sends the browser to the OpenID Provider and turns its answer into a new
 * server-side session. Identity codes and tokens never reach the log.
 */
export class IdentificationService {
  readonly #login: OidcLogin;

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
    this.#login = new OidcLogin({
      loginState: deps.loginState,
      logger: deps.logger,
      urls: deps.urls,
      provider: deps.provider,
    });
  }

  /** Connects the bundled test IdP (called when its routes are mounted, in test/demo mode only). */
  useProvider(provider: ProviderSettings): void {
    this.#login.useProvider(provider);
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
    return this.#login.available;
  }

  /**
   * Starts a login; the returned cookie value must come back with the callback. Writes nothing to
   * the database: the pending login travels in that (encrypted) cookie.
   */
  begin(returnTo: string, locale: string): Promise<{ loginCookie: string; redirectTo: URL } | undefined> {
    return this.#login.begin(returnTo, locale);
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
    const verified = await this.#login.verify(callbackUrl, loginCookie);
    if (!verified.ok) {
      if (verified.failure) await this.deps.signIn.recordFailure(verified.failure, requestId);
      return { ok: false, reason: verified.reason };
    }
    const { claims } = verified;
    // The ID token is kept (sealed with the session, never logged) only for id_token_hint at logout.
    const provider: ProviderSession | undefined = claims.idToken
      ? { protocol: oidcProtocol, idToken: claims.idToken }
      : undefined;
    return this.deps.signIn.signIn({ ...claims, provider }, verified.returnTo, requestId);
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
    if (provider && provider.protocol !== oidcProtocol) {
      return { redirectTo: this.deps.urls.postLogoutRedirectUri };
    }
    return { redirectTo: await this.#login.logoutUrl(provider?.idToken) };
  }
}

export type { ProviderSession };
