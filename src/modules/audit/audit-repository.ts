import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import type { AuditEntry } from './audit-log.js';

type Db = Kysely<DatabaseSchema>;

/** All SQL on audit rows; writes go through recordAudit, on the caller's transaction. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Returns the new entry's id. */
  async insert(entry: AuditEntry): Promise<number> {
    const row = await this.db
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
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** The account an entry's subject belongs to, when it is an account, a message, an attachment or a consent. */
  async accountsOfSubject(entry: Pick<AuditEntry, 'subjectType' | 'subjectId'>): Promise<number[]> {
    const { subjectType, subjectId } = entry;
    if (subjectId === undefined) return [];
    const numericId = /^[1-9][0-9]{0,15}$/.test(subjectId) ? Number(subjectId) : undefined;
    let row: { accountId: number | null } | undefined;
    if (subjectType === 'account' && numericId !== undefined) return [numericId];
    if (subjectType === 'message' && numericId !== undefined) {
      row = await this.db
        .selectFrom('messages')
        .select('account_id as accountId')
        .where('id', '=', numericId)
        .executeTakeFirst();
    } else if (subjectType === 'attachment') {
      row = await this.db
        .selectFrom('attachments')
        .leftJoin('messages', 'messages.id', 'attachments.message_id')
        .select((eb) => eb.fn.coalesce('messages.account_id', 'attachments.account_id').as('accountId'))
        .where('attachments.id', '=', subjectId)
        .executeTakeFirst();
    } else if (subjectType === 'delivery_consent' && numericId !== undefined) {
      row = await this.db
        .selectFrom('delivery_consents')
        .innerJoin('accounts', 'accounts.identity_code', 'delivery_consents.identity_code')
        .select('accounts.id as accountId')
        .where('delivery_consents.id', '=', numericId)
        .orderBy('accounts.id', 'desc')
        .executeTakeFirst();
    }
    return row?.accountId == null ? [] : [Number(row.accountId)];
  }

  /** The accounts an entry concerns, in chunks small enough for either dialect's parameter limit. */
  async linkAccounts(auditEventId: number, accountIds: readonly number[]): Promise<void> {
    const chunk = 5000;
    for (let start = 0; start < accountIds.length; start += chunk) {
      await this.db
        .insertInto('audit_event_accounts')
        .values(
          accountIds
            .slice(start, start + chunk)
            .map((accountId) => ({ account_id: accountId, audit_event_id: auditEventId })),
        )
        .execute();
    }
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
