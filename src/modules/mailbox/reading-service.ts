import { DecryptionError, type Envelope } from '../../crypto/envelope.js';
import { fileNameForType } from '../../domain/attachment-types.js';
import { helsinkiDate } from '../../domain/legal-dates.js';
import { renderMessageBody } from '../../domain/message-body.js';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../../errors.js';
import type { Logger } from '../../logging/logger.js';
import { recordAudit } from '../audit/index.js';
import type { EvidenceBundle, EvidenceBundles, EvidenceRecorder } from '../evidence/index.js';
import { appendFeedEventInTransaction, contentContext, decryptText } from '../messages/index.js';
import type { MailboxRepository, MessageRow } from './mailbox-repository.js';
import {
  canReply,
  canRestore,
  deemedReceivedOn,
  isSealed,
  isVisible,
  restorableUntil,
  toFolderItem,
} from './message-rules.js';
import {
  limits,
  type Actor,
  type Folder,
  type FolderOrder,
  type FolderPage,
  type MessageView,
} from './types.js';

export interface DownloadedAttachment {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * Reading the mailbox: folders, the message page, acknowledgement, deletion and restoring, and
 * attachment downloads. Someone else's message, an unavailable one and a purged one all look the
 * same from here: NotFoundError, so ids reveal nothing.
 */
export class MailboxReadingService {
  constructor(
    private readonly deps: {
      repository: MailboxRepository;
      envelope: Envelope;
      clock: () => Date;
      logger: Logger;
      /** Opening and acknowledging are recorded as signed evidence; the citizen downloads the bundle. */
      evidence: { recorder: EvidenceRecorder; bundles: EvidenceBundles };
    },
  ) {}

  /** A stored title that does not decrypt is logged (never its content) and its item shown as unavailable. */
  private readonly reportUnreadable = (messageId: number, error: Error) =>
    this.deps.logger.error({ messageId, err: error }, 'message content cannot be decrypted');

  private decryptOrUnavailable(messageId: number, blob: Buffer, context: string): string {
    try {
      return decryptText(this.deps.envelope, blob, context);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      this.reportUnreadable(messageId, error);
      throw new ServiceUnavailableError('the message cannot be shown right now');
    }
  }

  async listFolder(
    accountId: number,
    folder: Folder,
    page: number,
    order: FolderOrder = 'newest',
  ): Promise<FolderPage> {
    const now = this.deps.clock();
    // One row more than the page tells whether a next page exists without counting the mailbox.
    const rows = await this.deps.repository.listFolder(
      accountId,
      folder,
      order,
      now.toISOString(),
      limits.pageSize + 1,
      (page - 1) * limits.pageSize,
    );
    return {
      folder,
      order,
      page,
      hasNext: rows.length > limits.pageSize,
      items: rows
        .slice(0, limits.pageSize)
        .map((row) => toFolderItem(row, this.deps.envelope, this.reportUnreadable)),
    };
  }

  /** Unread messages in Saapuneet (the navigation shows the number). */
  async unreadCount(accountId: number): Promise<number> {
    return this.deps.repository.countUnread(accountId, this.deps.clock().toISOString());
  }

