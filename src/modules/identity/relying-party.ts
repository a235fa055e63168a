import type * as OpenIdClient from 'openid-client';
import { acrSatisfies } from './assurance-level.js';
import type { RelyingPartyKey, RelyingPartyKeys, RelyingPartyKeyStore } from './relying-party-keys.js';

/**
 * openid-client is loaded on first use (the first login), so commands that merely wire up the
 * services (operator commands, the worker) do not pay for loading it.
 */
export const openIdClient = (): Promise<typeof OpenIdClient> => import('openid-client');

/**
 * How we authenticate and what we demand of the answers. `ftn` is Traficom's FTN profile: client
 * assertions (private_key_jwt) and request objects signed with our current signing key, ID token and
 * userinfo encrypted to one of our encryption keys and then verified, and the `acr` asked for.
 * `basic` is a client secret and plain signed ID tokens, for providers that need nothing more.
 */
export type ClientProfile =
  { kind: 'basic'; clientSecret: string } | { kind: 'ftn'; keys: RelyingPartyKeyStore; acrValues: string[] };

/** Where and how to reach an OpenID Provider. */
export interface ProviderSettings {
  issuer: URL;
  clientId: string;
  profile: ClientProfile;
  /** Claim names that may carry the personal identity code, first found wins. */
  identityCodeClaims: string[];
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
  /**
   * The signed ID token (decrypted, not re-encrypted), for id_token_hint at logout. Personal data:
   * it is stored only encrypted with the session and never logged.
   */
  idToken: string | undefined;
}

/** The provider identified the person at a lower level of assurance than we asked for (or named none). */
export class AssuranceTooLowError extends Error {
  override name = 'AssuranceTooLowError';
}

/** The provider's answer did not follow the FTN profile (e.g. a plain, unencrypted ID token). */
export class ProfileViolationError extends Error {
  override name = 'ProfileViolationError';
}

interface KeyedConfiguration {
  configuration: OpenIdClient.Configuration;
  /** Signs request objects (FTN); undefined under the basic profile. */
  signingKey: OpenIdClient.PrivateKey | undefined;
}

/** JWE content encryption the FTN profile allows for ID tokens and userinfo. */
const contentEncryptionAlgorithms = ['A256GCM', 'A128CBC-HS256', 'A128GCM', 'A256CBC-HS512'];

async function signingKeyFor(key: RelyingPartyKey): Promise<OpenIdClient.PrivateKey> {
  const { importJWK } = await import('jose');
  const jwk = key.privateKey.export({ format: 'jwk' });
  return { key: (await importJWK(jwk, key.alg)) as CryptoKey, kid: key.kid };
}

async function decryptionKeyFor(key: RelyingPartyKey): Promise<OpenIdClient.DecryptionKey> {
  const { importJWK } = await import('jose');
  const jwk = key.privateKey.export({ format: 'jwk' });
  return { key: (await importJWK(jwk, key.alg)) as CryptoKey, kid: key.kid, alg: key.alg };
}

function stringClaim(claims: Record<string, unknown>, names: string[]): string | undefined {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** A promise made on first use, and made again after it failed. */
class Retried<T> {
  #pending: Promise<T> | undefined;

  constructor(private readonly make: () => Promise<T>) {}

  get(): Promise<T> {
    this.#pending ??= this.make().catch((error: unknown) => {
      this.#pending = undefined;
      throw error;
    });
    return this.#pending;
  }
}

/**
 * The OpenID Connect client (authorization code flow with PKCE, state and nonce) via openid-client.
 * Discovery happens on first use and is retried after a failure, so a provider that is down at
 * start-up does not keep the service from starting.
 * Under the FTN profile the configuration follows our key files (RelyingPartyKeyStore): a
 * rotation or retirement takes effect at the next login, with no new discovery.
 */
export class RelyingParty {
  /** Under the basic profile: discovery and the client secret, once. */
  readonly #basic = new Retried(() => this.discover());
  /** Under the FTN profile: the provider's metadata, discovered once (a key change needs none). */
  readonly #serverMetadata = new Retried(async () => (await this.discover()).serverMetadata());
  /** The configuration made with one set of our keys; made again when the key files change. */
  #withKeys: { keys: RelyingPartyKeys; made: Promise<KeyedConfiguration> } | undefined;

  constructor(
    private readonly deps: { settings: ProviderSettings; redirectUri: string; postLogoutRedirectUri: string },
  ) {}

  private get settings(): ProviderSettings {
    return this.deps.settings;
  }

