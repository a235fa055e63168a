import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { currentTerms } from '../../domain/terms-of-use.js';

type Db = Kysely<DatabaseSchema>;

// Well below SQLite's bound-parameter limit; 10,000 ids become ten queries.
const CHUNK = 1000;

/** Who has an active mailbox: a row in `accounts` with status 'active'. */
export class RecipientRepository {
  constructor(private readonly db: Db) {}

  /** Identity code → account id, for the given codes that have an active mailbox. */
  async activeAccounts(identityCodes: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (let i = 0; i < identityCodes.length; i += CHUNK) {
      const chunk = identityCodes.slice(i, i + CHUNK);
      const rows = await this.db
        .selectFrom('accounts')
        .select(['id', 'identity_code'])
        .where('status', '=', 'active')
        .where('identity_code', 'in', chunk)
        .execute();
      for (const row of rows) found.set(row.identity_code, row.id);
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
    const existing = await this.db
      .selectFrom('accounts')
      .select('id')
      .where('identity_code', '=', identityCode)
      .executeTakeFirst();
    if (existing) return;
    await this.db
      .insertInto('accounts')
      .values({
        identity_code: identityCode,
        status: 'active',
        email: null,
        email_notifications: 0,
        mobile: null,
        sms_notifications: 0,
        language: 'fi',
        terms_version: currentTerms.version,
        terms_accepted_at: now,
        opened_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}
