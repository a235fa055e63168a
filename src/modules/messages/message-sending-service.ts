import { recipientColumns } from '../../personal-data-seal.js';
import { openAccountIdentityCode, type PersonalDataSeal } from '../../crypto/personal-data.js';
import type { Kysely } from 'kysely';
import { encryptText, contentContext } from './message-content.js';
import type { Envelope } from '../../crypto/envelope.js';
import type { DatabaseSchema } from '../../db/schema.js';
import type { TransactionRunner } from '../../db/group-commit.js';
import { deemedReceivedElectronic } from '../../domain/legal-dates.js';
import { ValidationError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { planMessageDelivery } from '../delivery/index.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import type { OrganisationService, ServiceRow } from '../organisations/index.js';
import { AttachmentRepository, type UploadState } from './attachment-repository.js';
import { appendFeedEvent } from './event-repository.js';
import type {
  AttachmentReference,
  ElectronicMessageRequest,
  ElectronicPartInput,
  MessageServiceType,
  MultichannelMessageRequest,
  OutgoingMessageOptions,
  PaperMailPartInput,
  PaperMailWithoutIdRequest,
  SendingPrincipal,
  SendResult,
  SentVia,
} from './message-input.js';
import { MessageRepository } from './message-repository.js';
import { validateElectronicPart, validatePaperPart, validateRecipientId } from './message-validation.js';
import { reachableAccounts, type DeliveryConsents } from './reachable-mailboxes.js';
import { RecipientRepository } from './recipient-repository.js';
import { isUniqueViolation } from './unique-violation.js';
import { uploadLifetimeMs } from './attachment-service.js';

type Db = Kysely<DatabaseSchema>;

interface Thread {
  inReplyTo: number | null;
  threadId: number | null;
}

/** Everything decided about a message before the transaction that stores it. */
interface Accepted {
  principal: SendingPrincipal;
  service: ServiceRow;
  externalId: string;
  sentVia: SentVia;
  recipientId: string | null;
  accountId: number | null;
  channel: 'electronic' | 'paper';
  serviceType: MessageServiceType;
  electronic: ElectronicPartInput | undefined;
  paperMail: PaperMailPartInput | undefined;
  /** What is stored (encrypted) as the paper part: the request's own object, read by the print worker. */
  storedPaperPart: object | undefined;
  thread: Thread;
}

/**
 * Sending messages to citizens: POST /v2/messages/electronic, /v2/messages (multichannel) and
 * /v2/paper-mail-without-id. Everything is checked before anything is written, and everything is
 * written in one transaction: the message, its attachments marked used, the feed event and the
 * delivery jobs. `externalId` is the idempotency key per sending service; a repeat (even a
 * concurrent one, caught by the unique index) answers with the original message id.
 */
export class MessageSendingService {
  constructor(
    private readonly deps: {
      db: Db;
      /** Stores each accepted message; on SQLite messages arriving together share one durable commit. */
      transactions: TransactionRunner;
      envelope: Envelope;
      seal: PersonalDataSeal;
      organisations: OrganisationService;
      clock: () => Date;
      /** Given under DELIVERY_CONSENT=per-organisation: electronic delivery needs a consent too. */
      consents?: DeliveryConsents | undefined;
      /** Signs the SubmissionAcceptance (and ContentConsignment) records in the storing transaction. */
      evidence: EvidenceRecorder;
    },
  ) {}

  async sendElectronic(principal: SendingPrincipal, request: ElectronicMessageRequest): Promise<SendResult> {
    const service = await this.senderService(principal, request.sender.serviceId);
    const duplicate = await this.duplicateOf(service, request.externalId);
    if (duplicate) return duplicate;
    validateRecipientId(request.recipient.id);
    validateElectronicPart(request.electronic);
    const accountId = await this.reachableAccountId(principal, request.recipient.id);
    if (accountId === undefined) {
      throw new ValidationError('recipient.id', 'the recipient has no active mailbox', 'MAILBOX_NOT_IN_USE');
    }
    const thread = await this.replyThread(principal, request.electronic, request.recipient.id);
    const uploads = await this.checkUploads(
      principal,
      request.electronic.attachments,
      'electronic.attachments',
    );
    return this.store(
      {
        principal,
        service,
        externalId: request.externalId,
        sentVia: 'electronic',
        recipientId: request.recipient.id,
        accountId,
        channel: 'electronic',
        serviceType: request.electronic.messageServiceType,
        electronic: request.electronic,
        paperMail: undefined,
        storedPaperPart: undefined,
        thread,
      },
      uploads,
    );
  }

  /** Electronic when the recipient has an active mailbox, otherwise the paper part is printed. */
  async sendMultichannel(
    principal: SendingPrincipal,
    request: MultichannelMessageRequest,
  ): Promise<SendResult> {
    const service = await this.senderService(principal, request.sender.serviceId);
    const duplicate = await this.duplicateOf(service, request.externalId);
    if (duplicate) return duplicate;
    validateRecipientId(request.recipient.id);
    validateElectronicPart(request.electronic);
    validatePaperPart(request.paperMail);
    const accountId = await this.reachableAccountId(principal, request.recipient.id);
    const thread = await this.replyThread(principal, request.electronic, request.recipient.id);
    const uploads = await this.checkUploads(
      principal,
      request.electronic.attachments,
      'electronic.attachments',
    );
    await this.checkPaperFile(principal, request.paperMail, uploads);
    const electronic = accountId !== undefined;
    return this.store(
      {
        principal,
        service,
        externalId: request.externalId,
        sentVia: 'multichannel',
        recipientId: request.recipient.id,
        accountId: accountId ?? null,
        channel: electronic ? 'electronic' : 'paper',
        serviceType: electronic
          ? request.electronic.messageServiceType
          : request.paperMail.messageServiceType,
        electronic: request.electronic,
        paperMail: request.paperMail,
        storedPaperPart: request.storedPaperPart ?? request.paperMail,
        thread,
      },
      uploads,
    );
  }

  async sendPaperWithoutId(
    principal: SendingPrincipal,
    request: PaperMailWithoutIdRequest,
  ): Promise<SendResult> {
    const service = await this.senderService(principal, request.sender.serviceId);
    const duplicate = await this.duplicateOf(service, request.externalId);
    if (duplicate) return duplicate;
    validatePaperPart(request.paperMail);
    const uploads = new Map<string, UploadState>();
    await this.checkPaperFile(principal, request.paperMail, uploads);
    return this.store(
      {
        principal,
        service,
        externalId: request.externalId,
        sentVia: 'paper-mail-without-id',
        recipientId: null,
        accountId: null,
        channel: 'paper',
        serviceType: request.paperMail.messageServiceType,
        electronic: undefined,
        paperMail: request.paperMail,
        storedPaperPart: request.storedPaperPart ?? request.paperMail,
        thread: { inReplyTo: null, threadId: null },
      },
      uploads,
    );
  }

  /**
   * The recipient's account when the organisation may deliver to it electronically (an active
   * account and, under DELIVERY_CONSENT=per-organisation, a consent in force); otherwise undefined,
   * which both forms of sending treat as "no active mailbox".
   */
  private async reachableAccountId(
    principal: SendingPrincipal,
    identityCode: string,
  ): Promise<number | undefined> {
    const reachable = await reachableAccounts(
      new RecipientRepository(this.deps.db, this.deps.seal),
      this.deps.consents,
      principal.organisationId,
      [identityCode],
    );
    return reachable.get(identityCode);
  }

  /** The sending service must be the caller's own and active; others' services look the same as none. */
  private async senderService(principal: SendingPrincipal, serviceId: string): Promise<ServiceRow> {
    const service = await this.deps.organisations.findService(serviceId);
    if (!service || service.organisationId !== principal.organisationId || !service.active) {
      throw new ValidationError('sender.serviceId', 'is not an active service of your organisation');
    }
    return service;
  }

  private async duplicateOf(service: ServiceRow, externalId: string): Promise<SendResult | undefined> {
    const id = await new MessageRepository(this.deps.db).idByExternalId(service.id, externalId);
    return id === undefined ? undefined : { messageId: id, created: false };
  }

  /**
   * A reply must answer a message in a conversation between this organisation and this recipient:
   * one the recipient sent to the organisation, or one the organisation sent to the recipient.
   */
  private async replyThread(
    principal: SendingPrincipal,
    electronic: ElectronicPartInput,
    recipientId: string,
  ): Promise<Thread> {
    const id = electronic.inReplyToMessageId;
    if (id === undefined) return { inReplyTo: null, threadId: null };
    const target = await new MessageRepository(this.deps.db).replyTarget(principal.organisationId, id);
    const sameRecipient =
      target !== undefined &&
      (target.direction === 'from_citizen'
        ? openAccountIdentityCode(this.deps.envelope, target.senderIdentityCodeEnc) === recipientId
        : target.recipientLookup === (await this.deps.seal.lookup(recipientId)));
    if (!target || !sameRecipient) {
      throw new ValidationError(
        'electronic.inReplyToMessageId',
        'the message being replied to was not found',
        'MESSAGE_BEING_REPLIED_TO_NOT_FOUND',
      );
    }
    return { inReplyTo: target.id, threadId: target.threadId ?? target.id };
  }

  /** Each referenced upload must be the organisation's own, recent, and not used by another message. */
  private async checkUploads(
    principal: SendingPrincipal,
    references: readonly AttachmentReference[],
    field: string,
  ): Promise<Map<string, UploadState>> {
    const ids = references.map((r) => r.attachmentId);
    const found = new Map(
      (await new AttachmentRepository(this.deps.db).uploadsOf(principal.organisationId, ids)).map((u) => [
        u.id,
        u,
      ]),
    );
    const oldest = new Date(this.deps.clock().getTime() - uploadLifetimeMs).toISOString();
    references.forEach((reference, index) => {
      const upload = found.get(reference.attachmentId);
      const name = `${field}[${index}].attachmentId`;
      if (!upload || upload.createdAt < oldest) {
        throw new ValidationError(name, 'no such attachment (unknown, expired, or not uploaded by you)');
      }
      if (upload.messageId !== null) throw new ValidationError(name, 'is already used in another message');
    });
    return found;
  }

  /** The paper part prints exactly one PDF; it may be the same upload as an electronic attachment. */
  private async checkPaperFile(
    principal: SendingPrincipal,
    paperMail: PaperMailPartInput,
    uploads: Map<string, UploadState>,
  ): Promise<void> {
    const field = 'paperMail.attachments';
    const paperUploads = await this.checkUploads(principal, paperMail.attachments, field);
    for (const [id, upload] of paperUploads) {
      if (upload.mediaType !== 'application/pdf') {
        throw new ValidationError(`${field}[0].attachmentId`, 'must be a PDF file');
      }
      await this.checkPrintable(principal, id, `${field}[0].attachmentId`);
      uploads.set(id, upload);
    }
  }

  /**
   * A letter is built from this PDF days later by the print worker; a file it cannot open (damaged,
   * encrypted, no pages) is refused now, while the sender can still fix it.
   */
  private async checkPrintable(principal: SendingPrincipal, id: string, field: string): Promise<void> {
    const blob = await new AttachmentRepository(this.deps.db).uploadContent(principal.organisationId, id);
    if (!blob) throw new ValidationError(field, 'unknown attachment');
    const content = this.deps.envelope.decrypt(blob, contentContext.attachment(id));
    // pdf-lib is loaded on first use, so commands that only wire up the services do not load it.
    const { PDFDocument } = await import('pdf-lib');
    let pages = 0;
    try {
      pages = (await PDFDocument.load(content, { updateMetadata: false })).getPageCount();
    } catch {
      pages = 0;
    }
    if (pages === 0) throw new ValidationError(field, 'must be a printable PDF with at least one page');
  }

  private options(accepted: Accepted): string {
    const options: OutgoingMessageOptions = { sentVia: accepted.sentVia };
    if (accepted.electronic) options.notifications = accepted.electronic.notifications;
    return JSON.stringify(options);
  }

  private async store(accepted: Accepted, uploads: Map<string, UploadState>): Promise<SendResult> {
    const now = this.deps.clock();
    const { principal, electronic, paperMail, storedPaperPart } = accepted;
    const isElectronic = accepted.channel === 'electronic';
    try {
      const recipient = await recipientColumns(this.deps.seal, accepted.recipientId);
      return await this.deps.transactions.run(async (trx) => {
        const messages = new MessageRepository(trx);
        const attachments = new AttachmentRepository(trx);
        const messageId = await messages.insertOutgoing({
          organisationId: principal.organisationId,
          servicePk: accepted.service.id,
          accountId: accepted.accountId,
          recipient,
          externalId: accepted.externalId,
          channel: accepted.channel,
          serviceType: accepted.serviceType,
          replyAllowed: isElectronic && electronic?.replyAllowedBy === 'Anyone',
          visibility: electronic?.visibility ?? 'Normal',
          bodyFormat: electronic?.bodyFormat ?? 'Text',
          titleEnc: encryptText(this.deps.envelope, electronic?.title ?? '', contentContext.title),
          bodyEnc: encryptText(this.deps.envelope, electronic?.body ?? '', contentContext.body),
          options: this.options(accepted),
          paperEnc: storedPaperPart
            ? encryptText(this.deps.envelope, JSON.stringify(storedPaperPart), contentContext.paper)
            : null,
          inReplyTo: accepted.thread.inReplyTo,
          threadId: accepted.thread.threadId,
          createdAt: now.toISOString(),
          availableAt: isElectronic ? now.toISOString() : null,
          deemedReceivedOn:
            isElectronic && accepted.serviceType === 'Normal' ? deemedReceivedElectronic(now) : null,
        });
        const electronicIds = (electronic?.attachments ?? []).map((a) => a.attachmentId);
        // Electronic attachments are listed by position; a paper-only file is used but not listed.
        const positions = new Map<string, number | null>(electronicIds.map((id, index) => [id, index]));
        for (const id of uploads.keys()) if (!positions.has(id)) positions.set(id, null);
        for (const [id, position] of positions) {
          if (!(await attachments.markUsed(principal.organisationId, id, messageId, position))) {
            throw new ValidationError('attachments', 'an attachment was used by another message meanwhile');
          }
        }
        // Accepted, and (electronic) in the mailbox at once: both proven from this transaction on.
        await this.deps.evidence.recordSubmission(trx, messageId, now, {
          channel: accepted.channel,
          clear: {
            recipientId: accepted.recipientId,
            title: electronic?.title ?? '',
            body: electronic?.body ?? '',
            hasAttachments: positions.size > 0,
          },
        });
        await planMessageDelivery(
          trx,
          {
            messageId,
            accountId: accepted.accountId,
            channel: accepted.channel,
            serviceType: accepted.serviceType,
            reminders: electronic?.notifications.unreadMessageNotification.reminder !== 'No reminders',
            hasPaperPart: paperMail !== undefined,
          },
          now,
        );
        // The feed event and the audit entry come last: each takes a lock that orders its writers
        // (PostgreSQL: the feed's advisory lock, the audit chain's head) and holds it until the
        // commit, so everything before them runs beside other sends.
        await appendFeedEvent(trx, {
          organisationId: principal.organisationId,
          messageId,
          serviceId: accepted.service.serviceId,
          externalId: accepted.externalId,
          type: isElectronic ? 'Electronic message created' : 'Paper mail created',
          occurredAt: now,
        });
        // The organisation's send, whoever pressed the button (a staff send adds its own entry):
        // linked to the recipient's account through the message, for their access log.
        await recordAudit(trx, {
          actorType: 'organisation',
          actorId: String(principal.organisationId),
          action: 'api.message_sent',
          subjectType: 'message',
          subjectId: String(messageId),
          details: {
            organisationId: principal.organisationId,
            serviceId: accepted.service.serviceId,
            channel: accepted.channel,
          },
          occurredAt: now,
        });
        return { messageId, created: true };
      });
    } catch (error) {
      // A concurrent request with the same externalId committed first: answer as for any repeat.
      if (isUniqueViolation(error)) {
        const duplicate = await this.duplicateOf(accepted.service, accepted.externalId);
        if (duplicate) return duplicate;
      }
      throw error;
    }
  }
}
