import type { AppContext } from '../../app-context.js';
import { locales, translator } from '../../i18n/i18n.js';
import { recordFailedIdentification } from './identification-audit.js';
import { FederationStatements } from './federation.js';
import { IdentificationService } from './identification-service.js';
import { LoginStateCookie } from './login-state-cookie.js';
import type { ClientProfile } from './relying-party.js';
import { RelyingPartyKeyStore } from './relying-party-keys.js';
import { SessionRepository } from './session-repository.js';
import { SessionService } from './session-service.js';

export type { CitizenSession, IdentifiedPerson, ProviderSession, SessionAccount } from './session-service.js';
export type { LoginState } from './login-state-cookie.js';
export { loginStateSeconds } from './login-state-cookie.js';
export type { LoginOutcome } from './identification-service.js';
export type { ClientProfile, ProviderSettings } from './relying-party.js';
export { RelyingPartyKeys, RelyingPartyKeyStore, jwksMaxAgeSeconds } from './relying-party-keys.js';
export { ftnAssuranceLevels } from './assurance-level.js';
export { IdentificationService } from './identification-service.js';
export { FederationStatements, federationStatementSeconds } from './federation.js';
export { identificationActions } from './identification-audit.js';
export { SessionService } from './session-service.js';
export { tokensEqual } from './session-tokens.js';

export function createSessionService(context: AppContext): SessionService {
  return new SessionService({
    repository: new SessionRepository(context.database.db),
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
  const identifies = config.oidc !== undefined || context.testMode;
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
    sessions,
    loginState: new LoginStateCookie(context.envelope, context.clock),
    register: context.populationRegister,
    logger: context.logger,
    recordFailure: (reason, requestId) =>
      recordFailedIdentification(context.database.db, { reason, requestId, at: context.clock() }),
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
