import { openAccountIdentityCode } from '../../crypto/personal-data.js';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { organisationRead, type OrganisationApiAction } from './organisation-read-audit.js';
import type { Envelope } from '../../crypto/envelope.js';
import { fileNameForType } from '../../domain/attachment-types.js';
import { NotFoundError } from '../../errors.js';
import type { PopulationRegister } from '../population-register/index.js';
import type { ApiPrincipal, OrganisationService } from '../organisations/index.js';
import type { AttachmentRepository } from './attachment-repository.js';
import { citizenMessageRetentionMs } from './attachment-service.js';
import type { FeedRepository } from './feed-repository.js';
import { contentContext, decryptText } from './message-content.js';
import type { MessageRepository } from './message-repository.js';

interface Status<S extends string> {
  createdAt: string;
  status: S;
}

/** The contract's MessageState plus our extension: the date the message is deemed received. */
export interface MessageStateView {
  statuses: Status<'Created'>[];
  electronic?: { statuses: Status<'Created' | 'Readable' | 'Read' | 'Receipt confirmed'>[] };
  paperMail?: { statuses: Status<'Created' | 'Sent for printing and enveloping'>[] };
  deemedReceivedOn?: string;
}

export interface CitizenMessageView {
  messageId: number;
  createdAt: string;
  electronic: {
    messageId: number;
    createdAt: string;
    title: string;
    body: string;
    attachments: Array<{ attachmentId: string; filename: string; mediaType: string; sizeBytes: number }>;
    thread?: { rootMessageId: number; threadExternalId?: string };
    messageType?: string;
  };
  sender: { mailboxOwner: { id: string; name: string } };
}

/**
 * Reading what the organisation sent (its id by externalId, its delivery state) and what citizens
 * sent to it. Every lookup is scoped to the caller's organisation; anything else is "not found".
 */
export class MessageQueryService {
  constructor(
    private readonly deps: {
      db: Kysely<DatabaseSchema>;
      messages: MessageRepository;
      attachments: AttachmentRepository;
      feed: FeedRepository;
      organisations: OrganisationService;
      populationRegister: PopulationRegister;
      envelope: Envelope;
      clock: () => Date;
    },
  ) {}

  /** Records the caller's access to one message (its owner's access log shows it). */
  private audit(principal: ApiPrincipal, action: OrganisationApiAction, messageId: number): Promise<void> {
    return recordAudit(
      this.deps.db,
      organisationRead(principal, action, { type: 'message', id: String(messageId) }, this.deps.clock()),
    );
  }

  /** GET /v1/messages/id?externalId= (with our optional serviceId to pick one service). */
  async idByExternalId(principal: ApiPrincipal, externalId: string, serviceId?: string): Promise<number> {
    let servicePk: number | undefined;
    if (serviceId !== undefined) {
      const service = await this.deps.organisations.findService(serviceId);
      if (!service || service.organisationId !== principal.organisationId) {
        throw new NotFoundError('Message not found');
      }
      servicePk = service.id;
    }
    const id = await this.deps.messages.idByOrganisationExternalId(
      principal.organisationId,
      externalId,
      servicePk,
    );
    if (id === undefined) throw new NotFoundError('Message not found');
    await this.audit(principal, 'api.message_id_looked_up', id);
    return id;
  }

  /** GET /v1/messages/{id}/state. */
  async state(principal: ApiPrincipal, messageId: number): Promise<MessageStateView> {
    const message = await this.deps.messages.outgoingState(principal.organisationId, messageId);
    if (!message) throw new NotFoundError('Message not found');
    await this.audit(principal, 'api.message_state_read', messageId);
    const view: MessageStateView = { statuses: [{ createdAt: message.createdAt, status: 'Created' }] };
    if (message.channel === 'electronic') {
      const statuses: NonNullable<MessageStateView['electronic']>['statuses'] = [
        { createdAt: message.createdAt, status: 'Created' },
      ];
      if (message.availableAt) statuses.push({ createdAt: message.availableAt, status: 'Readable' });
      if (message.readAt) statuses.push({ createdAt: message.readAt, status: 'Read' });
      if (message.receiptConfirmedAt) {
        statuses.push({ createdAt: message.receiptConfirmedAt, status: 'Receipt confirmed' });
      }
      view.electronic = { statuses };
    }
    // Paper statuses come from the feed, where the delivery pipeline records printing; an electronic
    // message gets them too if its paper part was printed (unacknowledged verifiable message).
    const paper: NonNullable<MessageStateView['paperMail']>['statuses'] = [];
    if (message.channel === 'paper') paper.push({ createdAt: message.createdAt, status: 'Created' });
    for (const event of await this.deps.feed.ofMessage(principal.organisationId, messageId)) {
      if (event.type === 'Sent for printing and enveloping') {
        if (paper.length === 0) paper.push({ createdAt: event.occurredAt, status: 'Created' });
        paper.push({ createdAt: event.occurredAt, status: 'Sent for printing and enveloping' });
      }
    }
    if (paper.length > 0) view.paperMail = { statuses: paper };
    if (message.deemedReceivedOn) view.deemedReceivedOn = message.deemedReceivedOn;
    return view;
  }

  /** GET /v2/messages/{id}: a message a citizen sent to this organisation, within 60 days. */
  async citizenMessage(principal: ApiPrincipal, messageId: number): Promise<CitizenMessageView> {
    const since = new Date(this.deps.clock().getTime() - citizenMessageRetentionMs).toISOString();
    const row = await this.deps.messages.citizenMessage(principal.organisationId, messageId, since);
    if (!row) throw new NotFoundError('Message not found');
    await this.audit(principal, 'api.citizen_message_read', row.id);
    const attachments = await this.deps.attachments.listOfMessage(row.id);
    const senderIdentityCode = openAccountIdentityCode(this.deps.envelope, row.senderIdentityCodeEnc);
    const person = await this.deps.populationRegister.findByIdentityCode(senderIdentityCode);
    const electronic: CitizenMessageView['electronic'] = {
      messageId: row.id,
      createdAt: row.createdAt,
      title: decryptText(this.deps.envelope, row.titleEnc, contentContext.title),
      body: decryptText(this.deps.envelope, row.bodyEnc, contentContext.body),
      attachments: attachments.map((a) => ({
        attachmentId: a.id,
        filename: fileNameForType(a.fileName, a.mediaType),
        mediaType: a.mediaType,
        sizeBytes: a.sizeBytes,
      })),
    };
    const rootId = row.threadId !== null && row.threadId !== row.id ? row.threadId : row.inReplyTo;
    if (rootId !== null) {
      const threadExternalId = await this.deps.messages.externalIdOf(principal.organisationId, rootId);
      electronic.thread = { rootMessageId: rootId, ...(threadExternalId ? { threadExternalId } : {}) };
    }
    if (row.citizenType) electronic.messageType = row.citizenType;
    return {
      messageId: row.id,
      createdAt: row.createdAt,
      electronic,
      sender: {
        mailboxOwner: {
          id: senderIdentityCode,
          name: person ? `${person.firstNames} ${person.lastName}` : '',
        },
      },
    };
  }
}