  /**
   * The message page. Opening is an access (audited every time); the first opening of an
   * organisation's message with its content shown is also the "read" event in the sender's feed.
   * A sealed verifiable message is opened too, but shows only its sender and is not read yet.
   */
  async openMessage(actor: Actor, messageId: number): Promise<MessageView> {
    const now = this.deps.clock();
    const row = await this.visibleMessage(actor.accountId, messageId, now);
    const sealed = isSealed(row);
    // Decrypted before anything is recorded: a message that cannot be shown (503) is not read, so
    // the sender's feed and the delivery evidence never say it was.
    const content = sealed
      ? undefined
      : {
          title: this.decryptOrUnavailable(row.id, row.titleEnc, contentContext.title),
          body: this.decryptOrUnavailable(row.id, row.bodyEnc, contentContext.body),
        };
    let firstRead = false;
    await this.deps.repository.transaction(async (trx) => {
      if (!sealed && row.direction === 'to_citizen') {
        firstRead = await this.deps.repository.markRead(trx, row.id, now.toISOString());
        if (firstRead) {
          await appendFeedEventInTransaction(trx, {
            organisationId: row.organisationId,
            messageId: row.id,
            serviceId: row.serviceId,
            externalId: row.externalId,
            type: 'Electronic message read',
            occurredAt: now,
          });
          await this.deps.evidence.recorder.recordInTransaction(trx, row.id, 'opened', now);
        }
      }
      // Last: the audit write holds the chain head until commit, so taking it after the message row
      // keeps the lock order that deleting and acknowledging use (no deadlock between them).
      await recordAudit(trx, {
        actorType: 'citizen',
        actorId: String(actor.accountId),
        action: 'message.read',
        subjectType: 'message',
        subjectId: String(row.id),
        requestId: actor.requestId,
        details: { contentShown: !sealed },
        occurredAt: now,
      });
    });

    const common = {
      id: row.id,
      direction: row.direction,
      organisation: row.organisation,
      receivedAt: row.availableAt ?? row.createdAt,
      verifiable: row.serviceType === 'Verifiable',
      deleted: row.deletedAt !== null,
      restorableUntil: restorableUntil(row),
      // Saapuneet's count leaves out deleted messages (see countUnread).
      leftUnreadCount: firstRead && row.deletedAt === null,
    };
    if (content === undefined) return { ...common, sealed: true };

    const threadRoot = row.threadId ?? row.id;
    const thread = (
      await this.deps.repository.listThread(actor.accountId, threadRoot, now.toISOString())
    ).map((item) => toFolderItem(item, this.deps.envelope, this.reportUnreadable));
    const fromOrganisation = row.direction === 'to_citizen';
    return {
      ...common,
      sealed: false,
      service: row.service,
      title: content.title,
      // renderMessageBody is the one place message text becomes HTML (see src/domain/message-body.ts).
      bodyHtml: renderMessageBody(content.body, row.bodyFormat),
      // Shown under the name it downloads as (see downloadAttachment).
      attachments: (await this.deps.repository.listAttachments(row.id)).map((attachment) => ({
        ...attachment,
        fileName: fileNameForType(attachment.fileName, attachment.mediaType),
      })),
      citizenType: row.citizenType,
      deemedReceivedOn: deemedReceivedOn(row),
      acknowledgedAt: row.receiptConfirmedAt,
      canReply: canReply(row),
      canDelete: fromOrganisation && row.deletedAt === null,
      canRestore: canRestore(row, now),
      thread: thread.length > 1 ? thread : [],
    };
  }

  /**
   * "Kuittaa vastaanotetuksi": the acknowledgement time becomes the receipt event, and its Helsinki
   * date the day the message counts as received. Acknowledging twice changes nothing.
   */
  async acknowledge(actor: Actor, messageId: number): Promise<void> {
    const now = this.deps.clock();
    const row = await this.visibleMessage(actor.accountId, messageId, now);
    if (row.direction !== 'to_citizen' || row.serviceType !== 'Verifiable') {
      throw new ConflictError('only verifiable messages are acknowledged');
    }
    await this.deps.repository.transaction(async (trx) => {
      const first = await this.deps.repository.confirmReceipt(
        trx,
        row.id,
        now.toISOString(),
        helsinkiDate(now),
      );
      if (!first) return;
      await appendFeedEventInTransaction(trx, {
        organisationId: row.organisationId,
        messageId: row.id,
        serviceId: row.serviceId,
        externalId: row.externalId,
        type: 'Receipt confirmed',
        occurredAt: now,
      });
      await this.deps.evidence.recorder.recordInTransaction(trx, row.id, 'acknowledged', now);
      await this.audit(trx, actor, 'message.acknowledge', row.id, now);
    });
  }

