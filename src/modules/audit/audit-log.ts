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
  /**
   * The citizens' accounts whose data this access concerns: the entry then shows in their access
   * log ("Kuka on katsonut tietojani"). Kept in the details as well (`accounts`), so the record
   * itself says whom it concerned.
   */
  accountIds?: readonly number[] | undefined;
  occurredAt: Date;
}

/**
 * Records who accessed what, and links the entry to the accounts it concerns (the citizen's access
 * log): the ones named in `accountIds`, the acting citizen, and the owner of the subject (an account,
 * a message, an attachment or a consent). Call it in the same transaction as the access it describes where there
 * is one, so an access is never recorded without happening (or the reverse). The hash chain
 * (prev_hash/hash) is added by a later change; rows written now are chained from the first
 * chained row on.
 */
export async function recordAudit(db: Kysely<DatabaseSchema>, entry: AuditEntry): Promise<void> {
  const repository = new AuditRepository(db);
  const named = [...new Set(entry.accountIds ?? [])].sort((a, b) => a - b);
  const id = await repository.insert(
    named.length === 0 ? entry : { ...entry, details: { ...entry.details, accounts: named } },
  );
  const concerned = new Set([...named, ...(await repository.accountsOfSubject(entry))]);
  const citizen = entry.actorType === 'citizen' ? Number(entry.actorId) : Number.NaN;
  if (Number.isSafeInteger(citizen) && citizen > 0) concerned.add(citizen);
  if (concerned.size > 0) await repository.linkAccounts(id, [...concerned]);
}
