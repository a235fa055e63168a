import type { JsonWebKey } from 'node:crypto';
import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import { AccessLog } from './access-log.js';
import { AccessLogRepository } from './access-log-repository.js';
import type { PeriodicTask } from '../../worker/worker.js';
import type { ChainResult } from './audit-chain.js';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditKeyAdministration } from './audit-key-administration.js';
import { AuditKeySource } from './audit-keys.js';
import { publicJwkOf, type AuditKey } from './audit-signing-keys.js';
import {
  exportChain,
  verifyDatabaseChain,
  type ExportLine,
  type VerifyProgress,
} from './audit-verification.js';

export type { AuditActorType, AuditEntry } from './audit-log.js';
export { recordAudit } from './audit-log.js';
export type { AuditKeyAdministration, AuditKeyListing } from './audit-key-administration.js';
export {
  recordOperatorKeyAction,
  type KeyAdministrationDeps,
  type OperatorKeySet,
  type SigningKeyListing,
} from './operator-key-actions.js';
export { auditPurgeBatchSize } from './audit-retention.js';
export { AccessLog, accessLogPageSize } from './access-log.js';
export type { AccessLogEntry, AccessLogPage, AccessLogWhose, OrganisationNames } from './access-log.js';
export type { ChainProblem, ChainResult, ChainSummary } from './audit-chain.js';
export type { ExportLine, VerifyProgress } from './audit-verification.js';
export { ExportVerifier } from './audit-verification.js';
export { AuditKeyError, publicKeysOf, readAuditKeyFile } from './audit-signing-keys.js';

/** Services of the audit module: who accessed what (written by recordAudit in the caller's transaction). */
export interface AuditServices {
  /**
   * Deletes one batch of audit rows older than AUDIT_RETENTION_DAYS; returns how many, so the worker
   * runs again at once while a full batch came back (see audit-checkpoints.ts).
   */
  purgeExpired(): Promise<number>;
  /** The citizen's access log ("Kuka on katsonut tietojani"). */
  accessLog: AccessLog;
  /** Signs the checkpoints that are due; `now`: also one at the newest entry. Returns how many. */
  writeCheckpoints(options?: { now?: boolean }): Promise<number>;
  /**
   * Checks the whole chain against the audit signing keys' public halves; `unchainedUntil` tolerates
   * unchained rows written before then (see ChainWalkOptions).
   */
  verify(onProgress: VerifyProgress, options?: { unchainedUntil?: Date }): Promise<ChainResult>;
  /** Writes an export (see exportChain); returns how many entries it holds. */
  export(range: { from: Date; to: Date }, write: (line: ExportLine) => Promise<void>): Promise<number>;
  /** The operator's `audit keys | rotate-key | retire-key`. */
  keys: AuditKeyAdministration;
}

export function createAuditServices(context: AppContext): AuditServices {
  const { config, database, clock, logger } = context;
  const keys = new AuditKeySource({
    file: config.auditSigningKeys.file,
    createIfMissing: context.testMode && config.auditSigningKeys.inDataDir,
  });
  const checkpoints = new AuditCheckpoints({
    db: database.db,
    keys,
    clock,
    logger,
    rule: { every: config.auditCheckpointEvery, minutes: config.auditCheckpointMinutes },
    retentionDays: config.auditRetentionDays,
  });
  const publicJwks = (all: AuditKey[]): JsonWebKey[] => all.map(publicJwkOf);
  return {
    accessLog: new AccessLog(new AccessLogRepository(database.db, personalDataSeal(context))),
    purgeExpired: () => checkpoints.purgeExpired(),
    writeCheckpoints: (options) => checkpoints.writeDue(options),
    verify: (onProgress, options) =>
      verifyDatabaseChain(database.db, keys.publicKeys(), onProgress, options?.unchainedUntil),
    export: (range, write) =>
      exportChain(database.db, { ...range, exportedAt: clock() }, publicJwks(keys.all()), write),
    keys: new AuditKeyAdministration({ db: database.db, file: config.auditSigningKeys.file }),
  };
}

/** How often the worker looks whether a checkpoint is due (a look is two small reads). */
export const auditCheckpointIntervalMs = 30_000;

/** The worker's audit task: signed checkpoints (the purge runs with the other retention purges). */
export function auditTasks(audit: AuditServices): PeriodicTask[] {
  return [
    {
      name: 'audit-checkpoint',
      intervalMs: auditCheckpointIntervalMs,
      run: async () => {
        await audit.writeCheckpoints();
      },
    },
  ];
}
