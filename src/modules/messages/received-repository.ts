import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { AttachmentListing } from '../../db/attachment-listing.js';
import type { DatabaseSchema, MessagesTable } from '../../db/schema.js';
import type { ServiceScope } from '../organisations/index.js';

type Db = Kysely<DatabaseSchema>;

export type HandledFilter = 'all' | 'unhandled' | 'handled';

/** A citizen's message as the Received list shows it; content still encrypted. */
export interface ReceivedRow {
  id: number;
  servicePk: number;
  serviceId: string;
  serviceNameFi: string;
  serviceNameSv: string | null;
  serviceNameEn: string | null;
  citizenType: string | null;
  titleEnc: Buffer;
  createdAt: string;
  handledAt: string | null;
  /** The citizen's identity code, sealed (crypto/personal-data.ts). */
  senderIdentityCodeEnc: Buffer | null;
  attachmentCount: number;
}

/** One citizen's message, opened: the row of the list with its body and thread. */
export interface ReceivedMessageRow extends ReceivedRow {
  bodyEnc: Buffer;
  threadId: number | null;
  handledByStaffId: number | null;
  accountId: number | null;
}

/** A message of the same thread, either way, as the thread list shows it. */
export interface ThreadRow {
  id: number;
  direction: 'to_citizen' | 'from_citizen';
  titleEnc: Buffer;
  createdAt: string;
}

export interface ReceivedAttachmentRow {
  id: string;
  fileName: string;
  mediaType: string;
  contentEnc: Buffer;
}

/** The number of the message's (`m`) attachments, as `attachmentCount` (a string on PostgreSQL). */
function attachmentCount(eb: ExpressionBuilder<DatabaseSchema & { m: MessagesTable }, 'm'>) {
  return eb
    .selectFrom('attachments as a')
    .select(eb.fn.countAll<number | string>().as('n'))
    .whereRef('a.message_id', '=', 'm.id')
    .as('attachmentCount');
}

/**
 * All SQL of the staff's Received pages. Every query is scoped three ways: the organisation, the
 * services the case worker acts for, and citizens' messages only (`direction = 'from_citizen'`);
 * a message outside that scope is simply not found. Purged messages are gone for staff as for the API.
 */
export class ReceivedRepository {
  constructor(private readonly db: Db) {}

  /**
   * A page of the list: not yet handled first, then newest first (id breaks ties of one instant, so
   * paging is stable). `limit` is one more than the page shows, to tell whether a next page exists.
   */
  async list(
    organisationId: number,
    services: ServiceScope,
    filter: HandledFilter,
    limit: number,
    offset: number,
  ): Promise<ReceivedRow[]> {
    let query = this.received(organisationId, services);
    if (filter === 'unhandled') query = query.where('m.handled_at', 'is', null);
    if (filter === 'handled') query = query.where('m.handled_at', 'is not', null);
    const rows = await query
      .select(attachmentCount)
      // A portable "unhandled first": a CASE rather than a boolean sort, which SQLite and PostgreSQL order alike.
      .orderBy(sql`case when m.handled_at is null then 0 else 1 end`)
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((row) => ({ ...row, attachmentCount: Number(row.attachmentCount ?? 0) }));
  }

  async message(
    organisationId: number,
    services: ServiceScope,
    id: number,
  ): Promise<ReceivedMessageRow | undefined> {
    const row = await this.received(organisationId, services)
      .where('m.id', '=', id)
      .select([
        'm.body_enc as bodyEnc',
        'm.thread_id as threadId',
        'm.handled_by_staff_id as handledByStaffId',
        'm.account_id as accountId',
      ])
      .select(attachmentCount)
      .executeTakeFirst();
    return row && { ...row, attachmentCount: Number(row.attachmentCount ?? 0) };
  }

