import type { AppContext } from '../../app-context.js';
import { recordOperatorKeyAction } from '../audit/index.js';

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

/** Records a change to the master key ring in the audit trail (see recordOperatorKeyAction). */
export function recordMasterKeyChange(
  context: Pick<AppContext, 'database'>,
  action: MasterKeyAction,
  keyId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordOperatorKeyAction(context.database.db, { action, keySet: 'master_key', keyId, details });
}
