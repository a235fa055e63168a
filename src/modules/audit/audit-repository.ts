import type { Kysely } from 'kysely';
import { preparedStatement } from '../../db/prepared-query.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { storedEntryOf, type Checkpoint, type ChainedFields, type StoredEntry } from './audit-chain.js';
import { firstValue } from '../../db/first-value.js';

type Db = Kysely<DatabaseSchema>;

/** A chained row to insert: its fields and the hash over them. */
export type ChainedRow = ChainedFields & { hash: string };

const entryColumns = [
  'id',
  'seq',
  'prev_hash',
  'hash',
  'occurred_at',
  'actor_type',
  'actor_id',
  'action',
  'subject_type',
  'subject_id',
  'request_id',
  'details',
] as const;

const checkpointColumns = [
  'id',
  'seq',
  'hash',
  'purged_through as purgedThrough',
  'created_at as createdAt',
  'key_id as keyId',
  'signature',
] as const;

// Every audited request runs these three (see preparedStatement): compiled once, not per entry.
const updateHeadStatements = {
  advance: preparedStatement(0, (db) =>
    db
      .updateTable('audit_chain_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash']),
  ),
  keep: preparedStatement(0, (db) =>
    db
      .updateTable('audit_chain_head')
      .set((eb) => ({ seq: eb.ref('seq') }))
      .where('id', '=', 1)
      .returning(['seq', 'hash']),
  ),
};

const linkOneAccountStatement = preparedStatement(2, (db, accountId: number, auditEventId: number) =>
  db.insertInto('audit_event_accounts').values([{ account_id: accountId, audit_event_id: auditEventId }]),
);

const messageAccountStatement = preparedStatement(1, (db, messageId: number) =>
  db.selectFrom('messages').select('account_id as accountId').where('id', '=', messageId),
);

const setHeadHashStatement = preparedStatement(1, (db, hash: string) =>
  db.updateTable('audit_chain_head').set({ hash }).where('id', '=', 1),
);

const insertStatement = preparedStatement(
  11,
  (
    db,
    seq: number,
    prevHash: string,
    hash: string,
    occurredAt: string,
    actorType: string,
    actorId: string | null,
    action: string,
    subjectType: string | null,
    subjectId: string | null,
    requestId: string | null,
    details: string | null,
  ) =>
    db
      .insertInto('audit_events')
      .values({
        seq,
        prev_hash: prevHash,
        hash,
        occurred_at: occurredAt,
        actor_type: actorType,
        actor_id: actorId,
        action,
        subject_type: subjectType,
        subject_id: subjectId,
        request_id: requestId,
        details,
      })
      .returning('id'),
);

