import fs from 'node:fs';
import {
  recordOperatorKeyAction,
  type KeyAdministrationDeps,
  type SigningKeyListing,
} from '../audit/index.js';
import { listKeyFile, removeKeyFromFile, rotateKeyFile, SigningKeyFile } from '../identity/index.js';
import { EvidenceRepository } from './evidence-repository.js';

export const evidenceKeyVariable = 'EVIDENCE_SIGNING_KEY_FILE';

/** A key of the evidence key file as `keys evidence list` shows it. */
export interface EvidenceKeyListing extends SigningKeyListing {
  alg: string;
}

/**
 * The operator's side of the evidence signing keys (`keys evidence list | rotate | retire`; the newest
 * signs, the others stay published for the records they signed): the file
 * is changed first, then the change is recorded in the audit trail. Running processes notice the
 * changed file within seconds (SigningKeyFile), so neither step needs a restart.
 */
export class EvidenceKeyAdministration {
  constructor(private readonly deps: KeyAdministrationDeps) {}

  /** The keys of the file, oldest first, with how many stored records each signed. */
  async list(): Promise<EvidenceKeyListing[]> {
    const keys = listKeyFile(this.deps.file, 'sig', evidenceKeyVariable);
    const signed = await new EvidenceRepository(this.deps.db).recordsPerKid();
    return keys.map(({ kid, alg }, index) => ({
      kid,
      alg,
      signs: index === keys.length - 1,
      signed: signed.get(kid) ?? 0,
    }));
  }

  /**
   * Appends a new P-256 key, which signs from the next record on (without a file yet: makes it, with
   * that key); returns it.
   */
  async rotate(): Promise<{ kid: string; alg: string }> {
    const { file } = this.deps;
    const exists = fs.existsSync(file);
    const previous = exists ? listKeyFile(file, 'sig', evidenceKeyVariable).at(-1)?.kid : undefined;
    const { kid, alg } = exists
      ? rotateKeyFile(file, 'sig', evidenceKeyVariable)
      : new SigningKeyFile(file, {
          variable: evidenceKeyVariable,
          generateIfMissing: true,
          clock: () => new Date(),
        }).keys()[0]!;
    await recordOperatorKeyAction(this.deps.db, {
      action: 'operator.evidence_key_added',
      keySet: 'evidence_signing_key',
      keyId: kid,
      details: { previous },
    });
    return { kid, alg };
  }

  /**
   * Removes a key from the file (and so from /.well-known/jwks.json) once no stored record is signed
   * with it; the newest key, which signs, is never removed.
   */
  async retire(kid: string): Promise<void> {
    const key = (await this.list()).find((listed) => listed.kid === kid);
    if (key === undefined) throw new Error(`${this.deps.file} has no evidence key "${kid}"`);
    if (key.signs) {
      throw new Error(`"${kid}" is the key that signs; run keys evidence rotate first, then retire it`);
    }
    const signed = key.signed;
    if (signed > 0) {
      throw new Error(
        `"${kid}" signed ${signed} stored evidence ${signed === 1 ? 'record' : 'records'}, which ` +
          'verify only while it is published; it can be retired once none is kept',
      );
    }
    removeKeyFromFile(this.deps.file, 'sig', kid, evidenceKeyVariable);
    await recordOperatorKeyAction(this.deps.db, {
      action: 'operator.evidence_key_retired',
      keySet: 'evidence_signing_key',
      keyId: kid,
    });
  }
}
