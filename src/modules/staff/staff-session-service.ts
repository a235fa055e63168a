import type { Kysely } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import {
  hashSessionId,
  SessionLifetime,
  type IdentificationFailure,
  type SessionTimeouts,
} from '../identity/index.js';
import type { PopulationRegister } from '../population-register/index.js';
import { membershipsFromRoles, type StaffMembership } from './staff-access.js';
import type { StaffRepository } from './staff-repository.js';
import type { StaffSessionRepository } from './staff-session-repository.js';

/** The audit actions of staff identification (the person is their staff member id, if any). */
export const staffSessionActions = {
  signedIn: 'staff.signed_in',
  signInRefused: 'staff.sign_in_refused',
  signInFailed: 'staff.sign_in_failed',
  organisationChosen: 'staff.organisation_chosen',
  loggedOut: 'staff.logout',
} as const;

/** A signed-in staff member's server-side session, as read on every staff page. */
export interface StaffSession {
  /** The stored hash of the session id: safe to log or reference, useless as a cookie. */
  idHash: string;
  csrfToken: string;
  member: { id: number; identityCode: string; firstNames: string; lastName: string };
  /** Every organisation the person may act for now (read on every request, so revocations bite). */
  memberships: StaffMembership[];
  /** The membership the session acts for; undefined until chosen, or after its roles were revoked. */
  acting: StaffMembership | undefined;
}

/** What identification learned about the person, verified. */
export interface StaffIdentity {
  identityCode: string | undefined;
  firstNames: string | undefined;
  lastName: string | undefined;
  method: string;
  /** The signed ID token, for id_token_hint at logout; sealed with the session, never logged. */
  idToken?: string | undefined;
}

export type StaffSignInOutcome =
  | { ok: true; cookieValue: string; session: StaffSession }
  /** not-staff: identified, but staff of no organisation (or of deactivated ones only). */
  | { ok: false; reason: 'not-staff' | 'failed' };

interface StoredStaffSession {
  kind: 'staff';
  method: string;
  /** The ID token, envelope-encrypted under idTokenContext (base64url). */
  idToken?: string;
}

/** Bound to the session: a sealed ID token cannot be moved to another session row. */
export const idTokenContext = (idHash: string) => `staff:id-token:v1:${idHash}`;

/**
 * Staff sessions in staff_sessions, apart from the citizens' web_sessions: a staff cookie is never
 * looked up as a citizen session, nor the reverse. The cookie holds a random id, the table its hash;
 * every sign-in makes a new id (no session fixation). Idle and absolute timeouts are the citizens'
 * (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS). The person's roles are read with the session on
 * every request, so a revoked role stops working at the next click.
 */
export class StaffSessionService {
  private readonly lifetime: SessionLifetime<'staff_sessions'>;

  constructor(
    private readonly deps: {
      repository: StaffSessionRepository;
      staff: StaffRepository;
      db: Kysely<DatabaseSchema>;
      register: PopulationRegister;
      envelope: Envelope;
      clock: () => Date;
      timeouts: SessionTimeouts;
    },
  ) {
    this.lifetime = new SessionLifetime(deps);
  }

  /**
   * The step after the provider's verified answer: a person with roles in at least one organisation
   * gets a new session (acting for that organisation when there is only one); anyone else is refused
   * and the refusal audited.
   */
  async signIn(identity: StaffIdentity, requestId?: string): Promise<StaffSignInOutcome> {
    const now = this.deps.clock();
    if (!identity.identityCode || !isValidIdentityCode(identity.identityCode)) {
      await this.recordFailure('no-identity-code', requestId);
      return { ok: false, reason: 'failed' };
    }
    const member = await this.deps.staff.findMember(identity.identityCode);
    const memberships = member ? membershipsFromRoles(await this.deps.staff.rolesOf(member.id)) : [];
    if (!member || memberships.length === 0) {
      await recordAudit(this.deps.db, {
        actorType: 'staff',
        actorId: member ? String(member.id) : null,
        action: staffSessionActions.signInRefused,
        requestId,
        details: { reason: 'no-roles' },
        occurredAt: now,
      });
      return { ok: false, reason: 'not-staff' };
    }
    // The register is the authority for names; the identification's are the fallback.
    const person = await this.deps.register.findByIdentityCode(identity.identityCode);
    const firstNames = person?.firstNames ?? identity.firstNames ?? member.firstNames;
    const lastName = person?.lastName ?? identity.lastName ?? member.lastName;
    const method = identity.method.slice(0, 100);
    const { cookieValue, row } = await this.lifetime.begin((idHash): StoredStaffSession => ({
      kind: 'staff',
      method,
      ...(identity.idToken && {
        idToken: this.deps.envelope.encrypt(identity.idToken, idTokenContext(idHash)).toString('base64url'),
      }),
    }));
    const { idHash, csrfToken } = row;
    const only = memberships.length === 1 ? memberships[0] : undefined;
    await this.deps.repository.transaction(async (trx) => {
      if (firstNames !== member.firstNames || lastName !== member.lastName) {
        await this.deps.staff.updateMember(member.id, { firstNames, lastName }, trx);
      }
      await this.deps.repository.insert(
        { ...row, staffMemberId: member.id, organisationId: only?.organisation.id ?? null },
        trx,
      );
      await recordAudit(trx, {
        actorType: 'staff',
        actorId: String(member.id),
        action: staffSessionActions.signedIn,
        subjectType: 'staff_session',
        subjectId: idHash,
        requestId,
        details: { method, organisationId: only?.organisation.id ?? null },
        occurredAt: now,
      });
    });
    return {
      ok: true,
      cookieValue,
      session: {
        idHash,
        csrfToken,
        member: { id: member.id, identityCode: member.identityCode, firstNames, lastName },
        memberships,
        acting: only,
      },
    };
  }

