import { isValidIdentityCode } from '../../domain/identity-code.js';
import type { Logger } from '../../logging/logger.js';
import type { PopulationRegister } from '../population-register/index.js';
import type { IdentificationFailure } from './identification-audit.js';
import type { CitizenSession, FederatedLogin, ProviderSession, SessionService } from './session-service.js';

export type LoginOutcome =
  | { ok: true; cookieValue: string; session: CitizenSession; returnTo: string }
  /**
   * cancelled: the person pressed "Keskeytä" at the provider; insufficient-assurance: the method
   * chosen does not reach the level of assurance asked for; failed: anything else went wrong.
   */
  | { ok: false; reason: 'cancelled' | 'insufficient-assurance' | 'failed' };

/** Audits an identification that reached the provider but produced no session. */
export type FailureRecorder = (reason: IdentificationFailure, requestId: string | undefined) => Promise<void>;

/** What an identification protocol (OpenID Connect or SAML) learned about the person, once verified. */
export interface VerifiedIdentity {
  identityCode: string | undefined;
  firstNames: string | undefined;
  lastName: string | undefined;
  method: string;
  /**
   * The e-mail address the provider gave, if any (Suomi.fi passes the register's when it has one).
   * Not stored: the person gives the address for notifications on the opening form.
   */
  email?: string | undefined;
  /** What single logout needs of this identification (SAML only). */
  federation?: FederatedLogin | undefined;
  /** What OpenID Connect logout needs (the ID token for id_token_hint); sealed with the session. */
  provider?: ProviderSession | undefined;
}

/**
 * The step shared by every protocol once the provider's answer has been verified: a valid identity
 * code is required, the names come from the population register when it knows the person, and a new
 * server-side session is made (audited with it). Nothing personal reaches the log.
 */
export class CitizenSignIn {
  constructor(
    private readonly deps: {
      sessions: SessionService;
      register: PopulationRegister;
      logger: Logger;
      recordFailure: FailureRecorder;
    },
  ) {}

  async signIn(identity: VerifiedIdentity, returnTo: string, requestId?: string): Promise<LoginOutcome> {
    if (!identity.identityCode || !isValidIdentityCode(identity.identityCode)) {
      this.deps.logger.warn('identification response has no valid personal identity code');
      await this.deps.recordFailure('no-identity-code', requestId);
      return { ok: false, reason: 'failed' };
    }
    // The register is the authority for names; a person missing from it can still sign in and is
    // then told on the opening page why no account can be opened.
    const person = await this.deps.register.findByIdentityCode(identity.identityCode);
    const { cookieValue, session } = await this.deps.sessions.createCitizenSession(
      {
        identityCode: identity.identityCode,
        firstNames: person?.firstNames ?? identity.firstNames ?? '',
        lastName: person?.lastName ?? identity.lastName ?? '',
        method: identity.method,
        ...(identity.federation ? { federation: identity.federation } : {}),
      },
      requestId,
      identity.provider,
    );
    this.deps.logger.info({ method: identity.method }, 'citizen signed in');
    return { ok: true, cookieValue, session, returnTo };
  }

  /** Audits a failed identification (see FailureRecorder). */
  recordFailure(reason: IdentificationFailure, requestId: string | undefined): Promise<void> {
    return this.deps.recordFailure(reason, requestId);
  }
}
