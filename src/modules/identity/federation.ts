import type { JWTPayload } from 'jose';
import type { RelyingPartyKey, RelyingPartyKeyStore } from './relying-party-keys.js';

/**
 * Our OpenID Federation statements, for identification brokers that take the relying party's
 * registration and keys from a federation rather than by hand:
 *
 * - the entity configuration at /.well-known/openid-federation: a JWT we sign about ourselves
 *   (iss = sub = our entity id) carrying our federation entity keys (`jwks`), our superiors
 *   (`authority_hints`) and our relying-party metadata (redirect URIs, jwks_uri, signed_jwks_uri,
 *   private_key_jwt, signed request objects, the encryption we expect);
 * - the signed JWKS at /oidc/signed-jwks.jwt: the same JWK set as /oidc/jwks.json, as a JWT.
 *
 * Both are signed with a federation entity key, never with the relying party's signing key: as
 * OpenID Federation requires for the entity configuration and the signed JWKS, and as the FTN
 * brokers practise, the key a superior vouches for (in its subordinate statement) is kept apart from
 * the keys it vouches for, so the protocol keys rotate without the superior's involvement. The
 * federation key rotates like the others (`keys oidc rotate --only federation`), published in the
 * entity configuration before it signs.
 */

/** How long a statement is valid; brokers fetch it again well within this. */
export const federationStatementSeconds = 24 * 3600;

export interface FederationSettings {
  /** Our entity id (the service's origin); the well-known path is under it. */
  entityId: string;
  /** Our superiors' entity ids (OIDC_FEDERATION_AUTHORITY_HINTS); omitted when empty. */
  authorityHints: string[];
  /** The service's name by language; the first is the untagged `client_name`. */
  clientNames: Array<[locale: string, name: string]>;
  redirectUri: string;
  postLogoutRedirectUri: string;
  jwksUri: string;
  signedJwksUri: string;
  /** Content encryption we ask for; the relying party accepts others too. */
  contentEncryption: string;
}

export class FederationStatements {
  constructor(
    private readonly deps: { keys: RelyingPartyKeyStore; clock: () => Date; settings: FederationSettings },
  ) {}

  /** The entity configuration (typ entity-statement+jwt). */
  async entityStatement(): Promise<string> {
    const { settings } = this.deps;
    const keys = this.deps.keys.current();
    const encryptionAlg = keys.encryption.at(-1)!.alg;
    const signingAlg = keys.signingKey.alg;
    const names = Object.fromEntries(
      settings.clientNames.map(([locale, name], index) => [
        index === 0 ? 'client_name' : `client_name#${locale}`,
        name,
      ]),
    );
    const relyingParty = {
      client_registration_types: ['explicit'],
      ...names,
      application_type: 'web',
      redirect_uris: [settings.redirectUri],
      post_logout_redirect_uris: [settings.postLogoutRedirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      jwks_uri: settings.jwksUri,
      signed_jwks_uri: settings.signedJwksUri,
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: signingAlg,
      request_object_signing_alg: signingAlg,
      id_token_encrypted_response_alg: encryptionAlg,
      id_token_encrypted_response_enc: settings.contentEncryption,
      userinfo_encrypted_response_alg: encryptionAlg,
      userinfo_encrypted_response_enc: settings.contentEncryption,
    };
    return this.sign('entity-statement+jwt', {
      jwks: keys.federationJwks(),
      ...(settings.authorityHints.length > 0 && { authority_hints: settings.authorityHints }),
      metadata: { openid_relying_party: relyingParty },
    });
  }

  /** The relying party's JWK set as a JWT (typ jwk-set+jwt), the same keys as /oidc/jwks.json. */
  async signedJwks(): Promise<string> {
    return this.sign('jwk-set+jwt', { ...this.deps.keys.current().publicJwks() });
  }

  private async sign(typ: string, payload: JWTPayload): Promise<string> {
    const key: RelyingPartyKey | undefined = this.deps.keys.current().federationKey;
    if (!key) throw new Error('no federation entity key (OIDC_FEDERATION_KEY_FILE)');
    const issuedAt = Math.floor(this.deps.clock().getTime() / 1000);
    const { entityId } = this.deps.settings;
    // Loaded on first use, as openid-client is: operator commands and the worker never need it.
    const { SignJWT } = await import('jose');
    return new SignJWT(payload)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ })
      .setIssuer(entityId)
      .setSubject(entityId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + federationStatementSeconds)
      .sign(key.privateKey);
  }
}
