import type * as OpenIdClient from 'openid-client';

/**
 * openid-client is loaded on first use (the first login), so commands that merely wire up the
 * services (operator commands, the worker) do not pay for loading it.
 */
export const openIdClient = (): Promise<typeof OpenIdClient> => import('openid-client');

/** Where and how to reach an OpenID Provider. */
export interface ProviderSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /**
   * Plain-http issuer allowed. Only ever true for the bundled test IdP, which runs in this process;
   * a real provider must use https (openid-client refuses http otherwise).
   */
  allowHttp: boolean;
  /** Replaces the network for back-channel calls (the bundled IdP is reached in-process). */
  fetch?: OpenIdClient.CustomFetch;
  /** Ask the provider to identify the person again even if it has a session (prompt=login). */
  forceLogin: boolean;
}

/** What the relying party learned from the provider about the person. */
export interface ProviderClaims {
  identityCode: string | undefined;
  firstNames: string | undefined;
  lastName: string | undefined;
  method: string;
}

/** Names under which providers deliver the Finnish personal identity code. */
const identityCodeClaims = [
  'national_identification_number',
  'personal_identity_code',
  'nationalIdentificationNumber',
  'urn:oid:1.2.246.21',
  'hetu',
];

function stringClaim(claims: Record<string, unknown>, names: string[]): string | undefined {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/**
 * The OpenID Connect client (authorization code flow with PKCE, state and nonce) via openid-client.
 * Discovery happens on first use and is retried after a failure, so a provider that is down at
 * start-up does not keep the service from starting.
 */
export class RelyingParty {
  #configuration: Promise<OpenIdClient.Configuration> | undefined;

  constructor(
    private readonly settings: ProviderSettings,
    private readonly redirectUri: string,
    private readonly postLogoutRedirectUri: string,
  ) {}

  private configuration(): Promise<OpenIdClient.Configuration> {
    this.#configuration ??= this.discover().catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  private async discover(): Promise<OpenIdClient.Configuration> {
    const oidc = await openIdClient();
    const options: OpenIdClient.DiscoveryRequestOptions = {
      ...(this.settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      ...(this.settings.fetch ? { [oidc.customFetch]: this.settings.fetch } : {}),
      timeout: 10,
    };
    return oidc.discovery(
      this.settings.issuer,
      this.settings.clientId,
      this.settings.clientSecret,
      undefined,
      options,
    );
  }

  async authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const oidc = await openIdClient();
    const configuration = await this.configuration();
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    };
    if (this.settings.forceLogin) parameters.prompt = 'login';
    return oidc.buildAuthorizationUrl(configuration, parameters);
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token) and reads the person's claims. */
  async finish(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<ProviderClaims> {
    const oidc = await openIdClient();
    const configuration = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims() as Record<string, unknown> | undefined;
    if (!idClaims) throw new Error('the provider returned no ID token claims');
    let claims: Record<string, unknown> = idClaims;
    if (configuration.serverMetadata().userinfo_endpoint) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, String(idClaims.sub));
      claims = { ...userInfo, ...idClaims };
    }
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((v) => typeof v === 'string') : [];
    return {
      identityCode: stringClaim(claims, identityCodeClaims),
      firstNames: stringClaim(claims, ['given_name']),
      lastName: stringClaim(claims, ['family_name']),
      method: amr.join(' ') || (typeof claims.acr === 'string' ? claims.acr : 'oidc'),
    };
  }

  /** The provider's logout URL, or undefined when it has no end_session endpoint. */
  async endSessionUrl(): Promise<URL | undefined> {
    const oidc = await openIdClient();
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: this.postLogoutRedirectUri,
    });
  }

  get issuer(): URL {
    return this.settings.issuer;
  }
}
