import { sql, type Kysely, type Transaction } from 'kysely';
import {
  attachmentListingColumns,
  toAttachmentListing,
  type AttachmentListing,
} from '../../db/attachment-listing.js';
import type { TransactionRunner } from '../../db/group-commit.js';
import { preparedQuery, preparedStatement } from '../../db/prepared-query.js';
import { insertMessageRow, plainElectronicMessage } from '../../db/message-rows.js';
import type { DatabaseSchema, MessagesTable } from '../../db/schema.js';
import type { Folder, FolderOrder, LocalisedNames } from './types.js';

type Db = Kysely<DatabaseSchema>;
export type Trx = Transaction<DatabaseSchema>;

/** One row of a folder listing; the title stays encrypted until the service decides to show it. */
export interface FolderRow {
  id: number;
  direction: MessagesTable['direction'];
  serviceType: MessagesTable['service_type'];
  citizenType: string | null;
  titleEnc: Buffer;
  createdAt: string;
  availableAt: string | null;
  readAt: string | null;
  receiptConfirmedAt: string | null;
  deletedAt: string | null;
  organisation: LocalisedNames;
  service: LocalisedNames;
  /** Whether the message has attachments to list (a draft upload without a position does not count). */
  hasAttachments: boolean;
  /**
   * The sender allows replies and can still read them: a reply to a deactivated service or
   * organisation would reach nobody, so the message is then no longer answerable (it stays readable).
   */
  replyAllowed: boolean;
  /** The receipt date stored with the message (on acknowledgement, or given by the sender). */
  deemedReceivedOn: string | null;
}

/** A message as the owner's mailbox sees it, with the names and ids the feed events need. */
export interface MessageRow extends FolderRow {
  organisationId: number;
  servicePk: number;
  serviceId: string;
  externalId: string | null;
  bodyFormat: MessagesTable['body_format'];
  bodyEnc: Buffer;
  threadId: number | null;
  inReplyTo: number | null;
  deemedReceivedOn: string | null;
}

export interface StoredAttachment extends AttachmentListing {
  contentEnc: Buffer;
}

export interface OpenService {
  servicePk: number;
  organisationId: number;
  organisation: LocalisedNames;
  service: LocalisedNames;
}

export interface ServiceRef {
  servicePk: number;
  organisationId: number;
  serviceId: string;
}

export interface NewCitizenMessage {
  accountId: number;
  organisationId: number;
  servicePk: number;
  citizenType: string;
  titleEnc: Buffer;
  bodyEnc: Buffer;
  inReplyTo: number | null;
  threadId: number | null;
  now: string;
}

export interface NewAttachment {
  id: string;
  accountId: number;
  messageId: number;
  position: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  contentEnc: Buffer;
  now: string;
}

/**
 * All SQL of the citizen's mailbox. Every query that reads or changes a message is scoped by
 * `account_id`, so a guessed id of someone else's message simply finds nothing.
 */
export class MailboxRepository {
  // Compiled once (see preparedQuery): the folder pages are the most frequent query of all, and
  // every mailbox page counts the unread messages; the message page reads its message, thread and
  // attachments and marks it read.
  private readonly sentPage;
  private readonly receivedPage;
  private readonly unreadCountQuery;
  private readonly messageStatement;
  private readonly threadQuery;
  private readonly attachmentsQuery;
  private readonly markReadStatement;

