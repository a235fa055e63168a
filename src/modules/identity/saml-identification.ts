import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import type * as NodeSaml from '@node-saml/node-saml';
import type { AppContext } from '../../app-context.js';
import type { Logger } from '../../logging/logger.js';
import { acrSatisfies } from './assurance-level.js';
import type { CitizenSignIn, LoginOutcome, VerifiedIdentity } from './citizen-sign-in.js';
import { loginStateSeconds, type LoginStateCookie } from './login-state-cookie.js';
import { fetchIdpMetadata, type IdentityProviderMetadata } from './saml-idp-metadata.js';
import { loadSamlKeys, type SamlServiceProviderKeys } from './saml-keys.js';
import type { FederatedLogin, SessionService } from './session-service.js';

/** node-saml is loaded on first use, like openid-client: commands that never identify skip it. */
const nodeSaml = (): Promise<typeof NodeSaml> => import('@node-saml/node-saml');

/** Suomi.fi's attributes (its "tunnistusvastauksen attribuutit"), by OID. */
export const suomiFiAttributes = {
  identityCode: 'urn:oid:1.2.246.21',
  /** FirstName: every first name. */
  firstNames: 'urn:oid:1.2.246.575.1.14',
  /** givenName: the name the person goes by. */
  givenName: 'urn:oid:2.5.4.42',
  surname: 'urn:oid:2.5.4.4',
  mail: 'urn:oid:0.9.2342.19200300.100.1.3',
} as const;

const transientNameId = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const protocolNs = 'urn:oasis:names:tc:SAML:2.0:protocol';
const assertionNs = 'urn:oasis:names:tc:SAML:2.0:assertion';
/** Clock difference tolerated between the IdP and us in its timestamps. */
const clockSkewMs = 60_000;
/** How long fetched IdP metadata is used before it is read again (a rollover adds a certificate). */
const metadataLifetimeMs = 60 * 60 * 1000;

/** IDENTIFICATION=suomifi-saml's settings (config.saml). */
export type SamlSettings = NonNullable<AppContext['config']['saml']>;

export interface SamlUrls {
  assertionConsumerService: string;
  singleLogoutService: string;
}

/**
 * Marks a key as used; true only the first time within `ttlMs`, in every web process (the database
 * holds the marks), so an assertion is accepted once.
 */
export type FirstUse = (key: string, ttlMs: number) => Promise<boolean>;

/** What came to our single logout endpoint, and what to do next. */
export type SingleLogoutOutcome =
  /** The IdP ended a login: its sessions are gone; send the browser to `responseUrl` (our signed answer). */
  | { kind: 'request'; responseUrl: string; sessionsEnded: number }
  /** The IdP answered our LogoutRequest: show the logged-out page. */
  | { kind: 'response'; valid: boolean }
  | { kind: 'invalid' };

/** The IdP answered with a non-success status (e.g. the person cancelled at Suomi.fi). */
function statusReason(
  error: unknown,
  samlStatusError: typeof NodeSaml.SamlStatusError,
): 'cancelled' | 'other' | undefined {
  if (!(error instanceof samlStatusError)) return undefined;
  return /AuthnFailed|RequestDenied/.test(error.xmlStatus) ? 'cancelled' : 'other';
}

function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/**
 * Suomi.fi's responses always encrypt the assertion: a response with a plain Assertion (signed or
 * not) is refused before node-saml sees it, as is one with more than one assertion. A response
 * without any assertion (an error status) goes on, for node-saml to report its status.
 */
function assertionIsEncrypted(xml: string): boolean {
  const document = new DOMParser({ errorHandler: { error: () => {}, fatalError: () => {} } }).parseFromString(
    xml,
    'text/xml',
  );
  const root = document?.documentElement;
  if (!root || root.localName !== 'Response' || root.namespaceURI !== protocolNs) return false;
  const assertions = Array.from(root.childNodes).filter(
    (node) => node.nodeType === 1 && (node as Element).namespaceURI === assertionNs,
  ) as Element[];
  const plain = assertions.filter((element) => element.localName === 'Assertion').length;
  const encrypted = assertions.filter((element) => element.localName === 'EncryptedAssertion').length;
  return plain === 0 && encrypted <= 1;
}

/**
 * Citizen identification through Suomi.fi e-Identification over SAML 2.0, with node-saml (which uses
 * xml-crypto and xml-encryption): signed AuthnRequests (HTTP-Redirect), responses at our assertion
 * consumer service (HTTP-POST) whose encrypted assertion is decrypted and whose signature is checked
 * against every signing certificate in the IdP's metadata, InResponseTo bound to the pending login
 * (the encrypted login-state cookie, no database row), each assertion accepted once, and single
 * logout started by either side. After the assertion is verified the person goes through the same
 * sign-in as after OpenID Connect (CitizenSignIn). Identity codes and names never reach the log.
 */
