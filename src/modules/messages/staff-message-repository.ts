import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
import type { Kysely } from 'kysely';
import {
  attachmentListingColumns,
  toAttachmentListing,
  type AttachmentListing,
} from '../../db/attachment-listing.js';
import type { DatabaseSchema, MessagesTable } from '../../db/schema.js';
import type { ServiceScope } from '../organisations/index.js';
import { factExpressions, flag, progressFlags } from './message-progress-repository.js';
import { progressOf, type MessageProgress, type ProgressCondition } from './message-stage.js';

type Db = Kysely<DatabaseSchema>;

export interface OrganisationPostalRow {
  nameFi: string;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface SentListFilter {
  servicePk?: number | undefined;
  /** The stage's facts as alternatives (stageConditions); undefined: every stage. */
  conditions?: ProgressCondition[] | undefined;
  /** Created at or after this instant (ISO). */
  createdFrom?: string | undefined;
  /** Created before this instant (ISO). */
  createdBefore?: string | undefined;
  recipientId?: string | undefined;
}

export interface SentRow extends MessageProgress {
  id: number;
  servicePk: number;
  recipientId: string | null;
  channel: MessagesTable['channel'];
  serviceType: MessagesTable['service_type'];
  titleEnc: Buffer;
  createdAt: string;
}

export interface SentDetailsRow extends SentRow {
  externalId: string | null;
  bodyEnc: Buffer;
  bodyFormat: MessagesTable['body_format'];
  replyAllowed: boolean;
  availableAt: string | null;
  readAt: string | null;
  receiptConfirmedAt: string | null;
  deemedReceivedOn: string | null;
}

export interface FeedEventRow {
  type: string;
  occurredAt: string;
}

/** A notification or letter job of the message that finished, sent or given up. */
export interface DeliveryJobRow {
  kind: string;
  state: 'done' | 'failed';
  finishedAt: string;
}

/**
 * All SQL of the staff's sending and sent pages. Every query is scoped by organisation and, where
 * the caller may act for some services only, by those; a message outside comes back as nothing.
 */
export class StaffMessageRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  /** The organisation's name and postal address: the return address of a paper fallback. */
  async organisationPostal(organisationId: number): Promise<OrganisationPostalRow | undefined> {
    return this.db
      .selectFrom('organisations')
      .select([
        'name_fi as nameFi',
        'street_address as streetAddress',
        'postal_code as postalCode',
        'city as city',
      ])
      .where('id', '=', organisationId)
      .executeTakeFirst();
  }

