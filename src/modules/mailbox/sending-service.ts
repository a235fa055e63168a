import { createHash, randomUUID } from 'node:crypto';
import type { Envelope } from '../../crypto/envelope.js';
import { DomainError, ForbiddenError, NotFoundError, formProblemsStatus } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { appendFeedEventInTransaction, contentContext, decryptText, encryptText } from '../messages/index.js';
import { attachmentFormProblem, judgeAttachment } from '../../domain/attachment-types.js';
import { cleanFileName } from '../../domain/attachment-file-name.js';
import { findDeceptiveCharacter } from '../../domain/deceptive-characters.js';
import { messageBodyToPlainText } from '../../domain/message-body.js';
import type { MailboxRepository, OpenService, ServiceRef, Trx } from './mailbox-repository.js';
import { isSealed, isVisible } from './message-rules.js';
import { suggestedReplyType } from './reply-type.js';
import {
  isCitizenMessageType,
  limits,
  type Actor,
  type CitizenMessageType,
  type LocalisedNames,
} from './types.js';

/** A file from the form. `content` is null when it was over the size limit and not kept. */
export interface UploadedFile {
  fileName: string;
  content: Buffer | null;
  /** The Content-Type the browser declared for the file; undefined when it said nothing specific. */
  declaredType?: string | undefined;
}

/**
 * Why a file was refused: over the size limit, empty, a type the service does not accept (by its
 * content or by its extension), or a name or declared type that says something else than the content.
 */
export type AttachmentRejection = 'unsupportedType' | 'empty' | 'tooLarge' | 'typeMismatch';

export interface ComposeInput {
  citizenType: string | undefined;
  title: string | undefined;
  body: string | undefined;
  attachments: UploadedFile[];
}

export type ComposeField = 'service' | 'citizenType' | 'title' | 'body' | 'attachments';
export type ComposeProblemCode =
  | 'required'
  | 'tooLong'
  | 'invalid'
  | 'tooMany'
  /** Bidirectional controls or control characters that would make the text display as something else. */
  | 'deceptive'
  | AttachmentRejection;

export interface ComposeProblem {
  field: ComposeField;
  code: ComposeProblemCode;
  fileName?: string | undefined;
  /** typeMismatch: the media type the name or the browser claimed, and the one the content is. */
  claimedType?: string | undefined;
  contentType?: string | undefined;
}

/**
 * The form cannot be sent as it is; the page shows each problem next to its field. The status
 * follows the API's (formProblemsStatus).
 */
export class ComposeRejected extends DomainError {
  readonly status: number;
  constructor(readonly problems: ComposeProblem[]) {
    super('the message cannot be sent');
    this.status = formProblemsStatus(problems);
  }
}

/** What the reply form shows about the message being answered: a quoted header and an excerpt. */
export interface ReplyTarget {
  id: number;
  title: string;
  /** When it arrived in the mailbox (ISO instant). */
  receivedAt: string;
  /** The start of its body as plain text, cut at a word, with "…" when there is more. */
  excerpt: string;
  /** The type the reply starts with (see reply-type.ts); the person may change it. */
  suggestedType: CitizenMessageType;
  organisation: LocalisedNames;
  service: LocalisedNames;
}

interface CheckedAttachment {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

interface CheckedMessage {
  citizenType: string;
  title: string;
  body: string;
  attachments: CheckedAttachment[];
}

/**
 * Messages from the citizen to an organisation: new ones to a service that accepts messages, and
 * replies where the organisation allowed them. Each reaches the organisation as the feed's
 * "Electronic message from end user" event, written in the same transaction as the message.
 */
export class MailboxSendingService {
  constructor(
    private readonly deps: { repository: MailboxRepository; envelope: Envelope; clock: () => Date },
  ) {}

  listOpenServices(): Promise<OpenService[]> {
    return this.deps.repository.listOpenServices();
  }

  async sendNewMessage(actor: Actor, servicePk: number | undefined, input: ComposeInput): Promise<number> {
    const service =
      servicePk === undefined ? undefined : await this.deps.repository.findOpenService(servicePk);
    const problems: ComposeProblem[] = service ? [] : [{ field: 'service', code: 'required' }];
    const message = await this.check(input, problems);
    await this.requireActiveAccount(actor);
    return this.store(actor, service!, message, null);
  }

  /** The message being answered, when the citizen may answer it. */
  async replyTarget(
    actor: Actor,
    messageId: number,
  ): Promise<ReplyTarget & { ref: ServiceRef; threadId: number }> {
    const now = this.deps.clock();
    const row = await this.deps.repository.findMessage(actor.accountId, messageId);
    if (!row || !isVisible(row, now)) throw new NotFoundError('message not found');
    if (row.direction !== 'to_citizen' || !row.replyAllowed || isSealed(row) || row.deletedAt !== null) {
      throw new ForbiddenError('replies to this message are not allowed');
    }
    const title = decryptText(this.deps.envelope, row.titleEnc, contentContext.title);
    const body = decryptText(this.deps.envelope, row.bodyEnc, contentContext.body);
    return {
      id: row.id,
      title,
      receivedAt: row.availableAt ?? row.createdAt,
      excerpt: excerptOf(messageBodyToPlainText(body, row.bodyFormat)),
      suggestedType: suggestedReplyType(title),
      organisation: row.organisation,
      service: row.service,
      // A reply goes to the service of the message it answers, whether or not that service takes
      // new messages: the organisation asked for the answer.
      ref: { servicePk: row.servicePk, organisationId: row.organisationId, serviceId: row.serviceId },
      threadId: row.threadId ?? row.id,
    };
  }