export class SamlIdentificationService {
  #keys: Promise<SamlServiceProviderKeys> | undefined;
  #metadata: { value: Promise<IdentityProviderMetadata>; fetchedAt: number } | undefined;

  constructor(
    private readonly deps: {
      settings: SamlSettings;
      urls: SamlUrls;
      loginState: LoginStateCookie;
      signIn: CitizenSignIn;
      sessions: SessionService;
      firstUse: FirstUse;
      logger: Logger;
      clock: () => Date;
      /** Demo and test mode: a missing key pair in DATA_DIR is generated. */
      generateKeys: boolean;
      /** Replaces the network when reading metadata from a URL (tests). */
      fetch?: typeof fetch;
    },
  ) {}

  /** Loads (or, in demo mode, makes) our key and certificate: call at start-up so a bad file stops it. */
  keys(): Promise<SamlServiceProviderKeys> {
    this.#keys ??= loadSamlKeys(
      { keyFile: this.deps.settings.keyFile, certFile: this.deps.settings.certFile },
      {
        generateIfMissing: this.deps.generateKeys && this.deps.settings.filesInDataDir,
        commonName: new URL(this.deps.settings.entityId).hostname || 'asiointitili',
        now: this.deps.clock(),
      },
    );
    return this.#keys;
  }

  /** The IdP's metadata, read on first use and again after an hour; a failed read is retried. */
  private metadata(): Promise<IdentityProviderMetadata> {
    const now = this.deps.clock().getTime();
    if (!this.#metadata || now - this.#metadata.fetchedAt >= metadataLifetimeMs) {
      const value = fetchIdpMetadata(this.deps.settings.idpMetadata, this.deps.fetch).catch(
        (error: unknown) => {
          this.#metadata = undefined;
          throw error;
        },
      );
      this.#metadata = { value, fetchedAt: now };
    }
    return this.#metadata.value;
  }

  private async saml(
    cacheProvider: NodeSaml.CacheProvider,
    validateInResponseTo: 'always' | 'never',
  ): Promise<NodeSaml.SAML> {
    const { SAML, ValidateInResponseTo } = await nodeSaml();
    const [idp, keys] = await Promise.all([this.metadata(), this.keys()]);
    const { settings, urls } = this.deps;
    return new SAML({
      issuer: settings.entityId,
      audience: settings.entityId,
      callbackUrl: urls.assertionConsumerService,
      logoutCallbackUrl: urls.singleLogoutService,
      entryPoint: idp.singleSignOnUrl,
      logoutUrl: idp.singleLogoutUrl,
      idpIssuer: idp.entityId,
      idpCert: idp.signingCertificates,
      privateKey: keys.privateKeyPem,
      publicCert: keys.certificatePem,
      decryptionPvk: keys.privateKeyPem,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      identifierFormat: transientNameId,
      authnContext: settings.authnContext,
      racComparison: 'minimum',
      wantAssertionsSigned: true,
      // Suomi.fi signs the assertion inside the encryption; that signature is the one required.
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: clockSkewMs,
      validateInResponseTo:
        validateInResponseTo === 'always' ? ValidateInResponseTo.always : ValidateInResponseTo.never,
      requestIdExpirationPeriodMs: loginStateSeconds * 1000,
      cacheProvider,
    });
  }

  /** Our SP metadata: entity id, ACS and SLO endpoints, our certificate for signing and encryption. */
  async metadataXml(): Promise<string> {
    const { generateServiceProviderMetadata } = await nodeSaml();
    const keys = await this.keys();
    return generateServiceProviderMetadata({
      issuer: this.deps.settings.entityId,
      callbackUrl: this.deps.urls.assertionConsumerService,
      logoutCallbackUrl: this.deps.urls.singleLogoutService,
      identifierFormat: transientNameId,
      wantAssertionsSigned: true,
      privateKey: keys.privateKeyPem,
      publicCerts: keys.certificatePem,
      decryptionPvk: keys.privateKeyPem,
      decryptionCert: keys.certificatePem,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      signMetadata: true,
    });
  }

  /**
   * Starts a login: a signed AuthnRequest in the URL, and the cookie value that remembers its ID.
   * Undefined when the IdP's metadata cannot be read.
   */
  async begin(
    returnTo: string,
    locale: string,
  ): Promise<{ loginCookie: string; redirectTo: URL } | undefined> {
    let requestId: string | undefined;
    const remember: NodeSaml.CacheProvider = {
      saveAsync: async (key, value) => {
        requestId = key;
        return { value, createdAt: this.deps.clock().getTime() };
      },
      getAsync: async () => null,
      removeAsync: async () => null,
    };
    let url: string;
    try {
      const saml = await this.saml(remember, 'always');
      // Suomi.fi shows its pages in the language asked for in the request's extension parameter.
      url = await saml.getAuthorizeUrlAsync('', undefined, { additionalParams: { locale } });
    } catch (error) {
      this.deps.logger.error({ err: error }, 'identification provider unreachable');
      return undefined;
    }
    if (requestId === undefined) throw new Error('node-saml made an AuthnRequest without an ID');
    const loginCookie = this.deps.loginState.seal({
      state: requestId,
      nonce: '',
      codeVerifier: '',
      returnTo,
    });
    return { loginCookie, redirectTo: new URL(url) };
  }

  /**
   * Completes a login from the IdP's POST to our assertion consumer service. The caller clears the
   * login cookie whatever the outcome. Audited as for OpenID Connect: a session, or a failure once
   * the IdP has answered a pending login.
   */
  async complete(
    samlResponse: string | undefined,
    loginCookie: string | undefined,
    requestId?: string,
  ): Promise<LoginOutcome> {
    const login = this.deps.loginState.open(loginCookie);
    if (!login || !samlResponse) {
      this.deps.logger.info('SAML response without a pending login');
      return { ok: false, reason: 'failed' };
    }
    const { signIn } = this.deps;
    let verified: VerifiedIdentity;
    try {
      if (!assertionIsEncrypted(Buffer.from(samlResponse, 'base64').toString('utf8'))) {
        throw new Error('the SAML response carries an unencrypted assertion');
      }
      // The only request this response may answer is the one the login cookie remembers.
      const pending: NodeSaml.CacheProvider = {
        saveAsync: async () => null,
        getAsync: async (key) => (key === login.state ? this.deps.clock().toISOString() : null),
        removeAsync: async () => null,
      };
      const saml = await this.saml(pending, 'always');
      const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
      if (!profile) throw new Error('the SAML response carries no assertion');
      verified = await this.verifiedIdentity(profile);
    } catch (error) {
      const { SamlStatusError } = await nodeSaml();
      const status = statusReason(error, SamlStatusError);
      if (status) {
        this.deps.logger.info('identification not completed at the provider');
        await signIn.recordFailure(status === 'cancelled' ? 'cancelled' : 'provider-error', requestId);
        return { ok: false, reason: status === 'cancelled' ? 'cancelled' : 'failed' };
      }
      if (error instanceof SamlAssuranceError) {
        this.deps.logger.warn({ err: error }, 'identification response rejected');
        await signIn.recordFailure('insufficient-assurance', requestId);
        return { ok: false, reason: 'insufficient-assurance' };
      }
      this.deps.logger.warn({ err: error }, 'identification response rejected');
      await signIn.recordFailure('rejected', requestId);
      return { ok: false, reason: 'failed' };
    }
    return signIn.signIn(verified, login.returnTo, requestId);
  }

  /** The person's identity from a verified assertion, once the assertion is known to be unused. */
  private async verifiedIdentity(profile: NodeSaml.Profile): Promise<VerifiedIdentity> {
    const assertion = (profile.getAssertion?.() as { Assertion?: AssertionXmlJs } | undefined)?.Assertion;
    const assertionId = assertion?.$?.ID;
    if (!assertionId) throw new Error('the assertion has no ID');
    const classRef = single(
      assertion.AuthnStatement?.[0]?.AuthnContext?.[0]?.AuthnContextClassRef?.map((ref) =>
        typeof ref === 'string' ? ref : ref._,
      ),
    );
    if (!acrSatisfies(classRef, this.deps.settings.authnContext)) {
      throw new SamlAssuranceError('the identification did not reach the level of assurance asked for');
    }
    // An assertion is accepted once. It can only be used with the login cookie of its request, which
    // lives loginStateSeconds, so it needs remembering no longer than that (and the clock skew).
    const replayKey = createHash('sha256')
      .update(`saml-assertion:${profile.issuer}:${assertionId}`)
      .digest('hex');
    if (!(await this.deps.firstUse(replayKey, loginStateSeconds * 1000 + clockSkewMs))) {
      throw new Error('the assertion has been used before');
    }
    const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
    const federation: FederatedLogin = {
      nameId: profile.nameID,
      nameIdFormat: profile.nameIDFormat,
      ...(profile.nameQualifier ? { nameQualifier: profile.nameQualifier } : {}),
      ...(profile.spNameQualifier ? { spNameQualifier: profile.spNameQualifier } : {}),
      ...(profile.sessionIndex ? { sessionIndex: profile.sessionIndex } : {}),
    };
    return {
      identityCode: single(attributes[suomiFiAttributes.identityCode]),
      firstNames:
        single(attributes[suomiFiAttributes.firstNames]) ?? single(attributes[suomiFiAttributes.givenName]),
      lastName: single(attributes[suomiFiAttributes.surname]),
      email: single(attributes[suomiFiAttributes.mail]),
      method: classRef ? `saml:${classRef}` : 'saml',
      federation,
    };
  }

  /**
   * The person logs out: our session ends at once (audited), then the IdP's, by a signed
   * LogoutRequest for the login the session came from, whose answer returns to our SLO endpoint.
   * Returns where to send the browser: the IdP, or `loggedOutPath` when there is no IdP session to
   * end (a session from before SAML) or the IdP cannot be reached.
   */
  async logout(
    cookieValue: string | undefined,
    loggedOutPath: string,
    requestId?: string,
  ): Promise<{ redirectTo: string }> {
    const session = await this.deps.sessions.resume(cookieValue);
    await this.deps.sessions.logout(cookieValue, requestId);
    const federation = session?.person.federation;
    if (!federation) return { redirectTo: loggedOutPath };
    try {
      const saml = await this.saml(noCache, 'never');
      const user = {
        issuer: this.deps.settings.entityId,
        nameID: federation.nameId,
        nameIDFormat: federation.nameIdFormat,
        ...(federation.nameQualifier ? { nameQualifier: federation.nameQualifier } : {}),
        ...(federation.spNameQualifier ? { spNameQualifier: federation.spNameQualifier } : {}),
        ...(federation.sessionIndex ? { sessionIndex: federation.sessionIndex } : {}),
      };
      return { redirectTo: await saml.getLogoutUrlAsync(user, '', {}) };
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'identification provider unreachable at logout');
      return { redirectTo: loggedOutPath };
    }
  }

  /**
   * A message at our single logout endpoint, by HTTP-Redirect (`query` and the raw query string) or
   * HTTP-POST (`body`). It must be signed by the IdP. A LogoutRequest ends every session of the login
   * it names and is answered with a signed LogoutResponse; a LogoutResponse only needs showing.
   */
  async singleLogout(
    message: { query: Record<string, string>; rawQuery: string } | { body: Record<string, string> },
    requestId?: string,
  ): Promise<SingleLogoutOutcome> {
    const fields = 'query' in message ? message.query : message.body;
    const isRequest = typeof fields.SAMLRequest === 'string';
    if (!isRequest && typeof fields.SAMLResponse !== 'string') return { kind: 'invalid' };
    try {
      const saml = await this.saml(noCache, 'never');
      let result: { profile: NodeSaml.Profile | null; loggedOut: boolean };
      if ('query' in message) {
        // node-saml accepts an unsigned redirect message; the IdP's are always signed.
        if (!fields.Signature || !fields.SigAlg) throw new Error('the logout message is not signed');
        result = await saml.validateRedirectAsync(fields, message.rawQuery);
      } else if (isRequest) {
        result = await saml.validatePostRequestAsync(fields);
      } else {
        result = await saml.validatePostResponseAsync(fields);
      }
      if (!isRequest) return { kind: 'response', valid: result.loggedOut };
      const profile = result.profile;
      if (!profile?.nameID || !profile.ID) throw new Error('the LogoutRequest names no login');
      const sessionsEnded = await this.deps.sessions.logoutFederated(profile.nameID, requestId);
      this.deps.logger.info({ sessionsEnded }, 'identification provider ended a login');
      const responseUrl = await saml.getLogoutResponseUrlAsync(profile, fields.RelayState ?? '', {}, true);
      return { kind: 'request', responseUrl, sessionsEnded };
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'single logout message rejected');
      return isRequest ? { kind: 'invalid' } : { kind: 'response', valid: false };
    }
  }
}

/** The assertion's AuthnContextClassRef does not reach the level of assurance asked for. */
export class SamlAssuranceError extends Error {
  override name = 'SamlAssuranceError';
}

/** Logout messages are not bound to a pending request here (see singleLogout). */
const noCache: NodeSaml.CacheProvider = {
  saveAsync: async () => null,
  getAsync: async () => null,
  removeAsync: async () => null,
};

/** The parts of an assertion (as node-saml's xml2js result) read here. */
interface AssertionXmlJs {
  $?: { ID?: string };
  AuthnStatement?: Array<{ AuthnContext?: Array<{ AuthnContextClassRef?: Array<string | { _?: string }> }> }>;
}
