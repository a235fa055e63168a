import type { Kysely } from 'kysely';
import type { PersonalDataSeal } from '../../crypto/personal-data.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { seededAccountRow } from '../../personal-data-seal.js';

type Db = Kysely<DatabaseSchema>;

// Well below SQLite's bound-parameter limit; 10,000 ids become ten queries.
const CHUNK = 1000;

/** Who has an active mailbox: a row in `accounts` with status 'active'. */
export class RecipientRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  /**
   * Identity code → account id, for the given codes that have an active mailbox. Accounts are found
   * by the codes' lookup hashes, computed in one pass; nothing is decrypted.
   */
  async activeAccounts(identityCodes: readonly string[]): Promise<Map<string, number>> {
    const codeOf = await this.seal.lookups(identityCodes);
    const lookups = [...codeOf.keys()];
    const found = new Map<string, number>();
    for (let i = 0; i < lookups.length; i += CHUNK) {
      const chunk = lookups.slice(i, i + CHUNK);
      const rows = await this.db
        .selectFrom('accounts')
        .select(['id', 'identity_lookup'])
        .where('status', '=', 'active')
        .where('identity_lookup', 'in', chunk)
        .execute();
      for (const row of rows) found.set(codeOf.get(row.identity_lookup) ?? '', row.id);
    }
    return found;
  }

  async activeAccountId(identityCode: string): Promise<number | undefined> {
    return (await this.activeAccounts([identityCode])).get(identityCode);
  }

  /**
   * Demo data only: an active mailbox for a demo person when the citizen portal's own seed has not
   * created one (the citizen portal owns opening accounts for real).
   */
  async ensureDemoAccount(identityCode: string, now: string): Promise<void> {
    const row = await seededAccountRow(this.seal, identityCode, now);
    const existing = await this.db
      .selectFrom('accounts')
      .select('id')
      .where('identity_lookup', '=', row.identity_lookup)
      .executeTakeFirst();
    if (existing) return;
    await this.db.insertInto('accounts').values(row).execute();
  }
}