  async sendReply(actor: Actor, messageId: number, input: ComposeInput): Promise<number> {
    const target = await this.replyTarget(actor, messageId);
    const message = await this.check(input, []);
    await this.requireActiveAccount(actor);
    return this.store(actor, target.ref, message, { inReplyTo: target.id, threadId: target.threadId });
  }

  private async requireActiveAccount(actor: Actor): Promise<void> {
    // A closed account keeps its old messages readable but sends nothing new.
    if (!(await this.deps.repository.accountIsActive(actor.accountId))) {
      throw new ForbiddenError('the account is closed');
    }
  }

  private async check(input: ComposeInput, problems: ComposeProblem[]): Promise<CheckedMessage> {
    const citizenType = input.citizenType ?? '';
    if (!isCitizenMessageType(citizenType)) problems.push({ field: 'citizenType', code: 'required' });
    const title = (input.title ?? '').replace(/[\r\n]+/g, ' ').trim();
    if (title === '') problems.push({ field: 'title', code: 'required' });
    else if (Array.from(title).length > limits.titleLength)
      problems.push({ field: 'title', code: 'tooLong' });
    else if (findDeceptiveCharacter(title, { multiline: false }))
      problems.push({ field: 'title', code: 'deceptive' });
    const body = (input.body ?? '').replace(/\r\n?/g, '\n').trim();
    if (body === '') problems.push({ field: 'body', code: 'required' });
    else if (Array.from(body).length > limits.bodyLength) problems.push({ field: 'body', code: 'tooLong' });
    else if (findDeceptiveCharacter(body, { multiline: true }))
      problems.push({ field: 'body', code: 'deceptive' });

    const attachments: CheckedAttachment[] = [];
    if (input.attachments.length > limits.attachmentCount) {
      problems.push({ field: 'attachments', code: 'tooMany' });
    } else {
      for (const file of input.attachments) {
        if (file.content === null || file.content.length > limits.attachmentBytes) {
          problems.push({ field: 'attachments', code: 'tooLarge', fileName: cleanFileName(file.fileName) });
          continue;
        }
        const verdict = await judgeAttachment({ ...file, content: file.content });
        if (verdict.ok) {
          attachments.push({
            fileName: verdict.fileName,
            mediaType: verdict.mediaType,
            content: file.content,
          });
        } else {
          problems.push(attachmentFormProblem(verdict.refusal));
        }
      }
    }
    if (problems.length > 0) throw new ComposeRejected(problems);
    return { citizenType, title, body, attachments };
  }

  private async store(
    actor: Actor,
    service: ServiceRef,
    message: CheckedMessage,
    reply: { inReplyTo: number; threadId: number } | null,
  ): Promise<number> {
    const now = this.deps.clock();
    const nowIso = now.toISOString();
    // Encrypting happens before the transaction, so the write lock is held only for the inserts.
    const titleEnc = encryptText(this.deps.envelope, message.title, contentContext.title);
    const bodyEnc = encryptText(this.deps.envelope, message.body, contentContext.body);
    const files = message.attachments.map((file) => {
      const id = randomUUID();
      return {
        id,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        contentEnc: this.deps.envelope.encrypt(file.content, contentContext.attachment(id)),
      };
    });
    return this.deps.repository.transaction(async (trx: Trx) => {
      const messageId = await this.deps.repository.insertCitizenMessage(trx, {
        accountId: actor.accountId,
        organisationId: service.organisationId,
        servicePk: service.servicePk,
        citizenType: message.citizenType,
        titleEnc,
        bodyEnc,
        inReplyTo: reply?.inReplyTo ?? null,
        threadId: reply?.threadId ?? null,
        now: nowIso,
      });
      for (const [position, file] of files.entries()) {
        await this.deps.repository.insertAttachment(trx, {
          ...file,
          accountId: actor.accountId,
          messageId,
          position,
          now: nowIso,
        });
      }
      await appendFeedEventInTransaction(trx, {
        organisationId: service.organisationId,
        messageId,
        serviceId: service.serviceId,
        type: 'Electronic message from end user',
        occurredAt: now,
      });
      await recordAudit(trx, {
        actorType: 'citizen',
        actorId: String(actor.accountId),
        action: reply ? 'message.reply' : 'message.send',
        subjectType: 'message',
        subjectId: String(messageId),
        requestId: actor.requestId,
        occurredAt: now,
      });
      return messageId;
    });
  }
}

/** How much of the answered message the reply form quotes. */
const excerptLength = 300;

/** The first `excerptLength` characters of a text on one line, cut at a space, "…" when cut. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat);
  if (characters.length <= excerptLength) return flat;
  const cut = characters.slice(0, excerptLength).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > excerptLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
