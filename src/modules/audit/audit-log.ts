import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { identityCodeLikePattern } from '../../domain/identity-code.js';
import { entryHash, type ChainedFields } from './audit-chain.js';
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
   * log ("Kuka on katsonut tietojani"). Kept in the details as well (`accounts`), so the chained
   * record itself says whom it concerned.
   */
  accountIds?: readonly number[] | undefined;
  occurredAt: Date;
}

/**
 * The details as stored: JSON, with anything shaped like an identity code replaced, so a free text
 * (a staff member's stated purpose) cannot put one into the trail.
 */
export function storedDetails(details: Record<string, unknown> | undefined): string | null {
  return details ? JSON.stringify(details).replace(identityCodeLikePattern, '[hetu]') : null;
}

/**
 * Records who accessed what, as the next entry of the hash chain (docs/audit.md). Call it in the
 * same transaction as the access it describes where there is one, so an access is never recorded
 * without happening (or the reverse); given the database itself, it makes a transaction of its own.
 *
 * From this call until the transaction ends, other audit writers wait (the chain head is locked,
 * which keeps one order without forks): call it late in the transaction, after the slow work.
 *
 * The entry is also linked to the accounts it concerns (the citizen's access log): the ones named
 * in `accountIds`, the acting citizen, and the owner of the subject (an account, a message, an
 * attachment or a consent).
 */
export async function recordAudit(db: Kysely<DatabaseSchema>, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendEntry(trx, entry));
    return;
  }
  await appendEntry(db as Transaction<DatabaseSchema>, entry);
}

async function appendEntry(trx: Transaction<DatabaseSchema>, entry: AuditEntry): Promise<void> {
  const repository = new AuditRepository(trx);
  // Who the entry concerns is looked up before the chain head is locked, to keep the lock short.
  const named = [...new Set(entry.accountIds ?? [])].sort((a, b) => a - b);
  const concerned = new Set([...named, ...(await repository.accountsOfSubject(entry))]);
  const citizen = entry.actorType === 'citizen' ? Number(entry.actorId) : Number.NaN;
  if (Number.isSafeInteger(citizen) && citizen > 0) concerned.add(citizen);
  const details = named.length === 0 ? entry.details : { ...entry.details, accounts: named };
  const { seq, prevHash } = await repository.advanceHead();
  const fields: ChainedFields = {
    seq,
    prevHash,
    occurredAt: entry.occurredAt.toISOString(),
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    requestId: entry.requestId ?? null,
    details: storedDetails(details),
  };
  const hash = entryHash(fields);
  const id = await repository.insert({ ...fields, hash });
  await repository.setHeadHash(hash);
  if (concerned.size > 0) await repository.linkAccounts(id, [...concerned]);
}
