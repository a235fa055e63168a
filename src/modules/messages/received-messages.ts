import { openAccountIdentityCode } from '../../crypto/personal-data.js';
import type { Kysely } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { fileNameForType } from '../../domain/attachment-types.js';
import { findDeceptiveCharacter } from '../../domain/deceptive-characters.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { renderMessageBody } from '../../domain/message-body.js';
import { DomainError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import type { PopulationRegister } from '../population-register/index.js';
import { contentContext, decryptText } from './message-content.js';
import type { ElectronicMessageRequest } from './message-input.js';
import type { MessageSendingService } from './message-sending-service.js';
import type { ServiceScope } from '../organisations/index.js';
import { ReceivedRepository, type HandledFilter, type ReceivedRow } from './received-repository.js';
import { auditStaffSent, staffAuditActor } from './staff-audit.js';
import type { StaffActor } from './staff-messaging.js';

/**
 * The staff's Received pages: citizens' messages to the organisation's services, as a case worker
 * sees and handles them. Everything is scoped to the organisation and the services the case worker
 * acts for; a message outside them is not found (404), never "forbidden", so its existence is not
 * told either. Opening a message, downloading its files, replying and marking it handled are each
 * audited with the staff member, the organisation and (for opening) the purpose; audit rows never
 * carry identity codes or content. The API's event feed is not touched: reading here marks nothing
 * read, so integrations see the same feed as before.
 */

export type { HandledFilter } from './received-repository.js';

/** Who is handling: a staff member acting for an organisation as a case worker of these services. */
export type CaseWorker = StaffActor;

export const receivedAuditActions = {
  opened: 'staff.received_opened',
  attachmentDownloaded: 'staff.attachment_downloaded',
  handled: 'staff.received_handled',
  replySent: 'staff.reply_sent',
} as const;

/** Why a case worker opens a citizen's message from the Received list: to handle the matter. */
export const receivedPurpose = 'case-handling';

export const receivedPageSize = 20;

/** The contract's limits, which the API applies to the same sending path. */
const replyLimits = { titleLength: 256, bodyLength: 40_000 } as const;

const replyKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ServiceNames {
  fi: string;
  sv: string | null;
  en: string | null;
}

export interface ReceivedListItem {
  id: number;
  serviceNames: ServiceNames;
  /** Hakemus, Selvitys, Oikaisuvaatimus, Muu (as the citizen chose), or null. */
  citizenType: string | null;
  title: string;
  createdAt: string;
  handledAt: string | null;
  /** The sender's name from the population register ('' when it does not know them). */
  senderName: string;
  /** Birth date and separator only, e.g. 270570-****: enough to tell people apart. */
  senderCode: string;
  attachmentCount: number;
}

export interface ReceivedList {
  items: ReceivedListItem[];
  page: number;
  hasNext: boolean;
  filter: HandledFilter;
}

export interface ReceivedMessage extends ReceivedListItem {
  /** Safe HTML from renderMessageBody: citizens write plain text, every character escaped. */
  bodyHtml: string;
  attachments: Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number }>;
  /** The conversation, oldest first; empty when the message is alone in its thread. */
  thread: Array<{ id: number; direction: 'to_citizen' | 'from_citizen'; title: string; createdAt: string }>;
}

export interface ReplyForm {
  /** The form's idempotency key (a UUID rendered into it): a repeat sends nothing new. */
  replyKey: string;
  title: string;
  body: string;
}

export type ReplyField = 'title' | 'body' | 'form';
export type ReplyProblemCode = 'required' | 'tooLong' | 'deceptive' | 'noMailbox' | 'serviceInactive';

export interface ReplyProblem {
  field: ReplyField;
  code: ReplyProblemCode;
}

/** The reply form cannot be sent as it is; the page shows each problem at its field. Nothing was sent. */
export class ReplyRejected extends DomainError {
  readonly status = 400;
  constructor(readonly problems: ReplyProblem[]) {
    super('the reply cannot be sent');
  }
}

type Db = Kysely<DatabaseSchema>;

function scopeOf(actor: CaseWorker): ServiceScope | undefined {
  if (actor.servicePks === 'all') return 'all';
  return actor.servicePks.length > 0 ? actor.servicePks : undefined;
}