  /**
   * One page of the organisation's messages to citizens, newest first (id breaks ties), with the
   * facts their stage is read from. `limit` rows from `offset`; the caller asks for one more than
   * it shows to learn whether there is a next page.
   */
  async sentPage(
    organisationId: number,
    scope: ServiceScope,
    filter: SentListFilter,
    limit: number,
    offset: number,
  ): Promise<SentRow[]> {
    if (scope !== 'all' && scope.length === 0) return [];
    if (filter.conditions && filter.conditions.length === 0) return [];
    let query = this.db
      .selectFrom('messages as m')
      .where('m.organisation_id', '=', organisationId)
      .where('m.direction', '=', 'to_citizen');
    if (scope !== 'all') query = query.where('m.service_pk', 'in', scope);
    if (filter.servicePk !== undefined) query = query.where('m.service_pk', '=', filter.servicePk);
    if (filter.createdFrom !== undefined) query = query.where('m.created_at', '>=', filter.createdFrom);
    if (filter.createdBefore !== undefined) query = query.where('m.created_at', '<', filter.createdBefore);
    if (filter.recipientId !== undefined) {
      query = query.where('m.recipient_lookup', '=', await this.seal.lookup(filter.recipientId));
    }
    const conditions = filter.conditions;
    if (conditions) {
      query = query.where((eb) => {
        const facts = factExpressions(eb);
        return eb.or(
          conditions.map((condition) =>
            eb.and(
              (Object.keys(condition) as Array<keyof MessageProgress>).map((fact) =>
                condition[fact] ? facts[fact].holds : facts[fact].fails,
              ),
            ),
          ),
        );
      });
    }
    const rows = await query
      .select((eb) => [
        'm.id as id',
        'm.service_pk as service_pk',
        'm.recipient_id_enc as recipient_id_enc',
        'm.channel as channel',
        'm.service_type as service_type',
        'm.title_enc as title_enc',
        'm.created_at as created_at',
        ...progressFlags(eb),
      ])
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      servicePk: Number(row.service_pk),
      recipientId: this.#recipient(row.recipient_id_enc),
      channel: row.channel,
      serviceType: row.service_type,
      titleEnc: row.title_enc,
      createdAt: row.created_at,
      ...progressOf(row),
    }));
  }

  /** One message the organisation sent, within the scope; undefined for anything else. */
  async sentMessage(
    organisationId: number,
    scope: ServiceScope,
    id: number,
  ): Promise<SentDetailsRow | undefined> {
    if (scope !== 'all' && scope.length === 0) return undefined;
    let query = this.db
      .selectFrom('messages as m')
      .where('m.id', '=', id)
      .where('m.organisation_id', '=', organisationId)
      .where('m.direction', '=', 'to_citizen');
    if (scope !== 'all') query = query.where('m.service_pk', 'in', scope);
    const row = await query
      .select((eb) => {
        const facts = factExpressions(eb);
        return [
          'm.id as id',
          'm.service_pk as service_pk',
          'm.recipient_id_enc as recipient_id_enc',
          'm.external_id as external_id',
          'm.channel as channel',
          'm.service_type as service_type',
          'm.title_enc as title_enc',
          'm.body_enc as body_enc',
          'm.body_format as body_format',
          'm.reply_allowed as reply_allowed',
          'm.created_at as created_at',
          'm.available_at as available_at',
          'm.read_at as read_at',
          'm.receipt_confirmed_at as receipt_confirmed_at',
          'm.deemed_received_on as deemed_received_on',
          flag(eb, facts.sentForPrinting.holds).as('is_printed'),
          flag(eb, facts.deliveryFailed.holds).as('is_failed'),
        ];
      })
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: Number(row.id),
      servicePk: Number(row.service_pk),
      recipientId: this.#recipient(row.recipient_id_enc),
      externalId: row.external_id,
      channel: row.channel,
      serviceType: row.service_type,
      titleEnc: row.title_enc,
      bodyEnc: row.body_enc,
      bodyFormat: row.body_format,
      replyAllowed: Number(row.reply_allowed) === 1,
      createdAt: row.created_at,
      availableAt: row.available_at,
      readAt: row.read_at,
      receiptConfirmedAt: row.receipt_confirmed_at,
      deemedReceivedOn: row.deemed_received_on,
      available: row.available_at !== null,
      read: row.read_at !== null,
      receiptConfirmed: row.receipt_confirmed_at !== null,
      sentForPrinting: Number(row.is_printed) === 1,
      deliveryFailed: Number(row.is_failed) === 1,
    };
  }

  /** The message's feed events, oldest first (kept 60 days; the message row keeps the main facts). */
  async feedEvents(organisationId: number, messageId: number): Promise<FeedEventRow[]> {
    return this.db
      .selectFrom('events')
      .select(['event_type as type', 'occurred_at as occurredAt'])
      .where('organisation_id', '=', organisationId)
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute();
  }

  /** The message's delivery jobs that finished, oldest first. */
  async finishedJobs(messageId: number): Promise<DeliveryJobRow[]> {
    const rows = await this.db
      .selectFrom('outbox_jobs')
      .select(['kind', 'state', 'finished_at'])
      .where('message_id', '=', messageId)
      .where('state', 'in', ['done', 'failed'])
      .where('finished_at', 'is not', null)
      .orderBy('finished_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      kind: row.kind,
      state: row.state as 'done' | 'failed',
      finishedAt: row.finished_at ?? '',
    }));
  }

  /** The files listed in the message, in their order. */
  async attachments(organisationId: number, messageId: number): Promise<AttachmentListing[]> {
    const rows = await this.db
      .selectFrom('attachments')
      .select(attachmentListingColumns)
      .where('organisation_id', '=', organisationId)
      .where('message_id', '=', messageId)
      .where('position', 'is not', null)
      .orderBy('position')
      .execute();
    return rows.map(toAttachmentListing);
  }

  #recipient(sealed: Buffer | null): string | null {
    return this.seal.openOptional(sealed, personalDataContext.messageRecipientId);
  }
}
