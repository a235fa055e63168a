import { AuditRepository } from './audit-repository.js';
import { readAuditKeyFile, retireAuditKey, rotateAuditKeyFile, signingKeyOf } from './audit-signing-keys.js';
import {
  recordOperatorKeyAction,
  type KeyAdministrationDeps,
  type SigningKeyListing,
} from './operator-key-actions.js';

/** A key of AUDIT_SIGNING_KEY_FILE as `audit keys` shows it. */
export interface AuditKeyListing extends SigningKeyListing {
  /** Kept as its public half only: it verifies, never signs. */
  publicOnly: boolean;
}

/**
 * The operator's side of the audit signing keys (`audit keys | rotate-key | retire-key`; the newest
 * key with a private half signs): the file is changed first, then the change is recorded in the chain
 * it signs. The file is read whenever a key is needed (AuditKeySource), so no restart is needed.
 */
export class AuditKeyAdministration {
  constructor(private readonly deps: KeyAdministrationDeps) {}

  async list(): Promise<AuditKeyListing[]> {
    const keys = readAuditKeyFile(this.deps.file);
    const signer = signingKeyOf(keys)?.kid;
    const signed = await new AuditRepository(this.deps.db).checkpointsPerKey();
    return keys.map((key) => ({
      kid: key.kid,
      signs: key.kid === signer,
      publicOnly: key.privateKey === undefined,
      signed: signed.get(key.kid) ?? 0,
    }));
  }

  /** Appends a new Ed25519 key (creating the file when there is none); it signs the next checkpoints. */
  async rotate(): Promise<{ kid: string; file: string }> {
    const { kid } = rotateAuditKeyFile(this.deps.file);
    await recordOperatorKeyAction(this.deps.db, {
      action: 'operator.audit_key_added',
      keySet: 'audit_signing_key',
      keyId: kid,
    });
    return { kid, file: this.deps.file };
  }

  /**
   * Retires a key that no longer signs. Checkpoints are kept for good (retention removes entries,
   * not the checkpoints that vouch for them), so a key that signed one keeps its public half in the
   * file to verify them and loses only its private half; a key that signed none leaves the file.
   * Returns which of the two happened.
   */
  async retire(kid: string): Promise<{ kid: string; kept: 'public half' | 'nothing'; checkpoints: number }> {
    const key = (await this.list()).find((listed) => listed.kid === kid);
    if (key === undefined) throw new Error(`${this.deps.file} has no audit key "${kid}"`);
    const keepPublicHalf = key.signed > 0;
    retireAuditKey(this.deps.file, kid, { keepPublicHalf });
    await recordOperatorKeyAction(this.deps.db, {
      action: 'operator.audit_key_retired',
      keySet: 'audit_signing_key',
      keyId: kid,
      details: { checkpoints: key.signed, keptPublicHalf: keepPublicHalf },
    });
    return { kid, kept: keepPublicHalf ? 'public half' : 'nothing', checkpoints: key.signed };
  }
}
