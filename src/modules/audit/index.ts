import type { AppContext } from '../../app-context.js';
import { AccessLog } from './access-log.js';
import { AccessLogRepository } from './access-log-repository.js';
import { AuditRepository } from './audit-repository.js';
import { purgeExpiredAudit } from './audit-retention.js';

export type { AuditActorType, AuditEntry } from './audit-log.js';
export { recordAudit } from './audit-log.js';
export { auditPurgeBatchSize } from './audit-retention.js';
export { AccessLog, accessLogPageSize } from './access-log.js';
export type { AccessLogEntry, AccessLogPage, AccessLogWhose, OrganisationNames } from './access-log.js';

/** Services of the audit module: who accessed what (written by recordAudit in the caller's transaction). */
export interface AuditServices {
  /**
   * Deletes one batch of audit rows older than AUDIT_RETENTION_DAYS; returns how many, so the worker
   * runs again at once while a full batch came back (see audit-retention.ts).
   */
  purgeExpired(): Promise<number>;
  /** The citizen's access log ("Kuka on katsonut tietojani"). */
  accessLog: AccessLog;
}

export function createAuditServices(context: AppContext): AuditServices {
  const repository = new AuditRepository(context.database.db);
  return {
    purgeExpired: () => purgeExpiredAudit(repository, context.clock(), context.config.auditRetentionDays),
    accessLog: new AccessLog(new AccessLogRepository(context.database.db)),
  };
}
