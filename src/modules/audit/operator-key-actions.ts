import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { recordAudit } from './audit-log.js';

/** A signing key as the operator's list commands show it. */
export interface SigningKeyListing {
  kid: string;
  /** The key that signs now; never retired. */
  signs: boolean;
  /** How many stored items (evidence records, audit checkpoints) it signed. */
  signed: number;
}

/** What a signing key administration works on: the key file, and the database its uses are in. */
export interface KeyAdministrationDeps {
  db: Kysely<DatabaseSchema>;
  file: string;
}

/** The key sets an operator changes from the command line, as audit entries name them. */
export type OperatorKeySet = 'master_key' | 'evidence_signing_key' | 'audit_signing_key';

/**
 * Records an operator's change to a key set in the audit trail (issue 14 §1: operator actions). The
 * subject is the key id; the details hold counts and ids only, never key material. Callers record
 * after the key file is written, so an entry never claims a change that did not happen; if recording
 * fails, the command fails and says so, with the file already changed.
 */
export function recordOperatorKeyAction(
  db: Kysely<DatabaseSchema>,
  change: { action: string; keySet: OperatorKeySet; keyId: string; details?: Record<string, unknown> },
): Promise<void> {
  return recordAudit(db, {
    actorType: 'operator',
    actorId: 'cli',
    action: change.action,
    subjectType: change.keySet,
    subjectId: change.keyId,
    details: change.details ?? {},
    occurredAt: new Date(),
  });
}