function masked(code: string): string {
  return isValidIdentityCode(code) ? `${code.slice(0, 7)}****` : '';
}

function textProblem(
  value: string,
  field: 'title' | 'body',
  maxLength: number,
  multiline: boolean,
): ReplyProblem | undefined {
  if (value === '') return { field, code: 'required' };
  if (Array.from(value).length > maxLength) return { field, code: 'tooLong' };
  if (findDeceptiveCharacter(value, { multiline })) return { field, code: 'deceptive' };
  return undefined;
}

export class ReceivedMessages {
  constructor(
    private readonly deps: {
      db: Db;
      repository: ReceivedRepository;
      /** The API's own sending pipeline: a reply is sent exactly as an integration's reply is. */
      sending: MessageSendingService;
      register: PopulationRegister;
      envelope: Envelope;
      clock: () => Date;
    },
  ) {}

  /** A page of the list: not handled first, then newest. A case worker of no service sees none. */
  async list(actor: CaseWorker, filter: HandledFilter, page: number): Promise<ReceivedList> {
    const scope = scopeOf(actor);
    if (!scope) return { items: [], page, hasNext: false, filter };
    const rows = await this.deps.repository.list(
      actor.organisationId,
      scope,
      filter,
      receivedPageSize + 1,
      (page - 1) * receivedPageSize,
    );
    const items = await Promise.all(rows.slice(0, receivedPageSize).map((row) => this.listItem(row)));
    return { items, page, hasNext: rows.length > receivedPageSize, filter };
  }

  /** Opens a citizen's message: audited with the organisation, the service and the purpose. */
  async open(actor: CaseWorker, messageId: number): Promise<ReceivedMessage> {
    const row = await this.inScope(actor, messageId);
    await recordAudit(this.deps.db, {
      ...staffAuditActor(actor),
      action: receivedAuditActions.opened,
      subjectType: 'message',
      subjectId: String(row.id),
      details: { organisationId: actor.organisationId, servicePk: row.servicePk, purpose: receivedPurpose },
      occurredAt: this.deps.clock(),
    });
    const scope = scopeOf(actor)!;
    const [item, attachments, threadRows] = await Promise.all([
      this.listItem(row),
      this.deps.repository.attachments(row.id),
      row.accountId === null
        ? []
        : this.deps.repository.thread(actor.organisationId, scope, row.accountId, row.threadId ?? row.id),
    ]);
    return {
      ...item,
      bodyHtml: renderMessageBody(this.decrypt(row.bodyEnc, contentContext.body), 'Text'),
      attachments: attachments.map((a) => ({ ...a, fileName: fileNameForType(a.fileName, a.mediaType) })),
      thread:
        threadRows.length > 1
          ? threadRows.map((t) => ({
              id: t.id,
              direction: t.direction,
              title: this.decrypt(t.titleEnc, contentContext.title),
              createdAt: t.createdAt,
            }))
          : [],
    };
  }

  /** One of the message's files, decrypted; audited. */
  async downloadAttachment(
    actor: CaseWorker,
    messageId: number,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const scope = scopeOf(actor);
    const row = scope
      ? await this.deps.repository.attachment(actor.organisationId, scope, messageId, attachmentId)
      : undefined;
    if (!row) throw new NotFoundError('attachment not found');
    await recordAudit(this.deps.db, {
      ...staffAuditActor(actor),
      action: receivedAuditActions.attachmentDownloaded,
      subjectType: 'attachment',
      subjectId: row.id,
      details: { organisationId: actor.organisationId, messageId },
      occurredAt: this.deps.clock(),
    });
    return {
      fileName: fileNameForType(row.fileName, row.mediaType),
      mediaType: row.mediaType,
      content: this.deps.envelope.decrypt(row.contentEnc, contentContext.attachment(row.id)),
    };
  }

