import type { Kysely } from 'kysely';
import type { Envelope } from '../crypto/envelope.js';
import { identityLookupPurpose, newSealedLookupKey, openLookupKey } from '../crypto/personal-data.js';
import type { DatabaseSchema } from './schema.js';
import { firstValue } from './first-value.js';

/** The sealed lookup key of personal data (crypto/personal-data.ts), created once per database. */
export class LookupKeyRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /**
   * The lookup key, created on first use. Two processes starting at once may both create one; the
   * insert keeps the first and both then read it, so every process hashes with the same key.
   */
  async loadOrCreate(envelope: Envelope, now: string): Promise<Buffer> {
    const stored = await this.#read();
    if (stored) return openLookupKey(envelope, stored);
    await this.db
      .insertInto('lookup_keys')
      .values({ purpose: identityLookupPurpose, key_enc: newSealedLookupKey(envelope), created_at: now })
      .onConflict((oc) => oc.column('purpose').doNothing())
      .execute();
    const created = await this.#read();
    if (!created) throw new Error('the lookup key could not be stored');
    return openLookupKey(envelope, created);
  }

  async #read(): Promise<Buffer | undefined> {
    return firstValue(
      this.db.selectFrom('lookup_keys').select('key_enc').where('purpose', '=', identityLookupPurpose),
    );
  }
}
