import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import { messageWithSender } from '../../db/message-with-sender.js';
import { preparedStatement, preparedStatementsBy } from '../../db/prepared-query.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { firstValue } from '../../db/first-value.js';

type Db = Kysely<DatabaseSchema>;
export type Trx = Transaction<DatabaseSchema>;

/** What a record says about its message, read in the recording transaction. */
export interface MessageFacts {
  id: number;
  externalId: string | null;
  /** The recipient's identity code or business ID, sealed (crypto/personal-data.ts). */
  recipientIdEnc: Buffer | null;
  serviceType: 'Normal' | 'Verifiable';
  receiptConfirmed: boolean;
  titleEnc: Buffer;
  bodyEnc: Buffer;
  organisationBusinessId: string;
  serviceId: string;
}

/** One signed record as stored. */
export interface EvidenceRow {
  messageId: number;
  sequence: number;
  event: string;
  recordedAt: string;
  kid: string;
  record: string;
}

/** The header of a bundle: the message the records are about. */
export interface EvidenceSubject {
  messageId: number;
  externalId: string | null;
}

// Compiled once (see preparedStatement): every send and every first opening runs them.
const messageFactsQuery = preparedStatement(1, (db, messageId: number) =>
  messageWithSender(db, messageId)
    .select([
      'messages.id',
      'messages.external_id',
      'messages.recipient_id_enc',
      'messages.service_type',
      'messages.receipt_confirmed_at',
      'messages.title_enc',
      'messages.body_enc',
      'organisations.business_id',
      'services.service_id',
    ])
    .where('messages.direction', '=', 'to_citizen'),
);

const lastRecordQuery = preparedStatement(1, (db, messageId: number) =>
  db
    .selectFrom('delivery_evidence')
    .select(['sequence', 'record'])
    .where('message_id', '=', messageId)
    .orderBy('sequence', 'desc')
    .limit(1),
);

const evidenceColumns = 6;
/** The insert of that many records, compiled once per row count (one or two nearly always). */
const insertStatement = preparedStatementsBy((rows: number) => compileInsert(rows));

function compileInsert(rows: number) {
  return preparedStatement(rows * evidenceColumns, (db, ...values: unknown[]) =>
    db.insertInto('delivery_evidence').values(
      Array.from({ length: rows }, (_, row) => {
        const [messageId, sequence, event, recordedAt, kid, record] = values.slice(
          row * evidenceColumns,
          (row + 1) * evidenceColumns,
        ) as [number, number, string, string, string, string];
        return { message_id: messageId, sequence, event, recorded_at: recordedAt, kid, record };
      }),
    ),
  );
}

/**
 * The delivery evidence table and what the records are made of. Records are only appended: there is
 * no update or delete here. Reads of a bundle are scoped by the caller (an organisation's own
 * message, or one the mailbox has already found to be the citizen's).
 */
export class EvidenceRepository {
  constructor(private readonly db: Db | Trx) {}

  /**
   * Holds the message row until the transaction ends, so two writers append to one message's chain
   * one after the other. PostgreSQL only: SQLite has one writer, and its transaction already is that.
   */
  async lockMessage(messageId: number): Promise<void> {
    if (!isPostgres(this.db)) return;
    await this.db.selectFrom('messages').select('id').where('id', '=', messageId).forUpdate().execute();
  }

  async messageFacts(messageId: number): Promise<MessageFacts | undefined> {
    const [row] = (await messageFactsQuery(this.db, messageId)).rows;
    if (!row) return undefined;
    return {
      id: row.id,
      externalId: row.external_id,
      recipientIdEnc: row.recipient_id_enc,
      serviceType: row.service_type,
      receiptConfirmed: row.receipt_confirmed_at !== null,
      titleEnc: row.title_enc,
      bodyEnc: row.body_enc,
      organisationBusinessId: row.business_id,
      serviceId: row.service_id,
    };
  }

  /** The stored SHA-256 of each attachment's plaintext: listed ones by position, then the paper file. */
  async attachmentDigests(messageId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('attachments')
      .select('sha256')
      .where('message_id', '=', messageId)
      // Spelled out: SQLite sorts nulls first and PostgreSQL last.
      .orderBy(sql`case when position is null then 1 else 0 end`)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map((row) => row.sha256);
  }

  async lastRecord(messageId: number): Promise<{ sequence: number; record: string } | undefined> {
    return (await lastRecordQuery(this.db, messageId)).rows[0];
  }

  async deemedReceivedOn(messageId: number): Promise<string | null> {
    const day = await firstValue(
      this.db.selectFrom('messages').select('deemed_received_on').where('id', '=', messageId),
    );
    return day ?? null;
  }

  async hasEvent(messageId: number, event: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('delivery_evidence')
      .select('id')
      .where('message_id', '=', messageId)
      .where('event', '=', event)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Appends records (one statement for all of them). */
  async insert(records: readonly EvidenceRow[]): Promise<void> {
    if (records.length === 0) return;
    const values = records.flatMap((record) => [
      record.messageId,
      record.sequence,
      record.event,
      record.recordedAt,
      record.kid,
      record.record,
    ]);
    await insertStatement(records.length)(this.db, ...values);
  }

  /** How many stored records each key id signed (keys that signed none are absent). */
  async recordsPerKid(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('delivery_evidence')
      .select((eb) => ['kid', eb.fn.countAll<number | string>().as('signed')])
      .groupBy('kid')
      .execute();
    return new Map(rows.map((row) => [row.kid, Number(row.signed)]));
  }

  async records(messageId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('delivery_evidence')
      .select('record')
      .where('message_id', '=', messageId)
      .orderBy('sequence')
      .execute();
    return rows.map((row) => row.record);
  }

  /**
   * An organisation's message to a citizen; with `sentBy`, only one that organisation sent (another
   * organisation's message looks the same as none).
   */
  async subject(messageId: number, sentBy?: number): Promise<EvidenceSubject | undefined> {
    let query = this.db
      .selectFrom('messages')
      .select(['id', 'external_id'])
      .where('id', '=', messageId)
      .where('direction', '=', 'to_citizen');
    if (sentBy !== undefined) query = query.where('organisation_id', '=', sentBy);
    const row = await query.executeTakeFirst();
    return row && { messageId: row.id, externalId: row.external_id };
  }

  /**
   * Messages whose deemed-received day has come (`today`, a Helsinki date) and that have a chain but
   * no DeemedReceived record yet. Messages sent before evidence existed (no chain) are left alone, so
   * deploying this does not sign a burst of records for old mail. Only days from `since` on are
   * looked at (the index on deemed_received_on keeps this a range scan); an older one is recorded
   * when its bundle is asked for.
   */
  async dueDeemedReceived(since: string, today: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('messages')
      .select('messages.id')
      .where('messages.deemed_received_on', '>=', since)
      .where('messages.deemed_received_on', '<=', today)
      .where('messages.direction', '=', 'to_citizen')
      .where((eb) =>
        eb.and([
          eb.exists(
            eb
              .selectFrom('delivery_evidence as chain')
              .select('chain.id')
              .whereRef('chain.message_id', '=', 'messages.id'),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('delivery_evidence as deemed')
                .select('deemed.id')
                .whereRef('deemed.message_id', '=', 'messages.id')
                .where('deemed.event', '=', 'DeemedReceived'),
            ),
          ),
        ]),
      )
      .orderBy('messages.id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }
}
