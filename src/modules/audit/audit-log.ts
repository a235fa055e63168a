import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { AuditRepository } from './audit-repository.js';

export type AuditActorType = 'citizen' | 'organisation' | 'staff' | 'operator' | 'system';

export interface AuditEntry {
  actorType: AuditActorType;
  /** Account id, organisation id, staff member id or operator name — never an identity code. */
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
export function recordAudit(db: Kysely<DatabaseSchema>, entry: AuditEntry): Promise<void> {
  return new AuditRepository(db).insert(entry);
}
