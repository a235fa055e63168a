import fs from 'node:fs';
import type { KeyObject } from 'node:crypto';
import {
  createAuditKeyFileIfMissing,
  readAuditKeyFile,
  signingKeyOf,
  type AuditKey,
} from './audit-signing-keys.js';

/**
 * Where the audit module gets its keys: the file is read when a key is needed (a checkpoint is due,
 * a verification starts), so `asiointitili audit rotate-key` takes effect without a restart.
 */
export class AuditKeySource {
  constructor(
    private readonly options: {
      file: string;
      /** Demo and test mode with the default file in DATA_DIR: create it when missing. */
      createIfMissing: boolean;
    },
  ) {}

  get file(): string {
    return this.options.file;
  }

  /** Every key of the file, oldest first; none when there is no file. */
  all(): AuditKey[] {
    if (this.options.createIfMissing) createAuditKeyFileIfMissing(this.options.file);
    return fs.existsSync(this.options.file) ? readAuditKeyFile(this.options.file) : [];
  }

  /** The key that signs now; undefined when there is no key file. */
  signingKey(): AuditKey | undefined {
    return signingKeyOf(this.all());
  }

  publicKeys(): Map<string, KeyObject> {
    return new Map(this.all().map((key) => [key.kid, key.publicKey]));
  }
}
