import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';

type Db = Kysely<DatabaseSchema>;

/** All SQL that reads or removes audit rows (writing is recordAudit, in the caller's transaction). */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /**
   * Deletes up to `limit` of the oldest rows written before `cutoff`; returns how many. One short
   * statement per batch. When the rows get hash-chained, verification starts at the oldest row left:
   * its prev_hash then names a purged row, which is expected.
   */
  async purgeBefore(cutoff: Date, limit: number): Promise<number> {
    const before = cutoff.toISOString();
    const result = await this.db
      .deleteFrom('audit_events')
      .where('occurred_at', '<', before)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('audit_events')
          .select('id')
          .where('occurred_at', '<', before)
          .orderBy('occurred_at')
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
