import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import { locales, translator } from '../../i18n/i18n.js';
import { recordFailedIdentification } from './identification-audit.js';
import { FederationStatements } from './federation.js';
import { CitizenSignIn } from './citizen-sign-in.js';
import { IdentificationService } from './identification-service.js';
import { LoginStateCookie, type LoginPurpose } from './login-state-cookie.js';
import { OidcLogin, type IdentificationUrls } from './oidc-login.js';
import type { ClientProfile, ProviderSettings } from './relying-party.js';
import { RelyingPartyKeyStore } from './relying-party-keys.js';
import { SessionRepository } from './session-repository.js';
import { SamlIdentificationService } from './saml-identification.js';
import { SessionService } from './session-service.js';
import { RateLimitCounterRepository } from '../../db/rate-limit-counter-repository.js';

export type { CitizenSession, IdentifiedPerson, ProviderSession, SessionAccount } from './session-service.js';
export type { LoginState } from './login-state-cookie.js';
export { loginStateSeconds } from './login-state-cookie.js';
export type { LoginOutcome } from './citizen-sign-in.js';
export type { FederatedLogin } from './session-service.js';
export type { SingleLogoutOutcome } from './saml-identification.js';
export { SamlIdentificationService } from './saml-identification.js';
export type { ClientProfile, ProviderClaims, ProviderSettings } from './relying-party.js';
export type { IdentificationUrls, VerifiedLogin } from './oidc-login.js';
export { OidcLogin } from './oidc-login.js';
export type { IdentificationFailure } from './identification-audit.js';
export { hashSessionId, randomToken } from './session-tokens.js';
export {
  RelyingPartyKeys,
  RelyingPartyKeyStore,
  SigningKeyFile,
  jwksMaxAgeSeconds,
  listKeyFile,
  removeKeyFromFile,
  retireKeyFile,
  rotateKeyFile,
} from './relying-party-keys.js';
export type { RelyingPartyKey } from './relying-party-keys.js';
export { SessionLifetime, type SessionTimeouts } from './session-lifetime.js';
export { ftnAssuranceLevels } from './assurance-level.js';
export { IdentificationService } from './identification-service.js';
export { FederationStatements, federationStatementSeconds } from './federation.js';
export { identificationActions } from './identification-audit.js';
export {
  SessionService,
  citizenNamesContext,
  citizenNamesOf,
  providerSessionContext,
} from './session-service.js';
export { tokensEqual } from './session-tokens.js';

export function createSessionService(context: AppContext): SessionService {
  return new SessionService({
    repository: new SessionRepository(context.database.db, personalDataSeal(context)),
    clock: context.clock,
    envelope: context.envelope,
    timeouts: {
      idleMinutes: context.config.sessionIdleMinutes,
      absoluteHours: context.config.sessionAbsoluteHours,
    },
  });
}

/** How we authenticate to the provider under OIDC_PROFILE (the secret is used by `basic` only). */
export function clientProfile(
  config: AppContext['config'],
  keys: RelyingPartyKeyStore | undefined,
  clientSecret: string | undefined,
): ClientProfile {
  if (keys) return { kind: 'ftn', keys, acrValues: config.oidcAcrValues };
  if (clientSecret === undefined) throw new Error('OIDC_PROFILE=basic needs a client secret');
  return { kind: 'basic', clientSecret };
}

/**
 * Uses OIDC_* when configured; otherwise identification waits for the bundled test IdP (test mode).
 * Under the FTN profile our keys are loaded here, at start-up, so a missing or unusable key file stops
 * the start rather than the first login; later changes to the files are picked up while running.
 */