/**
 * All SQL on audit rows. Writes go through recordAudit and the checkpoint writer, on a transaction:
 * the methods marked "in a transaction" are meaningless outside one.
 */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /**
   * In a transaction: takes the next sequence number. The update locks the head row until the
   * transaction ends (PostgreSQL; SQLite has one writer anyway), so audit writers take numbers one
   * after another and each sees the hash the one before it committed. Returns the new number and
   * the hash of the entry before it.
   */
  async advanceHead(): Promise<{ seq: number; prevHash: string }> {
    const { seq, hash } = await this.updateHead('advance');
    return { seq, prevHash: hash };
  }

  /** In a transaction, after advanceHead: the new entry becomes the head. */
  async setHeadHash(hash: string): Promise<void> {
    await setHeadHashStatement(this.db, hash);
  }

  /**
   * In a transaction: locks the head row without changing it (checkpoints and purges), so no entry
   * is added while they look at the chain; returns it.
   */
  async lockHead(): Promise<{ seq: number; hash: string }> {
    return this.updateHead('keep');
  }

  /**
   * Updates the head row (an update, not a select, so that PostgreSQL locks it until the transaction
   * ends) and returns it: `advance` takes the next sequence number, `keep` sets it to itself.
   */
  private async updateHead(seq: 'advance' | 'keep'): Promise<{ seq: number; hash: string }> {
    const [row] = (await updateHeadStatements[seq](this.db)).rows;
    if (!row) throw new Error('the audit chain head row is missing');
    return { seq: Number(row.seq), hash: row.hash };
  }

  /** The head as last committed (no lock). */
  async head(): Promise<{ seq: number; hash: string }> {
    const row = await this.db
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return { seq: Number(row.seq), hash: row.hash };
  }

  /** Returns the new entry's id. */
  async insert(row: ChainedRow): Promise<number> {
    const [inserted] = (
      await insertStatement(
        this.db,
        row.seq,
        row.prevHash,
        row.hash,
        row.occurredAt,
        row.actorType,
        row.actorId,
        row.action,
        row.subjectType,
        row.subjectId,
        row.requestId,
        row.details,
      )
    ).rows;
    if (!inserted) throw new Error('the audit entry was not inserted');
    return Number(inserted.id);
  }

  /** The account an entry's subject belongs to, when it is an account, a message, an attachment or a consent. */
  async accountsOfSubject(entry: {
    subjectType?: string | undefined;
    subjectId?: string | undefined;
  }): Promise<number[]> {
    const { subjectType, subjectId } = entry;
    if (subjectId === undefined) return [];
    const numericId = /^[1-9][0-9]{0,15}$/.test(subjectId) ? Number(subjectId) : undefined;
    let row: { accountId: number | null } | undefined;
    if (subjectType === 'account' && numericId !== undefined) return [numericId];
    if (subjectType === 'message' && numericId !== undefined) {
      [row] = (await messageAccountStatement(this.db, numericId)).rows;
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
        .innerJoin('accounts', 'accounts.identity_lookup', 'delivery_consents.identity_lookup')
        .select('accounts.id as accountId')
        .where('delivery_consents.id', '=', numericId)
        .orderBy('accounts.id', 'desc')
        .executeTakeFirst();
    }
    return row?.accountId == null ? [] : [Number(row.accountId)];
  }

  /** The accounts an entry concerns, in chunks small enough for either dialect's parameter limit. */
  async linkAccounts(auditEventId: number, accountIds: readonly number[]): Promise<void> {
    // Most entries concern one person: that insert is compiled once (the same SQL as a one-row chunk).
    if (accountIds.length === 1) {
      await linkOneAccountStatement(this.db, accountIds[0]!, auditEventId);
      return;
    }
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

  /** Up to `limit` rows after id `afterId`, in id order (the order verification walks). */
  async entriesAfterId(afterId: number, limit: number): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .select(entryColumns)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(storedEntryOf);
  }

  /** Up to `limit` chained rows from sequence `fromSeq` through `toSeq`, in sequence order (exports). */
  async entriesBySeq(fromSeq: number, toSeq: number, limit: number): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .select(entryColumns)
      .where('seq', '>=', fromSeq)
      .where('seq', '<=', toSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(storedEntryOf);
  }

  async countEntries(): Promise<number> {
    const row = await this.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * The sequence number of the first chained entry written at or after `from` (ascending) or of the
   * last one written before `to` (descending), by the time the entry carries.
   */
  async seqByTime(bound: { from: Date } | { before: Date }): Promise<number | undefined> {
    let query = this.db.selectFrom('audit_events').select('seq').where('seq', 'is not', null);
    query =
      'from' in bound
        ? query.where('occurred_at', '>=', bound.from.toISOString()).orderBy('occurred_at').orderBy('seq')
        : query
            .where('occurred_at', '<', bound.before.toISOString())
            .orderBy('occurred_at', 'desc')
            .orderBy('seq', 'desc');
    return (await firstValue(query.limit(1))) ?? undefined;
  }

  async hashAt(seq: number): Promise<string | undefined> {
    const hash = await firstValue(this.db.selectFrom('audit_events').select('hash').where('seq', '=', seq));
    return hash ?? undefined;
  }

  /** Every checkpoint, in chain order. */
  async checkpoints(): Promise<Checkpoint[]> {
    return (await this.checkpointsInChainOrder().execute()).map(toCheckpoint);
  }

  /** The checkpoints from sequence `fromSeq` through `toSeq` (exports). */
  async checkpointsBetween(fromSeq: number, toSeq: number): Promise<Checkpoint[]> {
    const rows = await this.checkpointsInChainOrder()
      .where('seq', '>=', fromSeq)
      .where('seq', '<=', toSeq)
      .execute();
    return rows.map(toCheckpoint);
  }

  /** The first checkpoint at or after `seq` (where an export ends, so its end is signed). */
  async checkpointFrom(seq: number): Promise<Checkpoint | undefined> {
    const row = await this.checkpointsInChainOrder().where('seq', '>=', seq).limit(1).executeTakeFirst();
    return row ? toCheckpoint(row) : undefined;
  }

  /** Checkpoints in chain order: by sequence, and those of one sequence in the order written. */
  private checkpointsInChainOrder() {
    return this.db.selectFrom('audit_checkpoints').select(checkpointColumns).orderBy('seq').orderBy('id');
  }

  /** The checkpoint furthest along the chain and how far retention has purged (0: nothing yet). */
  async checkpointState(): Promise<{
    last: { seq: number; createdAt: string } | undefined;
    purgedThrough: number;
  }> {
    const [last, purged] = await Promise.all([
      this.db
        .selectFrom('audit_checkpoints')
        .select(['seq', 'created_at as createdAt'])
        .orderBy('seq', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
      this.db
        .selectFrom('audit_checkpoints')
        .select((eb) => eb.fn.max('purged_through').as('purgedThrough'))
        .executeTakeFirst(),
    ]);
    return {
      last: last ? { seq: Number(last.seq), createdAt: last.createdAt } : undefined,
      purgedThrough: Number(purged?.purgedThrough ?? 0),
    };
  }

  /** How many checkpoints each key id signed (keys that signed none are absent). */
  async checkpointsPerKey(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('audit_checkpoints')
      .select((eb) => ['key_id', eb.fn.countAll<number | string>().as('signed')])
      .groupBy('key_id')
      .execute();
    return new Map(rows.map((row) => [row.key_id, Number(row.signed)]));
  }

  async insertCheckpoint(checkpoint: Omit<Checkpoint, 'id'>): Promise<void> {
    await this.db
      .insertInto('audit_checkpoints')
      .values({
        seq: checkpoint.seq,
        hash: checkpoint.hash,
        purged_through: checkpoint.purgedThrough,
        created_at: checkpoint.createdAt,
        key_id: checkpoint.keyId,
        signature: checkpoint.signature,
      })
      .execute();
  }

  /** The sequence numbers and times of up to `limit` chained entries after `afterSeq` (purging). */
  async timesAfterSeq(afterSeq: number, limit: number): Promise<Array<{ seq: number; occurredAt: string }>> {
    const rows = await this.db
      .selectFrom('audit_events')
      .select(['seq', 'occurred_at as occurredAt'])
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ seq: Number(row.seq), occurredAt: row.occurredAt }));
  }

  /** In a transaction with the checkpoint that records it: deletes the chained entries through `seq`. */
  async deleteChainedThrough(seq: number): Promise<number> {
    const result = await this.db.deleteFrom('audit_events').where('seq', '<=', seq).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Deletes up to `limit` of the oldest unchained rows (written before the chain began) from before
   * `cutoff`; returns how many. One short statement per batch.
   */
  async purgeUnchainedBefore(cutoff: Date, limit: number): Promise<number> {
    const before = cutoff.toISOString();
    const result = await this.db
      .deleteFrom('audit_events')
      .where('occurred_at', '<', before)
      .where('seq', 'is', null)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('audit_events')
          .select('id')
          .where('occurred_at', '<', before)
          .where('seq', 'is', null)
          .orderBy('occurred_at')
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toCheckpoint(row: {
  id: number;
  seq: number;
  hash: string;
  purgedThrough: number;
  createdAt: string;
  keyId: string;
  signature: string;
}): Checkpoint {
  return { ...row, id: Number(row.id), seq: Number(row.seq), purgedThrough: Number(row.purgedThrough) };
}
