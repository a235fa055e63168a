import type { AppContext } from '../../app-context.js';
import { recordFailedIdentification } from './identification-audit.js';
import { IdentificationService } from './identification-service.js';
import { LoginStateCookie } from './login-state-cookie.js';
import { SessionRepository } from './session-repository.js';
import { SessionService } from './session-service.js';

export type { CitizenSession, IdentifiedPerson, SessionAccount } from './session-service.js';
export type { LoginState } from './login-state-cookie.js';
export { loginStateSeconds } from './login-state-cookie.js';
export type { LoginOutcome } from './identification-service.js';
export type { ProviderSettings } from './relying-party.js';
export { IdentificationService } from './identification-service.js';
export { identificationActions } from './identification-audit.js';
export { SessionService } from './session-service.js';
export { tokensEqual } from './session-tokens.js';

export function createSessionService(context: AppContext): SessionService {
  return new SessionService({
    repository: new SessionRepository(context.database.db),
    clock: context.clock,
    timeouts: {
      idleMinutes: context.config.sessionIdleMinutes,
      absoluteHours: context.config.sessionAbsoluteHours,
    },
  });
}

/** Uses OIDC_* when configured; otherwise identification waits for the bundled test IdP (test mode). */
export function createIdentificationService(
  context: AppContext,
  sessions: SessionService,
): IdentificationService {
  const { config } = context;
  return new IdentificationService({
    sessions,
    loginState: new LoginStateCookie(context.envelope, context.clock),
    register: context.populationRegister,
    logger: context.logger,
    recordFailure: (reason, requestId) =>
      recordFailedIdentification(context.database.db, { reason, requestId, at: context.clock() }),
    urls: {
      redirectUri: new URL('/auth/callback', config.publicUrl).href,
      postLogoutRedirectUri: new URL('/', config.publicUrl).href,
    },
    provider: config.oidc
      ? {
          issuer: config.oidc.issuer,
          clientId: config.oidc.clientId,
          clientSecret: config.oidc.clientSecret,
          allowHttp: false,
          forceLogin: false,
        }
      : undefined,
  });
}
