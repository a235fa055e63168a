import { openMessageRecipient } from '../../crypto/personal-data.js';
import type { Envelope } from '../../crypto/envelope.js';
import type { FeedEventType } from '../messages/index.js';
import { messageWithSender } from '../../db/message-with-sender.js';
import type { Db, Trx } from './job-handler.js';

export interface PaperMessage {
  id: number;
  organisationId: number;
  serviceId: string;
  externalId: string | null;
  /** Identity code or business ID the sender addressed; null for paper mail without an id. */
  recipientId: string | null;
  verifiable: boolean;
  receiptConfirmedAt: string | null;
  titleEnc: Buffer;
  paperEnc: Buffer | null;
  organisation: {
    name: { fi: string; sv: string | null; en: string | null };
    streetAddress: string | null;
    postalCode: string | null;
    city: string | null;
  };
}

export interface PaperDocument {
  id: string;
  mediaType: string;
  contentEnc: Buffer;
}

/** Reads what a letter is made of: the message, its sender and the organisation's PDF. */
export class PaperRepository {
  constructor(
    private readonly db: Db,
    private readonly envelope: Envelope,
  ) {}

  async findMessage(messageId: number): Promise<PaperMessage | undefined> {
    const row = await messageWithSender(this.db, messageId)
      .select([
        'messages.id',
        'messages.organisation_id',
        'services.service_id',
        'messages.external_id',
        'messages.recipient_id_enc',
        'messages.service_type',
        'messages.receipt_confirmed_at',
        'messages.title_enc',
        'messages.paper_enc',
        'organisations.name_fi',
        'organisations.name_sv',
        'organisations.name_en',
        'organisations.street_address',
        'organisations.postal_code',
        'organisations.city',
      ])
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      organisationId: row.organisation_id,
      serviceId: row.service_id,
      externalId: row.external_id,
      recipientId: openMessageRecipient(this.envelope, row.recipient_id_enc),
      verifiable: row.service_type === 'Verifiable',
      receiptConfirmedAt: row.receipt_confirmed_at,
      titleEnc: row.title_enc,
      paperEnc: row.paper_enc,
      organisation: {
        name: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
        streetAddress: row.street_address,
        postalCode: row.postal_code,
        city: row.city,
      },
    };
  }

  /** The attachment, only when it belongs to the message's organisation. */
  async findDocument(attachmentId: string, organisationId: number): Promise<PaperDocument | undefined> {
    const row = await this.db
      .selectFrom('attachments')
      .select(['id', 'media_type', 'content_enc'])
      .where('id', '=', attachmentId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return row ? { id: row.id, mediaType: row.media_type, contentEnc: row.content_enc } : undefined;
  }

  async hasFeedEvent(trx: Trx, messageId: number, type: FeedEventType): Promise<boolean> {
    const row = await trx
      .selectFrom('events')
      .select('id')
      .where('message_id', '=', messageId)
      .where('event_type', '=', type)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
