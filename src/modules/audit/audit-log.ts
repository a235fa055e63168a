import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';

export type AuditActorType = 'citizen' | 'organisation' | 'operator' | 'system';

export interface AuditEntry {
  actorType: AuditActorType;
  /** Account id, organisation id or operator name — never an identity code. */
  actorId: string | null;
  action: string;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  requestId?: string | undefined;
  details?: Record<string, unknown> | undefined;
  occurredAt: Date;
}

/**
 * Records who accessed what. Call it in the same transaction as the access it describes where there
 * is one, so an access is never recorded without happening (or the reverse). The hash chain
 * (prev_hash/hash) is added by a later change; rows written now are chained from the first
 * chained row on.
 */
export async function recordAudit(db: Kysely<DatabaseSchema>, entry: AuditEntry): Promise<void> {
  await db
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