  /** Moves an organisation's message to Poistetut; it can be restored for 60 days. */
  async deleteMessage(actor: Actor, messageId: number): Promise<void> {
    const now = this.deps.clock();
    const row = await this.visibleMessage(actor.accountId, messageId, now);
    if (row.direction !== 'to_citizen') throw new ConflictError('sent messages cannot be deleted');
    if (isSealed(row)) throw new ConflictError('acknowledge a verifiable message before deleting it');
    if (row.deletedAt !== null) return;
    await this.deps.repository.transaction(async (trx) => {
      await this.deps.repository.setDeleted(trx, actor.accountId, row.id, now.toISOString());
      await this.audit(trx, actor, 'message.delete', row.id, now);
    });
  }

  async restoreMessage(actor: Actor, messageId: number): Promise<void> {
    const now = this.deps.clock();
    const row = await this.visibleMessage(actor.accountId, messageId, now);
    if (row.deletedAt === null) return;
    if (!canRestore(row, now)) throw new ConflictError('the restoring period has ended');
    await this.deps.repository.transaction(async (trx) => {
      await this.deps.repository.setDeleted(trx, actor.accountId, row.id, null);
      await this.audit(trx, actor, 'message.restore', row.id, now);
    });
  }

  /** An attachment of the citizen's own message; never of a sealed one. */
  async downloadAttachment(
    actor: Actor,
    messageId: number,
    attachmentId: string,
  ): Promise<DownloadedAttachment> {
    const now = this.deps.clock();
    const row = await this.visibleMessage(actor.accountId, messageId, now);
    if (isSealed(row)) throw new NotFoundError('attachment not found');
    const attachment = await this.deps.repository.findAttachment(row.id, attachmentId);
    if (!attachment) throw new NotFoundError('attachment not found');
    const content = this.deps.envelope.decrypt(
      attachment.contentEnc,
      contentContext.attachment(attachment.id),
    );
    await this.deps.repository.transaction((trx) =>
      recordAudit(trx, {
        actorType: 'citizen',
        actorId: String(actor.accountId),
        action: 'attachment.download',
        subjectType: 'attachment',
        subjectId: attachment.id,
        requestId: actor.requestId,
        details: { messageId: row.id },
        occurredAt: now,
      }),
    );
    // The name's extension always matches the served type, also for rows stored before names were
    // checked at upload: a file is saved, and later opened, as what it really is.
    const fileName = fileNameForType(attachment.fileName, attachment.mediaType);
    return { fileName, mediaType: attachment.mediaType, content };
  }

  /**
   * The signed delivery evidence of an organisation's message to the citizen (docs/evidence.md): the
   * same bundle the sender gets. Only the owner's visible messages; every download is audited.
   */
  async evidenceBundle(actor: Actor, messageId: number): Promise<EvidenceBundle> {
    const now = this.deps.clock();
    const row = await this.visibleMessage(actor.accountId, messageId, now);
    if (row.direction !== 'to_citizen') throw new NotFoundError('message not found');
    await this.deps.repository.transaction((trx) =>
      this.audit(trx, actor, 'message.evidence.download', row.id, now),
    );
    return this.deps.evidence.bundles.forMessage(row.id);
  }

  private async visibleMessage(accountId: number, messageId: number, now: Date): Promise<MessageRow> {
    const row = await this.deps.repository.findMessage(accountId, messageId);
    if (!row || !isVisible(row, now)) throw new NotFoundError('message not found');
    return row;
  }

  private audit(
    db: Parameters<typeof recordAudit>[0],
    actor: Actor,
    action: string,
    messageId: number,
    now: Date,
  ): Promise<void> {
    return recordAudit(db, {
      actorType: 'citizen',
      actorId: String(actor.accountId),
      action,
      subjectType: 'message',
      subjectId: String(messageId),
      requestId: actor.requestId,
      occurredAt: now,
    });
  }
}
