import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';

type Db = Kysely<DatabaseSchema>;

/** Why an identification did not produce a session (never the provider's free text). */
export type IdentificationFailure =
  'cancelled' | 'provider-error' | 'rejected' | 'insufficient-assurance' | 'no-identity-code';

/**
 * The audit entries of identification, in one place so their shape cannot drift: a sign-in (how the
 * person identified), a failed one and a logout. The person appears only as their account id (null
 * for someone who has none yet), never as an identity code; the session is named by the hash of its
 * id, which links a sign-in to its logout and is useless as a cookie.
 */
export const identificationActions = {
  succeeded: 'identification.succeeded',
  failed: 'identification.failed',
  loggedOut: 'identification.logout',
} as const;

/** Longest method text kept: providers send short amr/acr values; anything longer is cut. */
const methodMaxLength = 100;

export interface SessionAuditFacts {
  accountId: number | undefined;
  sessionIdHash: string;
  requestId: string | undefined;
  at: Date;
}

/** Call in the transaction that creates the session. */
export function recordSignIn(db: Db, facts: SessionAuditFacts & { method: string }): Promise<void> {
  return recordSessionAudit(db, identificationActions.succeeded, facts, {
    method: facts.method.slice(0, methodMaxLength),
  });
}

/** Call in the transaction that deletes the session. */
export function recordLogout(db: Db, facts: SessionAuditFacts): Promise<void> {
  return recordSessionAudit(db, identificationActions.loggedOut, facts);
}

/** A sign-in or logout: the citizen's account acting on the session named by its id's hash. */
function recordSessionAudit(
  db: Db,
  action: string,
  facts: SessionAuditFacts,
  details?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(db, {
    actorType: 'citizen',
    actorId: facts.accountId === undefined ? null : String(facts.accountId),
    action,
    subjectType: 'session',
    subjectId: facts.sessionIdHash,
    requestId: facts.requestId,
    details,
    occurredAt: facts.at,
  });
}

/** Nobody is known after a failed identification: only why it failed, and when. */
export function recordFailedIdentification(
  db: Db,
  facts: { reason: IdentificationFailure; requestId: string | undefined; at: Date },
): Promise<void> {
  return recordAudit(db, {
    actorType: 'citizen',
    actorId: null,
    action: identificationActions.failed,
    requestId: facts.requestId,
    details: { reason: facts.reason },
    occurredAt: facts.at,
  });
}