  /**
   * Marks the message handled (or back to not handled). Idempotent: marking it as it already is
   * changes nothing and records nothing. The change and its audit row are one transaction.
   */
  async setHandled(actor: CaseWorker, messageId: number, handled: boolean): Promise<void> {
    const row = await this.inScope(actor, messageId);
    const now = this.deps.clock();
    await this.deps.db.transaction().execute(async (trx) => {
      const changed = await new ReceivedRepository(trx).setHandled(
        actor.organisationId,
        scopeOf(actor)!,
        row.id,
        handled ? { staffMemberId: actor.staffMemberId, at: now.toISOString() } : null,
      );
      if (!changed) return;
      await recordAudit(trx, {
        ...staffAuditActor(actor),
        action: receivedAuditActions.handled,
        subjectType: 'message',
        subjectId: String(row.id),
        details: { organisationId: actor.organisationId, handled },
        occurredAt: now,
      });
    });
  }

  /**
   * Replies in the message's thread through the API's sending path (MessageSendingService), from
   * the service the citizen wrote to. The form's key becomes the externalId, the API's idempotency
   * key: a double submit answers with the first reply (`created: false`) and sends nothing more.
   */
  async reply(
    actor: CaseWorker,
    messageId: number,
    form: ReplyForm,
  ): Promise<{ messageId: number; created: boolean }> {
    if (!replyKeyPattern.test(form.replyKey)) throw new ValidationError('replyKey', 'is not a form key');
    const row = await this.inScope(actor, messageId);
    const title = form.title.replace(/[\r\n]+/g, ' ').trim();
    const body = form.body.replace(/\r\n?/g, '\n').trim();
    const problems = [
      textProblem(title, 'title', replyLimits.titleLength, false),
      textProblem(body, 'body', replyLimits.bodyLength, true),
    ].filter((problem): problem is ReplyProblem => problem !== undefined);
    if (problems.length > 0) throw new ReplyRejected(problems);
    const request: ElectronicMessageRequest = {
      externalId: `staff-reply-${form.replyKey}`,
      recipient: { id: openAccountIdentityCode(this.deps.envelope, row.senderIdentityCodeEnc) },
      sender: { serviceId: row.serviceId },
      electronic: {
        title,
        body,
        bodyFormat: 'Text',
        attachments: [],
        inReplyToMessageId: row.id,
        messageServiceType: 'Normal',
        notifications: {
          senderDetailsInNotifications: 'Organisation and service name',
          unreadMessageNotification: { reminder: 'Default reminder' },
        },
        replyAllowedBy: 'Anyone',
        visibility: 'Normal',
      },
    };
    let result: { messageId: number; created: boolean };
    try {
      result = await this.deps.sending.sendElectronic({ organisationId: actor.organisationId }, request);
    } catch (error) {
      if (error instanceof ValidationError && error.code === 'MAILBOX_NOT_IN_USE') {
        throw new ReplyRejected([{ field: 'form', code: 'noMailbox' }]);
      }
      if (error instanceof ValidationError && error.field === 'sender.serviceId') {
        throw new ReplyRejected([{ field: 'form', code: 'serviceInactive' }]);
      }
      throw error;
    }
    await auditStaffSent(this.deps, actor, receivedAuditActions.replySent, result, { inReplyTo: row.id });
    return result;
  }

  private async inScope(actor: CaseWorker, messageId: number) {
    const scope = scopeOf(actor);
    const row = scope
      ? await this.deps.repository.message(actor.organisationId, scope, messageId)
      : undefined;
    if (!row) throw new NotFoundError('message not found');
    return row;
  }

  private async listItem(row: ReceivedRow): Promise<ReceivedListItem> {
    const senderIdentityCode = openAccountIdentityCode(this.deps.envelope, row.senderIdentityCodeEnc);
    const person = await this.deps.register.findByIdentityCode(senderIdentityCode);
    return {
      id: row.id,
      serviceNames: { fi: row.serviceNameFi, sv: row.serviceNameSv, en: row.serviceNameEn },
      citizenType: row.citizenType,
      title: this.decrypt(row.titleEnc, contentContext.title),
      createdAt: row.createdAt,
      handledAt: row.handledAt,
      senderName: person ? `${person.firstNames} ${person.lastName}` : '',
      senderCode: masked(senderIdentityCode),
      attachmentCount: row.attachmentCount,
    };
  }

  private decrypt(blob: Buffer, context: string): string {
    return decryptText(this.deps.envelope, blob, context);
  }
}
