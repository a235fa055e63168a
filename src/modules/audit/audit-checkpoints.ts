import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { retentionCutoff } from '../../domain/retention-cutoff.js';
import type { Logger } from '../../logging/logger.js';
import { checkpointsDue } from './audit-chain.js';
import type { AuditKeySource } from './audit-keys.js';
import { AuditRepository } from './audit-repository.js';
import { auditPurgeBatchSize, purgeLimit } from './audit-retention.js';
import { signCheckpoint } from './audit-signing-keys.js';

export interface AuditCheckpointDeps {
  db: Kysely<DatabaseSchema>;
  keys: AuditKeySource;
  clock: () => Date;
  logger: Logger;
  /** AUDIT_CHECKPOINT_EVERY and AUDIT_CHECKPOINT_MINUTES. */
  rule: { every: number; minutes: number };
  /** AUDIT_RETENTION_DAYS. */
  retentionDays: number;
}

/**
 * The worker's side of the chain: signed checkpoints, and retention that cuts the chain only at its
 * start and records how far in a signed checkpoint written in the same transaction (so a deletion
 * that no checkpoint vouches for is found by verification). Both lock the chain head while they
 * work, so several workers never sign the same stretch twice and no entry is added meanwhile.
 */
export class AuditCheckpoints {
  #warnedNoKey = false;

  constructor(private readonly deps: AuditCheckpointDeps) {}

  /**
   * Signs the checkpoints that are due (checkpointsDue); with `now`, also one at the newest entry
   * (an operator before an export). Returns how many were written; none without a signing key.
   */
  async writeDue(options: { now?: boolean } = {}): Promise<number> {
    const { db, clock, rule } = this.deps;
    const at = clock();
    const plan = (head: { seq: number }, last: { seq: number; createdAt: string } | undefined) => {
      const due = checkpointsDue(head, last, at, rule);
      if (options.now && head.seq > (last?.seq ?? 0) && due.at(-1) !== head.seq) due.push(head.seq);
      return due;
    };
    const look = new AuditRepository(db);
    const [head, state] = await Promise.all([look.head(), look.checkpointState()]);
    if (plan(head, state.last).length === 0) return 0;
    const key = this.signingKey();
    if (!key) return 0;
    return db.transaction().execute(async (trx) => {
      const repository = new AuditRepository(trx);
      const locked = await repository.lockHead();
      const { last, purgedThrough } = await repository.checkpointState();
      const due = plan(locked, last);
      for (const seq of due) {
        const hash = seq === locked.seq ? locked.hash : await repository.hashAt(seq);
        if (hash === undefined) {
          throw new Error(
            `audit entry ${seq} is missing, so it cannot be signed: run asiointitili audit verify`,
          );
        }
        const createdAt = at.toISOString();
        await repository.insertCheckpoint(signCheckpoint({ seq, hash, purgedThrough, createdAt }, key));
      }
      return due.length;
    });
  }

  /**
   * Deletes one batch of audit rows older than AUDIT_RETENTION_DAYS: rows from before the chain
   * first, then the start of the chain (only with a signing key, which records the cut). Returns
   * how many, so the worker runs again at once while a full batch came back.
   */
  async purgeExpired(): Promise<number> {
    const { db, clock, retentionDays } = this.deps;
    const now = clock();
    const cutoff = retentionCutoff(now, retentionDays);
    const unchained = await new AuditRepository(db).purgeUnchainedBefore(cutoff, auditPurgeBatchSize);
    if (unchained >= auditPurgeBatchSize) return unchained;
    const look = new AuditRepository(db);
    const { purgedThrough } = await look.checkpointState();
    const first = await look.timesAfterSeq(purgedThrough, 1);
    if (purgeLimit(purgedThrough, first, cutoff) === purgedThrough) return unchained;
    const key = this.signingKey();
    if (!key) return unchained;
    const chained = await db.transaction().execute(async (trx) => {
      const repository = new AuditRepository(trx);
      const head = await repository.lockHead();
      const state = await repository.checkpointState();
      const rows = await repository.timesAfterSeq(state.purgedThrough, auditPurgeBatchSize - unchained);
      const through = purgeLimit(state.purgedThrough, rows, cutoff);
      if (through === state.purgedThrough) return 0;
      const deleted = await repository.deleteChainedThrough(through);
      const statement = {
        seq: head.seq,
        hash: head.hash,
        purgedThrough: through,
        createdAt: now.toISOString(),
      };
      await repository.insertCheckpoint(signCheckpoint(statement, key));
      return deleted;
    });
    return unchained + chained;
  }

  private signingKey() {
    const key = this.deps.keys.signingKey();
    if (!key && !this.#warnedNoKey) {
      this.#warnedNoKey = true;
      this.deps.logger.warn(
        { file: this.deps.keys.file },
        'no audit signing key (AUDIT_SIGNING_KEY_FILE): audit checkpoints are not written and the chain is not purged',
      );
    }
    return key;
  }
}