  private async discover(): Promise<OpenIdClient.Configuration> {
    const oidc = await openIdClient();
    const options: OpenIdClient.DiscoveryRequestOptions = {
      ...(this.settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      ...(this.settings.fetch ? { [oidc.customFetch]: this.settings.fetch } : {}),
      timeout: 10,
    };
    const { profile, issuer, clientId } = this.settings;
    if (profile.kind === 'basic') {
      return oidc.discovery(issuer, clientId, profile.clientSecret, undefined, options);
    }
    // Only the metadata is used: withKeys makes the configuration that authenticates.
    return oidc.discovery(issuer, clientId, undefined, oidc.None(), options);
  }

  /** The configuration to use now, with the keys current now (FTN) or the client secret (basic). */
  private async configuration(): Promise<KeyedConfiguration> {
    const { profile } = this.settings;
    if (profile.kind === 'basic') return { configuration: await this.#basic.get(), signingKey: undefined };
    const keys = profile.keys.current();
    if (this.#withKeys?.keys !== keys) {
      const made = this.withKeys(keys);
      made.catch(() => {
        if (this.#withKeys?.made === made) this.#withKeys = undefined;
      });
      this.#withKeys = { keys, made };
    }
    return this.#withKeys.made;
  }

  private async withKeys(keys: RelyingPartyKeys): Promise<KeyedConfiguration> {
    const oidc = await openIdClient();
    const signingKey = await signingKeyFor(keys.signingKey);
    const configuration = new oidc.Configuration(
      await this.#serverMetadata.get(),
      this.settings.clientId,
      undefined,
      oidc.PrivateKeyJwt(signingKey),
    );
    if (this.settings.allowHttp) oidc.allowInsecureRequests(configuration);
    if (this.settings.fetch) configuration[oidc.customFetch] = this.settings.fetch;
    configuration.timeout = 10;
    // Every current encryption key is offered: during a rotation the provider may still use the old one.
    const decryptionKeys = await Promise.all(keys.encryption.map(decryptionKeyFor));
    oidc.enableDecryptingResponses(configuration, contentEncryptionAlgorithms, ...decryptionKeys);
    // The signatures inside the encrypted ID token and userinfo are checked against the provider's keys.
    oidc.enableNonRepudiationChecks(configuration);
    return { configuration, signingKey };
  }

  async authorizationUrl(
    checks: { state: string; nonce: string; codeVerifier: string },
    locale: string,
  ): Promise<URL> {
    const oidc = await openIdClient();
    const { configuration, signingKey } = await this.configuration();
    const parameters: Record<string, string> = {
      redirect_uri: this.deps.redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
      ui_locales: locale,
    };
    if (this.settings.forceLogin) parameters.prompt = 'login';
    const { profile } = this.settings;
    if (profile.kind === 'basic' || !signingKey) return oidc.buildAuthorizationUrl(configuration, parameters);
    parameters.acr_values = profile.acrValues.join(' ');
    // Every parameter travels inside the signed request object; the URL carries only it and client_id.
    return oidc.buildAuthorizationUrlWithJAR(configuration, parameters, signingKey);
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token) and reads the person's claims. */
  async finish(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<ProviderClaims> {
    const oidc = await openIdClient();
    const { configuration } = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const { profile } = this.settings;
    const decrypted = oidc.getDecryptedResponses(tokens)?.id_token?.token_endpoint;
    if (profile.kind === 'ftn' && !decrypted) {
      throw new ProfileViolationError('the ID token was not encrypted');
    }
    const idClaims = tokens.claims() as Record<string, unknown> | undefined;
    if (!idClaims) throw new Error('the provider returned no ID token claims');
    if (profile.kind === 'ftn' && !acrSatisfies(idClaims.acr, profile.acrValues)) {
      throw new AssuranceTooLowError('the identification did not reach the level of assurance asked for');
    }
    let claims: Record<string, unknown> = idClaims;
    if (configuration.serverMetadata().userinfo_endpoint) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, String(idClaims.sub));
      if (profile.kind === 'ftn' && oidc.getDecryptedResponses(userInfo) === undefined) {
        throw new ProfileViolationError('the userinfo response was not encrypted');
      }
      claims = { ...userInfo, ...idClaims };
    }
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((v) => typeof v === 'string') : [];
    return {
      identityCode: stringClaim(claims, this.settings.identityCodeClaims),
      firstNames: stringClaim(claims, ['given_name']),
      lastName: stringClaim(claims, ['family_name']),
      method: amr.join(' ') || (typeof claims.acr === 'string' ? claims.acr : 'oidc'),
      idToken: decrypted ?? tokens.id_token,
    };
  }

  /**
   * The provider's logout URL (RP-initiated logout), or undefined when it has no end_session
   * endpoint. With the ID token of the session as id_token_hint the provider knows whose session to
   * end and may skip asking; it then returns the browser to our post-logout page.
   */
  async endSessionUrl(idTokenHint: string | undefined): Promise<URL | undefined> {
    const oidc = await openIdClient();
    const { configuration } = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: this.deps.postLogoutRedirectUri,
      ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
    });
  }

  get issuer(): URL {
    return this.settings.issuer;
  }
}