  /**
   * The thread's messages between the organisation and the citizen, in the case worker's services,
   * oldest first: the citizen's messages and the organisation's electronic ones (paper is no part of
   * a conversation). At most 100, as the citizen's own thread list.
   */
  thread(
    organisationId: number,
    services: ServiceScope,
    accountId: number,
    threadId: number,
  ): Promise<ThreadRow[]> {
    let query = this.db
      .selectFrom('messages as m')
      .select(['m.id', 'm.direction', 'm.title_enc as titleEnc', 'm.created_at as createdAt'])
      .where('m.organisation_id', '=', organisationId)
      .where('m.account_id', '=', accountId)
      .where('m.purged_at', 'is', null)
      .where('m.channel', '=', 'electronic')
      .where((eb) => eb.or([eb('m.thread_id', '=', threadId), eb('m.id', '=', threadId)]));
    if (services !== 'all') query = query.where('m.service_pk', 'in', [...services]);
    return query.orderBy('m.id', 'asc').limit(100).execute();
  }

  /** The attachment list of an opened message (the citizen's files, in the order they gave them). */
  attachments(messageId: number): Promise<AttachmentListing[]> {
    return this.db
      .selectFrom('attachments')
      .select(['id', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes'])
      .where('message_id', '=', messageId)
      .orderBy('position')
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, sizeBytes: Number(row.sizeBytes) })));
  }

  /** One attachment of a message in scope: the message is checked by the same three conditions. */
  attachment(
    organisationId: number,
    services: ServiceScope,
    messageId: number,
    attachmentId: string,
  ): Promise<ReceivedAttachmentRow | undefined> {
    let query = this.db
      .selectFrom('attachments as a')
      .innerJoin('messages as m', 'm.id', 'a.message_id')
      .select(['a.id', 'a.file_name as fileName', 'a.media_type as mediaType', 'a.content_enc as contentEnc'])
      .where('a.id', '=', attachmentId)
      .where('m.id', '=', messageId)
      .where('m.organisation_id', '=', organisationId)
      .where('m.direction', '=', 'from_citizen')
      .where('m.purged_at', 'is', null);
    if (services !== 'all') query = query.where('m.service_pk', 'in', [...services]);
    return query.executeTakeFirst();
  }

  /**
   * Marks the message handled by `staffMemberId` at `now`, or not handled (`staffMemberId` null).
   * Returns whether a message in scope was changed; marking it as it already is changes nothing.
   */
  async setHandled(
    organisationId: number,
    services: ServiceScope,
    id: number,
    handled: { staffMemberId: number; at: string } | null,
  ): Promise<boolean> {
    let query = this.db
      .updateTable('messages')
      .set({ handled_at: handled?.at ?? null, handled_by_staff_id: handled?.staffMemberId ?? null })
      .where('id', '=', id)
      .where('organisation_id', '=', organisationId)
      .where('direction', '=', 'from_citizen')
      .where('purged_at', 'is', null)
      .where('handled_at', handled ? 'is' : 'is not', null);
    if (services !== 'all') query = query.where('service_pk', 'in', [...services]);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The organisation's citizens' messages in scope as `m`, with their service and sender. */
  private received(organisationId: number, services: ServiceScope) {
    let query = this.db
      .selectFrom('messages as m')
      .innerJoin('services as s', 's.id', 'm.service_pk')
      .innerJoin('accounts as acc', 'acc.id', 'm.account_id')
      .select([
        'm.id',
        'm.service_pk as servicePk',
        's.service_id as serviceId',
        's.name_fi as serviceNameFi',
        's.name_sv as serviceNameSv',
        's.name_en as serviceNameEn',
        'm.citizen_type as citizenType',
        'm.title_enc as titleEnc',
        'm.created_at as createdAt',
        'm.handled_at as handledAt',
        'acc.identity_code_enc as senderIdentityCodeEnc',
      ])
      .where('m.organisation_id', '=', organisationId)
      .where('m.direction', '=', 'from_citizen')
      .where('m.purged_at', 'is', null);
    if (services !== 'all') query = query.where('m.service_pk', 'in', [...services]);
    return query;
  }
}