  /** An identification that came back from the provider without a usable answer. */
  recordFailure(reason: IdentificationFailure, requestId: string | undefined): Promise<void> {
    return recordAudit(this.deps.db, {
      actorType: 'staff',
      actorId: null,
      action: staffSessionActions.signInFailed,
      requestId,
      details: { reason },
      occurredAt: this.deps.clock(),
    });
  }

  /**
   * The session the cookie refers to with the person's roles now, or undefined when there is none,
   * it has timed out (deleted then) or the person no longer has any role (deleted too).
   */
  async resume(cookieValue: string | undefined): Promise<StaffSession | undefined> {
    if (!cookieValue) return undefined;
    const idHash = hashSessionId(cookieValue);
    const row = await this.deps.repository.findWithMember(idHash);
    if (!row || parseData(row.data) === undefined) return undefined;
    if (!(await this.lifetime.keepAlive(idHash, row))) return undefined;
    const memberships = membershipsFromRoles(await this.deps.staff.rolesOf(row.staffMemberId));
    if (memberships.length === 0) {
      await this.deps.repository.delete(idHash);
      return undefined;
    }
    return {
      idHash,
      csrfToken: row.csrfToken,
      member: {
        id: row.staffMemberId,
        identityCode: row.identityCode,
        firstNames: row.firstNames,
        lastName: row.lastName,
      },
      memberships,
      acting: memberships.find((m) => m.organisation.id === row.organisationId),
    };
  }

  /**
   * The session acts for this organisation from now on (audited). 404 unless the person has a role
   * there: existence of other organisations' staff pages is not revealed.
   */
  async chooseOrganisation(session: StaffSession, organisationId: number, requestId?: string): Promise<void> {
    const membership = session.memberships.find((m) => m.organisation.id === organisationId);
    if (!membership) throw new NotFoundError('not staff of that organisation');
    await this.deps.repository.transaction(async (trx) => {
      await this.deps.repository.setOrganisation(session.idHash, organisationId, trx);
      await recordAudit(trx, {
        actorType: 'staff',
        actorId: String(session.member.id),
        action: staffSessionActions.organisationChosen,
        subjectType: 'staff_session',
        subjectId: session.idHash,
        requestId,
        details: { organisationId },
        occurredAt: this.deps.clock(),
      });
    });
  }

  /** Ends the session without recording anything (a new sign-in replacing the browser's old one). */
  end(cookieValue: string | undefined): Promise<void> {
    return this.lifetime.end(cookieValue);
  }

  /**
   * The person logs out: the session ends (audited); a missing one is not an error. Returns the ID
   * token kept for logout at the provider, if any.
   */
  async logout(
    cookieValue: string | undefined,
    requestId?: string,
  ): Promise<{ idToken: string | undefined }> {
    if (!cookieValue) return { idToken: undefined };
    const idHash = hashSessionId(cookieValue);
    const now = this.deps.clock();
    const ended = await this.deps.repository.transaction(async (trx) => {
      const row = await this.deps.repository.deleteReturning(idHash, trx);
      if (!row) return undefined;
      await recordAudit(trx, {
        actorType: 'staff',
        actorId: String(row.staffMemberId),
        action: staffSessionActions.loggedOut,
        subjectType: 'staff_session',
        subjectId: idHash,
        requestId,
        occurredAt: now,
      });
      return row;
    });
    const sealed = ended ? parseData(ended.data)?.idToken : undefined;
    if (!sealed) return { idToken: undefined };
    try {
      return {
        idToken: this.deps.envelope.decryptText(Buffer.from(sealed, 'base64url'), idTokenContext(idHash)),
      };
    } catch {
      // A key ring without the key it was sealed under: our session has ended all the same.
      return { idToken: undefined };
    }
  }
}

function parseData(data: string): StoredStaffSession | undefined {
  try {
    const parsed = JSON.parse(data) as StoredStaffSession;
    return parsed.kind === 'staff' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