  /**
   * `transactions`: how the mailbox's writes are committed; on SQLite the shared group commit, so
   * that opening a message (its read mark and audit entry) does not cost a flush of its own.
   */
  constructor(
    private readonly db: Db,
    private readonly transactions: TransactionRunner = { run: (work) => db.transaction().execute(work) },
  ) {
    this.sentPage = { newest: this.sentFolderQuery('desc'), oldest: this.sentFolderQuery('asc') };
    this.receivedPage = {
      inbox: {
        newest: this.receivedFolderQuery(false, 'desc'),
        oldest: this.receivedFolderQuery(false, 'asc'),
      },
      deleted: {
        newest: this.receivedFolderQuery(true, 'desc'),
        oldest: this.receivedFolderQuery(true, 'asc'),
      },
    };
    this.unreadCountQuery = preparedQuery(this.db, 2, (accountId: number, now: string) =>
      this.db
        .selectFrom('messages as m')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
        .where('m.account_id', '=', accountId)
        .where(sql<boolean>`m.direction = 'to_citizen'`)
        .where(sql<boolean>`m.channel = 'electronic'`)
        .where('m.available_at', '<=', now)
        .where('m.deleted_at', 'is', null)
        .where('m.purged_at', 'is', null)
        .where('m.read_at', 'is', null),
    );
    this.messageStatement = preparedStatement(2, (db, accountId: number, messageId: number) =>
      this.ownMessages(accountId, db)
        .select([
          'm.organisation_id as organisationId',
          'm.service_pk as servicePk',
          's.service_id as serviceId',
          'm.external_id as externalId',
          'm.body_format as bodyFormat',
          'm.body_enc as bodyEnc',
          'm.thread_id as threadId',
          'm.in_reply_to as inReplyTo',
          'm.channel as channel',
        ])
        .where('m.id', '=', messageId),
    );
    // The thread's id is given twice: each stand-in must be exactly one parameter.
    this.threadQuery = preparedQuery(
      this.db,
      4,
      (accountId: number, threadId: number, rootId: number, now: string) =>
        this.ownMessages(accountId)
          // The thread's ids in a subquery: with the OR on the outer row SQLite read every message
          // of the person (through the account index) to test it, walking past each encrypted
          // body; this way the subquery takes the thread index and the primary key, and the
          // account index is only matched against those ids (a Bloom filter).
          .where('m.id', 'in', (eb) =>
            eb
              .selectFrom('messages as t')
              .select('t.id')
              .where((inner) => inner.or([inner('t.thread_id', '=', threadId), inner('t.id', '=', rootId)])),
          )
          .where((eb) =>
            eb.or([
              eb('m.direction', '=', 'from_citizen'),
              eb.and([eb('m.channel', '=', 'electronic'), eb('m.available_at', '<=', now)]),
            ]),
          )
          .orderBy('m.id', 'asc')
          .limit(100),
    );
    this.attachmentsQuery = preparedQuery(this.db, 1, (messageId: number) =>
      this.db
        .selectFrom('attachments')
        .select(attachmentListingColumns)
        .where('message_id', '=', messageId)
        // The paper part's PDF is linked to the message without a position: it is for the letter,
        // not for the mailbox.
        .where('position', 'is not', null)
        .orderBy('position')
        .orderBy('id'),
    );
    this.markReadStatement = preparedStatement(2, (db, messageId: number, now: string) =>
      db
        .updateTable('messages')
        .set({ read_at: now })
        .where('id', '=', messageId)
        .where('read_at', 'is', null),
    );
  }

  transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    return this.transactions.run(work);
  }

  private messageQuery(db: Db | Trx) {
    return db
      .selectFrom('messages as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('services as s', 's.id', 'm.service_pk')
      .select((eb) => [
        'm.id',
        'm.direction',
        'm.service_type as serviceType',
        'm.citizen_type as citizenType',
        'm.title_enc as titleEnc',
        'm.created_at as createdAt',
        'm.available_at as availableAt',
        'm.read_at as readAt',
        'm.receipt_confirmed_at as receiptConfirmedAt',
        'm.deleted_at as deletedAt',
        'm.reply_allowed as replyAllowed',
        'm.deemed_received_on as deemedReceivedOn',
        's.active as serviceActive',
        'o.deactivated_at as organisationDeactivatedAt',
        'o.name_fi as orgFi',
        'o.name_sv as orgSv',
        'o.name_en as orgEn',
        's.name_fi as serviceFi',
        's.name_sv as serviceSv',
        's.name_en as serviceEn',
        // exists, not count(*): the list only says whether there are attachments, and SQLite
        // evaluates an exists per row several times faster than an aggregate subquery.
        eb
          .exists(
            eb
              .selectFrom('attachments as a')
              .select(eb.lit(1).as('one'))
              .whereRef('a.message_id', '=', 'm.id')
              .where('a.position', 'is not', null),
          )
          .as('hasAttachments'),
      ]);
  }

  /**
   * One page of a folder, newest or oldest first. The (account_id, direction, id) index serves both
   * the filter and the order (read forwards or backwards), so the cost is the page size, not the
   * size of the mailbox; the remaining conditions only filter rows read from that index. Ids grow
   * with the time a message was stored, so id order is date order.
   */
  async listFolder(
    accountId: number,
    folder: Folder,
    order: FolderOrder,
    now: string,
    limit: number,
    offset: number,
  ): Promise<FolderRow[]> {
    const result =
      folder === 'sent'
        ? await this.sentPage[order](accountId, limit, offset)
        : await this.receivedPage[folder][order](accountId, now, limit, offset);
    return result.rows.map(toFolderRow);
  }

  /**
   * How many messages in Saapuneet are unread, for the navigation's count: the inbox's own
   * conditions plus read_at. The partial index messages_unread holds exactly these rows (migration
   * 0017); its conditions are literals here, not bound parameters, as neither database would
   * otherwise know at planning time that the index applies.
   */
  async countUnread(accountId: number, now: string): Promise<number> {
    const [row] = (await this.unreadCountQuery(accountId, now)).rows;
    return Number(row?.count ?? 0);
  }

  /** The account's messages that are not purged, with the columns of a folder row. */
  private ownMessages(accountId: number, db: Db | Trx = this.db) {
    return this.messageQuery(db).where('m.account_id', '=', accountId).where('m.purged_at', 'is', null);
  }

  private folderQuery(accountId: number, direction: 'asc' | 'desc', limit: number, offset: number) {
    return this.ownMessages(accountId).orderBy('m.id', direction).limit(limit).offset(offset);
  }

  private sentFolderQuery(direction: 'asc' | 'desc') {
    return preparedQuery(this.db, 3, (accountId: number, limit: number, offset: number) =>
      this.folderQuery(accountId, direction, limit, offset).where('m.direction', '=', 'from_citizen'),
    );
  }

  private receivedFolderQuery(deleted: boolean, direction: 'asc' | 'desc') {
    return preparedQuery(this.db, 4, (accountId: number, now: string, limit: number, offset: number) =>
      this.folderQuery(accountId, direction, limit, offset)
        .where('m.direction', '=', 'to_citizen')
        .where('m.channel', '=', 'electronic')
        .where('m.available_at', '<=', now)
        .where('m.deleted_at', deleted ? 'is not' : 'is', null),
    );
  }

  async findMessage(
    accountId: number,
    messageId: number,
    db: Db | Trx = this.db,
  ): Promise<MessageRow | undefined> {
    const [row] = (await this.messageStatement(db, accountId, messageId)).rows;
    if (!row) return undefined;
    // A paper-only message has no electronic part to show in the mailbox.
    if (row.direction === 'to_citizen' && row.channel !== 'electronic') return undefined;
    return {
      ...toFolderRow(row),
      organisationId: Number(row.organisationId),
      servicePk: Number(row.servicePk),
      serviceId: row.serviceId,
      externalId: row.externalId,
      bodyFormat: row.bodyFormat,
      bodyEnc: row.bodyEnc,
      threadId: row.threadId === null ? null : Number(row.threadId),
      inReplyTo: row.inReplyTo === null ? null : Number(row.inReplyTo),
    };
  }

  /** The owner's other messages in a thread (both directions), oldest first. */
  async listThread(accountId: number, threadId: number, now: string): Promise<FolderRow[]> {
    return (await this.threadQuery(accountId, threadId, threadId, now)).rows.map(toFolderRow);
  }

  async listAttachments(messageId: number): Promise<AttachmentListing[]> {
    const { rows } = await this.attachmentsQuery(messageId);
    return rows.map(toAttachmentListing);
  }

  async findAttachment(messageId: number, attachmentId: string): Promise<StoredAttachment | undefined> {
    const row = await this.db
      .selectFrom('attachments')
      .select([...attachmentListingColumns, 'content_enc'])
      .where('id', '=', attachmentId)
      .where('message_id', '=', messageId)
      .where('position', 'is not', null)
      .executeTakeFirst();
    return row && { ...toAttachmentListing(row), contentEnc: row.content_enc };
  }

  /** Sets read_at once; true when this call was the first opening (so the event is written once). */
  async markRead(trx: Trx, messageId: number, now: string): Promise<boolean> {
    const result = await this.markReadStatement(trx, messageId, now);
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  /** Records the acknowledgement once; false when it was already acknowledged. */
  async confirmReceipt(trx: Trx, messageId: number, now: string, deemedReceivedOn: string): Promise<boolean> {
    const result = await trx
      .updateTable('messages')
      .set({ receipt_confirmed_at: now, deemed_received_on: deemedReceivedOn })
      .where('id', '=', messageId)
      .where('receipt_confirmed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setDeleted(trx: Trx, accountId: number, messageId: number, deletedAt: string | null): Promise<void> {
    await trx
      .updateTable('messages')
      .set({ deleted_at: deletedAt })
      .where('id', '=', messageId)
      .where('account_id', '=', accountId)
      .where('direction', '=', 'to_citizen')
      .where('purged_at', 'is', null)
      .execute();
  }

  async accountIsActive(accountId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('accounts')
      .select('status')
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row?.status === 'active';
  }

  /** Active services that take messages from citizens, with their organisations' names. */
  async listOpenServices(): Promise<OpenService[]> {
    const rows = await this.db
      .selectFrom('services as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select([
        's.id',
        's.organisation_id',
        'o.name_fi as orgFi',
        'o.name_sv as orgSv',
        'o.name_en as orgEn',
        's.name_fi',
        's.name_sv',
        's.name_en',
      ])
      .where('s.accepts_messages', '=', 1)
      .where('s.active', '=', 1)
      .orderBy('o.name_fi')
      .orderBy('s.name_fi')
      .execute();
    return rows.map((r) => ({
      servicePk: Number(r.id),
      organisationId: Number(r.organisation_id),
      organisation: { fi: r.orgFi, sv: r.orgSv, en: r.orgEn },
      service: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
    }));
  }

  async findOpenService(servicePk: number): Promise<ServiceRef | undefined> {
    const row = await this.db
      .selectFrom('services')
      .select(['id', 'organisation_id', 'service_id'])
      .where('id', '=', servicePk)
      .where('accepts_messages', '=', 1)
      .where('active', '=', 1)
      .executeTakeFirst();
    return (
      row && {
        servicePk: Number(row.id),
        organisationId: Number(row.organisation_id),
        serviceId: row.service_id,
      }
    );
  }

  insertCitizenMessage(trx: Trx, message: NewCitizenMessage): Promise<number> {
    // A new conversation is its own thread root, so replies from the organisation can join it.
    return insertMessageRow(trx, {
      ...plainElectronicMessage,
      direction: 'from_citizen',
      organisation_id: message.organisationId,
      service_pk: message.servicePk,
      account_id: message.accountId,
      recipient_lookup: null,
      recipient_id_enc: null,
      title_enc: message.titleEnc,
      body_enc: message.bodyEnc,
      in_reply_to: message.inReplyTo,
      thread_id: message.threadId,
      citizen_type: message.citizenType,
      created_at: message.now,
      available_at: message.now,
    });
  }

  async insertAttachment(trx: Trx, attachment: NewAttachment): Promise<void> {
    await trx
      .insertInto('attachments')
      .values({
        id: attachment.id,
        organisation_id: null,
        account_id: attachment.accountId,
        message_id: attachment.messageId,
        position: attachment.position,
        file_name: attachment.fileName,
        media_type: attachment.mediaType,
        size_bytes: attachment.sizeBytes,
        sha256: attachment.sha256,
        content_enc: attachment.contentEnc,
        created_at: attachment.now,
      })
      .execute();
  }

  /** Ids of messages deleted before `cutoff` and not yet purged, oldest deletion first. */
  async findPurgeable(cutoff: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('messages')
      .select('id')
      .where('direction', '=', 'to_citizen')
      .where('deleted_at', '<', cutoff)
      .where('purged_at', 'is', null)
      .orderBy('deleted_at')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Removes the content of deleted messages: attachments are deleted and the encrypted title and
   * body are replaced by empty values. The row stays (with purged_at) so the organisation's view of
   * its sent message and the event feed keep a consistent history. The deleted_at condition is
   * repeated so a message restored meanwhile is left alone.
   */
  async purge(messageIds: number[], cutoff: string, now: string): Promise<number> {
    if (messageIds.length === 0) return 0;
    return this.transaction(async (trx) => {
      const ids = (
        await trx
          .selectFrom('messages')
          .select('id')
          .where('id', 'in', messageIds)
          .where('deleted_at', '<', cutoff)
          .where('purged_at', 'is', null)
          .execute()
      ).map((r) => Number(r.id));
      if (ids.length === 0) return 0;
      await trx.deleteFrom('attachments').where('message_id', 'in', ids).execute();
      await trx
        .updateTable('messages')
        .set({ purged_at: now, title_enc: Buffer.alloc(0), body_enc: Buffer.alloc(0) })
        .where('id', 'in', ids)
        .execute();
      return ids.length;
    });
  }
}

function toFolderRow(
  row: Omit<FolderRow, 'organisation' | 'service' | 'hasAttachments' | 'replyAllowed'> & {
    replyAllowed: number | boolean;
    serviceActive: number | boolean;
    organisationDeactivatedAt: string | null;
    orgFi: string;
    orgSv: string | null;
    orgEn: string | null;
    serviceFi: string;
    serviceSv: string | null;
    serviceEn: string | null;
    // SQLite gives 0/1, PostgreSQL a boolean.
    hasAttachments: boolean | number | string | null;
  },
): FolderRow {
  return {
    id: Number(row.id),
    direction: row.direction,
    serviceType: row.serviceType,
    citizenType: row.citizenType,
    titleEnc: row.titleEnc,
    createdAt: row.createdAt,
    availableAt: row.availableAt,
    readAt: row.readAt,
    receiptConfirmedAt: row.receiptConfirmedAt,
    deletedAt: row.deletedAt,
    organisation: { fi: row.orgFi, sv: row.orgSv, en: row.orgEn },
    service: { fi: row.serviceFi, sv: row.serviceSv, en: row.serviceEn },
    hasAttachments: row.hasAttachments === true || Number(row.hasAttachments) === 1,
    replyAllowed:
      Number(row.replyAllowed) === 1 &&
      Number(row.serviceActive) === 1 &&
      row.organisationDeactivatedAt === null,
    deemedReceivedOn: row.deemedReceivedOn,
  };
}
