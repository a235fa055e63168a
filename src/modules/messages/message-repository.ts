import type { RecipientColumns } from '../../personal-data-seal.js';
import type { Kysely } from 'kysely';
import { insertMessageRow } from '../../db/message-rows.js';
import type { DatabaseSchema, MessagesTable } from '../../db/schema.js';
import { firstValue } from '../../db/first-value.js';

type Db = Kysely<DatabaseSchema>;

export interface NewOutgoingMessage {
  organisationId: number;
  servicePk: number;
  accountId: number | null;
  /** The recipient's lookup hash and sealed value (recipientColumns). */
  recipient: RecipientColumns;
  externalId: string;
  channel: MessagesTable['channel'];
  serviceType: MessagesTable['service_type'];
  replyAllowed: boolean;
  visibility: string;
  bodyFormat: MessagesTable['body_format'];
  titleEnc: Buffer;
  bodyEnc: Buffer;
  options: string;
  paperEnc: Buffer | null;
  inReplyTo: number | null;
  /** Null for a new thread: the message becomes its own root. */
  threadId: number | null;
  createdAt: string;
  availableAt: string | null;
  deemedReceivedOn: string | null;
}

/** A message the organisation may reply to, with what a reply must match. */
export interface ReplyTarget {
  id: number;
  direction: MessagesTable['direction'];
  /** Lookup hash of the recipient the organisation addressed (crypto/personal-data.ts). */
  recipientLookup: string | null;
  /** The citizen's identity code, sealed (crypto/personal-data.ts), when a citizen sent it. */
  senderIdentityCodeEnc: Buffer | null;
  threadId: number | null;
}

export interface OutgoingMessageState {
  id: number;
  channel: MessagesTable['channel'];
  serviceType: MessagesTable['service_type'];
  createdAt: string;
  availableAt: string | null;
  readAt: string | null;
  receiptConfirmedAt: string | null;
  deemedReceivedOn: string | null;
}

export interface CitizenMessageRow {
  id: number;
  createdAt: string;
  titleEnc: Buffer;
  bodyEnc: Buffer;
  threadId: number | null;
  inReplyTo: number | null;
  citizenType: string | null;
  senderIdentityCodeEnc: Buffer | null;
}

/** All SQL about messages on the organisation API side. */
export class MessageRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the message and sets its thread (its own id when it starts one). */
  insertOutgoing(message: NewOutgoingMessage): Promise<number> {
    return insertMessageRow(this.db, {
      direction: 'to_citizen',
      organisation_id: message.organisationId,
      service_pk: message.servicePk,
      account_id: message.accountId,
      ...message.recipient,
      external_id: message.externalId,
      channel: message.channel,
      service_type: message.serviceType,
      reply_allowed: message.replyAllowed ? 1 : 0,
      visibility: message.visibility,
      body_format: message.bodyFormat,
      title_enc: message.titleEnc,
      body_enc: message.bodyEnc,
      options: message.options,
      paper_enc: message.paperEnc,
      in_reply_to: message.inReplyTo,
      thread_id: message.threadId,
      citizen_type: null,
      created_at: message.createdAt,
      available_at: message.availableAt,
      deemed_received_on: message.deemedReceivedOn,
    });
  }

  async idByExternalId(servicePk: number, externalId: string): Promise<number | undefined> {
    return firstValue(
      this.db
        .selectFrom('messages')
        .select('id')
        .where('service_pk', '=', servicePk)
        .where('external_id', '=', externalId),
    );
  }

  /** The organisation's sent message with this externalId (the oldest, if several services reused it). */
  async idByOrganisationExternalId(
    organisationId: number,
    externalId: string,
    servicePk?: number,
  ): Promise<number | undefined> {
    let query = this.db
      .selectFrom('messages')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('external_id', '=', externalId)
      .where('direction', '=', 'to_citizen');
    if (servicePk !== undefined) query = query.where('service_pk', '=', servicePk);
    return firstValue(query.orderBy('id'));
  }

  async replyTarget(organisationId: number, id: number): Promise<ReplyTarget | undefined> {
    return this.liveOrganisationMessage(organisationId, id)
      .leftJoin('accounts as a', 'a.id', 'm.account_id')
      .select([
        'm.id',
        'm.direction',
        'm.recipient_lookup as recipientLookup',
        'a.identity_code_enc as senderIdentityCodeEnc',
        'm.thread_id as threadId',
      ])
      .executeTakeFirst();
  }

  async outgoingState(organisationId: number, id: number): Promise<OutgoingMessageState | undefined> {
    return this.organisationMessage(organisationId, id)
      .select([
        'id',
        'channel',
        'service_type as serviceType',
        'created_at as createdAt',
        'available_at as availableAt',
        'read_at as readAt',
        'receipt_confirmed_at as receiptConfirmedAt',
        'deemed_received_on as deemedReceivedOn',
      ])
      .where('direction', '=', 'to_citizen')
      .executeTakeFirst();
  }

  /** A message a citizen sent to this organisation since `since` (60 days in the contract). */
  async citizenMessage(
    organisationId: number,
    id: number,
    since: string,
  ): Promise<CitizenMessageRow | undefined> {
    return this.liveOrganisationMessage(organisationId, id)
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select([
        'm.id',
        'm.created_at as createdAt',
        'm.title_enc as titleEnc',
        'm.body_enc as bodyEnc',
        'm.thread_id as threadId',
        'm.in_reply_to as inReplyTo',
        'm.citizen_type as citizenType',
        'a.identity_code_enc as senderIdentityCodeEnc',
      ])
      .where('m.direction', '=', 'from_citizen')
      .where('m.created_at', '>=', since)
      .executeTakeFirst();
  }

  /** The externalId of a thread's root when the organisation started the thread. */
  async externalIdOf(organisationId: number, id: number): Promise<string | null> {
    const externalId = await firstValue(
      this.organisationMessage(organisationId, id)
        .select('external_id')
        .where('direction', '=', 'to_citizen'),
    );
    return externalId ?? null;
  }

  /** The message a thread member replies to (v1's view names it); null for a thread's root. */
  async inReplyTo(organisationId: number, id: number): Promise<number | null> {
    return (await firstValue(this.organisationMessage(organisationId, id).select('in_reply_to'))) ?? null;
  }

  /** One message, scoped to the organisation that sent or received it. */
  private organisationMessage(organisationId: number, id: number) {
    return this.db.selectFrom('messages').where('id', '=', id).where('organisation_id', '=', organisationId);
  }

  /** The organisation's message `id` as `m`, unless purged. */
  private liveOrganisationMessage(organisationId: number, id: number) {
    return this.db
      .selectFrom('messages as m')
      .where('m.id', '=', id)
      .where('m.organisation_id', '=', organisationId)
      .where('m.purged_at', 'is', null);
  }
}
