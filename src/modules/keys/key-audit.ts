import type { AppContext } from '../../app-context.js';
import { recordAudit } from '../audit/index.js';

/** The operator's changes to the master key ring (`keys add | rotate | retire`). */
export type MasterKeyAction =
  /** A key added last in the ring, not yet current. */
  | 'operator.master_key_added'
  /** A key made the current one (new, or staged by add). */
  | 'operator.master_key_made_current'
  /** The rewrap to the current key ran (to its end, or as far as it got). */
  | 'operator.master_key_rewrapped'
  /** A key nothing used any more removed from the ring. */
  | 'operator.master_key_retired';

/**
 * Records a change to the master key ring in the audit trail (issue 14 §1: operator actions). The
 * subject is the key id; the details hold counts and ids only, never key material. Called after the
 * key file is written, so an entry never claims a change that did not happen; if recording fails,
 * the command fails and says so, with the file already changed.
 */
export function recordMasterKeyChange(
  context: Pick<AppContext, 'database'>,
  action: MasterKeyAction,
  keyId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(context.database.db, {
    actorType: 'operator',
    actorId: 'cli',
    action,
    subjectType: 'master_key',
    subjectId: keyId,
    details,
    occurredAt: new Date(),
  });
}
