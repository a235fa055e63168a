import { retentionCutoff } from '../../domain/retention-cutoff.js';
import type { AuditRepository } from './audit-repository.js';

/** Rows deleted per statement, so a large backlog is worked off without one long lock. */
export const auditPurgeBatchSize = 1000;

/**
 * Purges one batch of audit rows older than `retentionDays` (AUDIT_RETENTION_DAYS; see the
 * configuration for why its default is six years). Returns how many, so the worker runs again at
 * once while a full batch came back.
 */
export function purgeExpiredAudit(
  repository: AuditRepository,
  now: Date,
  retentionDays: number,
): Promise<number> {
  return repository.purgeBefore(retentionCutoff(now, retentionDays), auditPurgeBatchSize);
}