export function createIdentificationService(
  context: AppContext,
  sessions: SessionService,
): IdentificationService {
  const { config } = context;
  // The staff pages' client (STAFF_OIDC_*) uses the same keys, so they are loaded for it too.
  const identifies = config.oidc !== undefined || config.staffOidc !== undefined || context.testMode;
  const keys =
    identifies && config.oidcProfile === 'ftn'
      ? new RelyingPartyKeyStore(config.oidcKeyFiles, {
          generateIfMissing: {
            core: context.testMode && config.oidcKeyFiles.inDataDir,
            federation: context.testMode && config.oidcKeyFiles.federationInDataDir,
          },
          clock: context.clock,
          onReload: (outcome) => {
            if ('error' in outcome) {
              context.logger.error(
                { err: outcome.error },
                'relying party key files changed but cannot be used; the keys held stay in use',
              );
            } else context.logger.info({ kids: outcome.kids }, 'relying party key files re-read');
          },
        })
      : undefined;
  if (identifies && config.oidcProfile === 'basic') {
    context.logger.warn(
      'OIDC_PROFILE=basic: identification uses a client secret and unencrypted ID tokens, not the FTN profile',
    );
  }
  const urls = {
    redirectUri: new URL('/auth/callback', config.publicUrl).href,
    postLogoutRedirectUri: new URL('/logged-out', config.publicUrl).href,
  };
  const federation =
    keys && config.oidcKeyFiles.federation !== undefined
      ? new FederationStatements({
          keys,
          clock: context.clock,
          settings: {
            entityId: config.publicUrl.origin,
            authorityHints: config.oidcFederationAuthorityHints.map((hint) => hint.href.replace(/\/$/, '')),
            clientNames: locales.map((locale) => [locale, translator(locale)('meta.serviceName')]),
            ...urls,
            jwksUri: new URL('/oidc/jwks.json', config.publicUrl).href,
            signedJwksUri: new URL('/oidc/signed-jwks.jwt', config.publicUrl).href,
            contentEncryption: 'A256GCM',
          },
        })
      : undefined;
  return new IdentificationService({
    loginState: new LoginStateCookie({ envelope: context.envelope, clock: context.clock }),
    sessions,
    signIn: citizenSignIn(context, sessions),
    logger: context.logger,
    urls,
    provider: config.oidc
      ? {
          issuer: config.oidc.issuer,
          clientId: config.oidc.clientId,
          profile: clientProfile(config, keys, config.oidc.clientSecret),
          identityCodeClaims: config.oidcIdentityCodeClaims,
          allowHttp: false,
          forceLogin: false,
        }
      : undefined,
    relyingPartyKeys: keys,
    federation,
  });
}

/**
 * Another OpenID Connect client of ours with the same relying-party code (the staff pages'): its own
 * client id, redirect URI and login cookie (sealed under its own purpose, so a citizen's pending
 * login cannot finish there). `provider` undefined: it waits for the bundled test IdP (useProvider).
 */
export function createOidcLogin(
  context: AppContext,
  options: { purpose: LoginPurpose; urls: IdentificationUrls; provider: ProviderSettings | undefined },
): OidcLogin {
  return new OidcLogin({
    loginState: new LoginStateCookie({
      envelope: context.envelope,
      clock: context.clock,
      purpose: options.purpose,
    }),
    logger: context.logger,
    urls: options.urls,
    provider: options.provider,
  });
}

/** The sign-in after any protocol's verified answer (shared by OpenID Connect and SAML). */
function citizenSignIn(context: AppContext, sessions: SessionService): CitizenSignIn {
  return new CitizenSignIn({
    sessions,
    register: context.populationRegister,
    logger: context.logger,
    recordFailure: (reason, requestId) =>
      recordFailedIdentification(context.database.db, { reason, requestId, at: context.clock() }),
  });
}

/**
 * Suomi.fi e-Identification over SAML (IDENTIFICATION=suomifi-saml); undefined otherwise. Our key and
 * certificate are read when its routes are mounted (SamlIdentificationService.keys), at start-up.
 */
export function createSamlIdentificationService(
  context: AppContext,
  sessions: SessionService,
): SamlIdentificationService | undefined {
  const { config } = context;
  if (!config.saml) return undefined;
  // One mark per assertion in the shared counters table: every web process refuses a second use.
  const counters = new RateLimitCounterRepository(context.database.db);
  return new SamlIdentificationService({
    settings: config.saml,
    urls: {
      assertionConsumerService: new URL('/saml/acs', config.publicUrl).href,
      singleLogoutService: new URL('/saml/slo', config.publicUrl).href,
    },
    loginState: new LoginStateCookie({ envelope: context.envelope, clock: context.clock }),
    signIn: citizenSignIn(context, sessions),
    sessions,
    firstUse: async (key, ttlMs) =>
      (await counters.hit(`saml-assertion:${key}`, context.clock().getTime(), ttlMs)).hits === 1,
    logger: context.logger,
    clock: context.clock,
    generateKeys: context.testMode,
  });
}
