import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/** Fingerprints of the master keys that have written to this database (see crypto/key-fingerprint.ts). */
export class KeyFingerprintRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async all(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('key_fingerprints').select(['key_id', 'fingerprint']).execute();
    return new Map(rows.map((row) => [row.key_id, row.fingerprint]));
  }

  /** Records new keys; a key recorded meanwhile by another process starting at once is left as it is. */
  async record(fingerprints: ReadonlyMap<string, string>, at: string): Promise<void> {
    if (fingerprints.size === 0) return;
    await this.db
      .insertInto('key_fingerprints')
      .values([...fingerprints].map(([key_id, fingerprint]) => ({ key_id, fingerprint, first_used_at: at })))
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
  }
}
