import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import type { AuditEntry } from './audit-log.js';

type Db = Kysely<DatabaseSchema>;

/** All SQL on audit rows; writes go through recordAudit, on the caller's transaction. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async insert(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        occurred_at: entry.occurredAt.toISOString(),
        actor_type: entry.actorType,
        actor_id: entry.actorId,
        action: entry.action,
        subject_type: entry.subjectType ?? null,
        subject_id: entry.subjectId ?? null,
        request_id: entry.requestId ?? null,
        details: entry.details ? JSON.stringify(entry.details) : null,
        prev_hash: null,
        hash: null,
      })
      .execute();
  }

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
