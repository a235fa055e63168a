import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { cleanFileName } from '../../domain/attachment-file-name.js';
import { attachmentFormProblem, judgeAttachment } from '../../domain/attachment-types.js';
import { findDeceptiveCharacter } from '../../domain/deceptive-characters.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { addDays, helsinkiDate } from '../../domain/legal-dates.js';
import { renderMessageBody, type BodyFormat } from '../../domain/message-body.js';
import type { Envelope } from '../../crypto/envelope.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { DomainError, NotFoundError, ValidationError, formProblemsStatus } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { channelOf, type DeliveryChannel } from '../delivery/index.js';
import type { OrganisationService, ScopedService } from '../organisations/index.js';
import type { PopulationRegister } from '../population-register/index.js';
import { maxAttachmentBytes, type AttachmentService } from './attachment-service.js';
import type { MailboxStatusService } from './mailbox-status-service.js';
import { contentContext, decryptText } from './message-content.js';
import type {
  AddressInput,
  ElectronicPartInput,
  PaperMailPartInput,
  SendingPrincipal,
  SendResult,
} from './message-input.js';
import type { MessageRepository } from './message-repository.js';
import type { MessageSendingService } from './message-sending-service.js';
import type { RecipientRepository } from './recipient-repository.js';
import { messageStage, stageConditions, type MessageStage } from './message-stage.js';
import { validateElectronicPart } from './message-validation.js';
import type { SentRow, StaffMessageRepository } from './staff-message-repository.js';
import { auditStaffSent, staffAuditActor } from './staff-audit.js';

/**
 * Case work on the organisation's side (issue 13 §2): a staff member sends a message from a web
 * form and follows what they sent. Sending goes through the organisation API's own pipeline
 * (MessageSendingService, AttachmentService), with the staff member's organisation as the
 * principal: the same validation, limits, Markdown rules, idempotency, delivery planning and feed
 * events. What this service adds is the form's shape, checks of the whole form at once (so the
 * page can show every problem and nothing is stored while any remains), the population register's
 * address for a paper fallback, and the audit of every lookup of a citizen.
 */

/** A staff member acting for one organisation (the staff module decides who that is). */
export interface StaffActor {
  organisationId: number;
  staffMemberId: number;
  /** The services the person may do case work for: 'all', or these primary keys. */
  servicePks: readonly number[] | 'all';
  requestId?: string | undefined;
}

/** The contract's limits on a message (the API's request schema says the same, contract-parts.ts). */
export const sendingLimits = {
  titleLength: 256,
  bodyLength: 40_000,
  attachmentCount: 50,
  attachmentBytes: maxAttachmentBytes,
  purposeLength: 200,
} as const;

/** The sent list's page size. */
export const sentPageSize = 20;

/** A file from the form; `content` is null when it was over the size limit and not kept. */
export interface StaffUploadedFile {
  fileName: string;
  content: Buffer | null;
  declaredType?: string | undefined;
}

/** The send form as the route read it. */
export interface StaffSendForm {
  /**
   * The form's idempotency key (`newSendKey()` when the form was rendered, posted back as the
   * hidden field `sendKey`): the message's externalId, so a second submit of the same form sends
   * nothing and answers with the first message.
   */
  sendKey: string;
  identityCode: string;
  servicePk: number | undefined;
  title: string;
  body: string;
  bodyFormat: BodyFormat;
  verifiable: boolean;
  replyAllowed: boolean;
  /** Multichannel: printed from the population register's address when there is no mailbox. */
  paperFallback: boolean;
  attachments: StaffUploadedFile[];
}

export type StaffSendField = 'identityCode' | 'service' | 'title' | 'body' | 'attachments' | 'paperFallback';

export type StaffSendProblemCode =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'deceptive'
  /** No active mailbox and no paper fallback chosen. */
  | 'noMailbox'
  /** Paper fallback: the register has no postal address for the person. */
  | 'noAddress'
  /** Paper fallback: the organisation has no postal address to print as the return address. */
  | 'noReturnAddress'
  /** Paper fallback: the letter prints a PDF attachment, and there is none. */
  | 'pdfRequired'
  /** Paper fallback: the PDF cannot be printed (damaged, encrypted, no pages). */
  | 'notPrintable'
  | 'tooMany'
  | 'tooLarge'
  | 'empty'
  | 'unsupportedType'
  | 'typeMismatch';

export interface StaffSendProblem {
  field: StaffSendField;
  code: StaffSendProblemCode;
  fileName?: string | undefined;
  claimedType?: string | undefined;
  contentType?: string | undefined;
}

/** The form cannot be sent as it is; nothing was stored. The status follows the API's (formProblemsStatus). */
export class StaffSendRejected extends DomainError {
  readonly status: number;
  constructor(readonly problems: StaffSendProblem[]) {
    super(`the message cannot be sent: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);
    this.status = formProblemsStatus(problems);
  }
}

/** Names in the organisation's languages. */
export interface ServiceNames {
  fi: string;
  sv: string | null;
  en: string | null;
}

export interface StaffServiceOption {
  servicePk: number;
  names: ServiceNames;
}

/** The result of a mailbox check; the check itself was audited. */
export interface MailboxCheck {
  /** The identity code masked for display, e.g. 010180-****. */
  recipient: string;
  hasMailbox: boolean;
}

export interface SentFilter {
  servicePk?: number | undefined;
  stage?: MessageStage | undefined;
  /** Helsinki dates (YYYY-MM-DD), both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** An identity code: the search is audited, with `purpose`. */
  recipient?: string | undefined;
  /** Why the recipient is searched for; required with `recipient`. */
  purpose?: string | undefined;
  /** From 1. */
  page?: number | undefined;
}

export interface SentListRow {
  id: number;
  service: StaffServiceOption;
  /** Masked identity code, a business ID, or null (paper mail without an id). */
  recipient: string | null;
  title: string;
  createdAt: string;
  stage: MessageStage;
  channel: 'electronic' | 'paper';
  verifiable: boolean;
}

export interface SentList {
  rows: SentListRow[];
  page: number;
  hasNext: boolean;
}

/** What the message's timeline shows, in the order it happened. */
export type TimelineEvent =
  | 'accepted'
  | 'available'
  | 'notificationSent'
  | 'read'
  | 'acknowledged'
  | 'letterCreated'
  | 'printed'
  | 'postiDelivered'
  | 'postiReturned'
  | 'postiUnresolved'
  | 'failed';

export interface TimelineEntry {
  at: string;
  event: TimelineEvent;
  /** notificationSent and failed: which delivery channel. */
  channel?: Exclude<DeliveryChannel, 'planning'> | 'planning' | undefined;
}

export interface SentMessageDetails extends SentListRow {
  externalId: string | null;
  bodyHtml: string;
  bodyFormat: BodyFormat;
  replyAllowed: boolean;
  deemedReceivedOn: string | null;
  attachments: Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number }>;
  timeline: TimelineEntry[];
}

export const staffAuditActions = {
  mailboxChecked: 'staff.mailbox_checked',
  recipientSearched: 'staff.recipient_searched',
  messageOpened: 'staff.message_opened',
  messageSent: 'staff.message_sent',
} as const;

/** A fresh idempotency key for a send form being rendered. */
export function newSendKey(): string {
  return randomUUID();
}

const sendKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The externalId a form's key becomes: integrations reading the feed can tell staff messages by it. */
function externalIdOf(sendKey: string): string {
  return `staff-${sendKey}`;
}

/** 010180-9026 → 010180-****: enough to tell people apart in a list, not enough to identify one. */
export function maskIdentityCode(code: string): string {
  return isValidIdentityCode(code) ? `${code.slice(0, 7)}****` : code;
}

function canonicalIdentityCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The UTC instant a Helsinki date begins (Helsinki is 2 or 3 hours ahead of UTC). */
export function helsinkiDayStart(date: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00.000Z`);
  for (const hours of [2, 3]) {
    const candidate = new Date(midnightUtc - hours * 3600 * 1000);
    if (helsinkiDate(candidate) === date && helsinkiDate(new Date(candidate.getTime() - 1)) !== date) {
      return candidate.toISOString();
    }
  }
  throw new RangeError('not a date');
}

function isHelsinkiDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00.000Z`));
}

/** The form field of a field path the sending pipeline names (API names: recipient.id, electronic.title…). */
function formFieldOf(path: string): StaffSendField {
  if (path.startsWith('recipient')) return 'identityCode';
  if (path.startsWith('sender')) return 'service';
  if (path === 'electronic.title') return 'title';
  if (path.startsWith('electronic.body') || path.startsWith('electronic.notifications')) return 'body';
  if (path.startsWith('paperMail.attachments')) return 'attachments';
  if (path.startsWith('paperMail')) return 'paperFallback';
  return 'attachments';
}

interface CheckedFile {
  file: StaffUploadedFile & { content: Buffer };
  mediaType: string;
}

type Db = Kysely<DatabaseSchema>;

export class StaffMessaging {
  constructor(
    private readonly deps: {
      db: Db;
      repository: StaffMessageRepository;
      /** Which services the actor may see (the organisations module's). */
      organisations: Pick<OrganisationService, 'servicesInScope'>;
      messages: MessageRepository;
      sending: MessageSendingService;
      attachments: AttachmentService;
      mailboxes: MailboxStatusService;
      /** Names a looked-up person in the audit by their account (never by identity code). */
      recipients: RecipientRepository;
      register: PopulationRegister;
      envelope: Envelope;
      clock: () => Date;
    },
  ) {}

  /** The services the actor may send for (active ones), for the form's choice. */
  async sendableServices(actor: StaffActor): Promise<StaffServiceOption[]> {
    const rows = await this.deps.organisations.servicesInScope(actor.organisationId, actor.servicePks);
    return rows.filter((row) => row.active).map(serviceOption);
  }

  /** The services the actor may see in the sent list, active or not (old messages stay listed). */
  async visibleServices(actor: StaffActor): Promise<StaffServiceOption[]> {
    const rows = await this.deps.organisations.servicesInScope(actor.organisationId, actor.servicePks);
    return rows.map(serviceOption);
  }

  /** The safe HTML the citizen would see for this body (src/domain/message-body.ts). */
  preview(body: string, format: BodyFormat): string {
    return renderMessageBody(body.replace(/\r\n?/g, '\n'), format);
  }

  /**
   * Does the person have an active mailbox? A lookup of a citizen: audited with the staff member,
   * organisation and purpose. The person is named in the audit row by their account, when they have
   * one, never by identity code.
   */
  async checkMailbox(actor: StaffActor, identityCode: string, purpose: string): Promise<MailboxCheck> {
    const code = canonicalIdentityCode(identityCode);
    if (!isValidIdentityCode(code)) throw new ValidationError('identityCode', 'is not a valid identity code');
    const why = checkPurpose(purpose);
    const hasMailbox = await this.hasMailbox(actor, code);
    const accountId = await this.deps.recipients.activeAccountId(code);
    await recordAudit(this.deps.db, {
      ...staffAuditActor(actor),
      action: staffAuditActions.mailboxChecked,
      ...(accountId === undefined ? {} : { subjectType: 'account', subjectId: String(accountId) }),
      details: { organisationId: actor.organisationId, purpose: why, hasMailbox },
      occurredAt: this.deps.clock(),
    });
    return { recipient: maskIdentityCode(code), hasMailbox };
  }

  /**
   * Sends the form. Everything the form can get wrong is checked first, all at once, and nothing
   * is stored while a problem remains (StaffSendRejected lists them by field). A service the actor
   * may not act for is not found. A repeat of the same form (same `sendKey`) answers with the
   * message the first one sent, `created: false`.
   */
  async send(actor: StaffActor, form: StaffSendForm): Promise<SendResult> {
    if (!sendKeyPattern.test(form.sendKey)) throw new ValidationError('sendKey', 'is not a form key');
    const problems: StaffSendProblem[] = [];
    const service = await this.sendingService(actor, form.servicePk, problems);
    const externalId = externalIdOf(form.sendKey);
    if (service) {
      const existing = await this.deps.messages.idByExternalId(service.servicePk, externalId);
      if (existing !== undefined) return { messageId: existing, created: false };
    }
    const identityCode = canonicalIdentityCode(form.identityCode);
    if (identityCode === '') problems.push({ field: 'identityCode', code: 'required' });
    else if (!isValidIdentityCode(identityCode)) problems.push({ field: 'identityCode', code: 'invalid' });

    const electronic = this.electronicPart(form, problems);
    const files = await this.checkFiles(form.attachments, problems);
    const validCode = isValidIdentityCode(identityCode);
    let paperMail: PaperMailPartInput | undefined;
    let storedPaperPart: object | undefined;
    if (validCode && form.paperFallback) {
      const paper = await this.paperPart(actor, identityCode, form, files, problems);
      paperMail = paper?.checked;
      storedPaperPart = paper?.stored;
    } else if (validCode && !(await this.hasMailbox(actor, identityCode))) {
      problems.push({ field: 'identityCode', code: 'noMailbox' });
    }
    if (problems.length > 0 || !service) throw new StaffSendRejected(problems);

    const principal: SendingPrincipal = { organisationId: actor.organisationId };
    const ids = new Map<CheckedFile, string>();
    for (const checked of files) {
      const { attachmentId } = await this.deps.attachments.upload(principal, checked.file);
      ids.set(checked, attachmentId);
    }
    electronic.attachments = files.map((checked) => ({ attachmentId: ids.get(checked)! }));
    const pdf = files.find((checked) => checked.mediaType === 'application/pdf');
    if (paperMail && pdf) {
      const reference = [{ attachmentId: ids.get(pdf)! }];
      paperMail.attachments = reference;
      storedPaperPart = { ...storedPaperPart, attachments: reference };
    }
    const common = { externalId, recipient: { id: identityCode }, sender: { serviceId: service.serviceId } };
    let result: SendResult;
    try {
      result = paperMail
        ? await this.deps.sending.sendMultichannel(principal, {
            ...common,
            electronic,
            paperMail,
            ...(storedPaperPart ? { storedPaperPart } : {}),
          })
        : await this.deps.sending.sendElectronic(principal, { ...common, electronic });
    } catch (error) {
      if (error instanceof ValidationError) throw new StaffSendRejected([pipelineProblem(error)]);
      throw error;
    }
    await auditStaffSent(this.deps, actor, staffAuditActions.messageSent, result, {
      servicePk: service.servicePk,
    });
    return result;
  }

  /**
   * The organisation's messages to citizens in the actor's services, newest first, a page at a
   * time. A search by recipient is a lookup of a citizen: audited with its purpose.
   */
  async sentMessages(actor: StaffActor, filter: SentFilter = {}): Promise<SentList> {
    const page = Math.max(1, Math.floor(filter.page ?? 1));
    const services = await this.deps.organisations.servicesInScope(actor.organisationId, actor.servicePks);
    const byPk = new Map(services.map((service) => [service.servicePk, service]));
    if (filter.servicePk !== undefined && !byPk.has(filter.servicePk)) {
      throw new NotFoundError('service not found');
    }
    for (const [field, value] of [
      ['from', filter.from],
      ['to', filter.to],
    ] as const) {
      if (value !== undefined && !isHelsinkiDate(value)) throw new ValidationError(field, 'is not a date');
    }
    let recipientId: string | undefined;
    if (filter.recipient !== undefined && filter.recipient.trim() !== '') {
      recipientId = canonicalIdentityCode(filter.recipient);
      if (!isValidIdentityCode(recipientId)) {
        throw new ValidationError('recipient', 'is not a valid identity code');
      }
      const why = checkPurpose(filter.purpose ?? '');
      const accountId = await this.deps.recipients.activeAccountId(recipientId);
      await recordAudit(this.deps.db, {
        ...staffAuditActor(actor),
        action: staffAuditActions.recipientSearched,
        ...(accountId === undefined ? {} : { subjectType: 'account', subjectId: String(accountId) }),
        details: { organisationId: actor.organisationId, purpose: why },
        occurredAt: this.deps.clock(),
      });
    }
    const rows = await this.deps.repository.sentPage(
      actor.organisationId,
      actor.servicePks,
      {
        servicePk: filter.servicePk,
        conditions: filter.stage ? stageConditions(filter.stage) : undefined,
        createdFrom: filter.from ? helsinkiDayStart(filter.from) : undefined,
        createdBefore: filter.to ? helsinkiDayStart(addDays(filter.to, 1)) : undefined,
        recipientId,
      },
      sentPageSize + 1,
      (page - 1) * sentPageSize,
    );
    return {
      rows: rows.slice(0, sentPageSize).map((row) => this.listRow(row, byPk)),
      page,
      hasNext: rows.length > sentPageSize,
    };
  }

  /**
   * One message the organisation sent, with its timeline. Opening it is an access to a citizen's
   * message: audited with the purpose. Another organisation's message, or one in a service the
   * actor may not act for, is not found.
   */
  async sentMessage(actor: StaffActor, messageId: number, purpose: string): Promise<SentMessageDetails> {
    const why = checkPurpose(purpose);
    const { repository } = this.deps;
    const row = await repository.sentMessage(actor.organisationId, actor.servicePks, messageId);
    if (!row) throw new NotFoundError('message not found');
    const services = await this.deps.organisations.servicesInScope(actor.organisationId, actor.servicePks);
    const byPk = new Map(services.map((service) => [service.servicePk, service]));
    await recordAudit(this.deps.db, {
      ...staffAuditActor(actor),
      action: staffAuditActions.messageOpened,
      subjectType: 'message',
      subjectId: String(row.id),
      details: { organisationId: actor.organisationId, purpose: why },
      occurredAt: this.deps.clock(),
    });
    const [events, jobs, attachments] = await Promise.all([
      repository.feedEvents(actor.organisationId, row.id),
      repository.finishedJobs(row.id),
      repository.attachments(actor.organisationId, row.id),
    ]);
    const timeline: TimelineEntry[] = [{ at: row.createdAt, event: 'accepted' }];
    if (row.availableAt) timeline.push({ at: row.availableAt, event: 'available' });
    if (row.readAt) timeline.push({ at: row.readAt, event: 'read' });
    if (row.receiptConfirmedAt) timeline.push({ at: row.receiptConfirmedAt, event: 'acknowledged' });
    for (const event of events) {
      const kind = feedTimelineEvents[event.type];
      if (kind) timeline.push({ at: event.occurredAt, event: kind });
    }
    for (const job of jobs) {
      const channel = channelOf(job.kind);
      if (channel === 'unknown') continue;
      if (job.state === 'failed') timeline.push({ at: job.finishedAt, event: 'failed', channel });
      else if (channel === 'email' || channel === 'sms') {
        timeline.push({ at: job.finishedAt, event: 'notificationSent', channel });
      }
    }
    // Stable: equal instants keep the order a message goes through its steps.
    timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return {
      ...this.listRow(row, byPk),
      externalId: row.externalId,
      bodyHtml: renderMessageBody(this.decrypt(row.bodyEnc, contentContext.body), row.bodyFormat),
      bodyFormat: row.bodyFormat,
      replyAllowed: row.replyAllowed,
      deemedReceivedOn: row.deemedReceivedOn,
      attachments,
      timeline,
    };
  }

  private listRow(row: SentRow, byPk: Map<number, ScopedService>): SentListRow {
    const service = byPk.get(row.servicePk);
    return {
      id: row.id,
      service: service
        ? serviceOption(service)
        : { servicePk: row.servicePk, names: { fi: '', sv: null, en: null } },
      recipient: row.recipientId === null ? null : maskIdentityCode(row.recipientId),
      title: this.decrypt(row.titleEnc, contentContext.title),
      createdAt: row.createdAt,
      stage: messageStage(row),
      channel: row.channel,
      verifiable: row.serviceType === 'Verifiable',
    };
  }

  private decrypt(blob: Buffer, context: string): string {
    return decryptText(this.deps.envelope, blob, context);
  }

  /**
   * Can the organisation deliver to the person electronically? The API's own mailbox check
   * (MailboxStatusService, POST /v1/mailboxes/active), so the page and the API answer alike, also
   * under DELIVERY_CONSENT=per-organisation.
   */
  private async hasMailbox(actor: StaffActor, identityCode: string): Promise<boolean> {
    return this.deps.mailboxes.hasActiveMailbox(actor.organisationId, identityCode);
  }

  /** The chosen service, when the actor may act for it and it takes messages; else not found. */
  private async sendingService(
    actor: StaffActor,
    servicePk: number | undefined,
    problems: StaffSendProblem[],
  ): Promise<ScopedService | undefined> {
    if (servicePk === undefined) {
      problems.push({ field: 'service', code: 'required' });
      return undefined;
    }
    const rows = await this.deps.organisations.servicesInScope(actor.organisationId, actor.servicePks);
    const service = rows.find((row) => row.servicePk === servicePk && row.active);
    if (!service) throw new NotFoundError('service: not found');
    return service;
  }

  /** The electronic part of the form, checked as the API checks its own (message-validation.ts). */
  private electronicPart(form: StaffSendForm, problems: StaffSendProblem[]): ElectronicPartInput {
    const title = form.title.replace(/[\r\n]+/g, ' ').trim();
    const body = form.body.replace(/\r\n?/g, '\n').trim();
    const part: ElectronicPartInput = {
      attachments: [],
      body,
      bodyFormat: form.bodyFormat,
      messageServiceType: form.verifiable ? 'Verifiable' : 'Normal',
      notifications: {
        senderDetailsInNotifications: 'Organisation and service name',
        unreadMessageNotification: { reminder: 'Default reminder' },
      },
      replyAllowedBy: form.replyAllowed ? 'Anyone' : 'No one',
      title,
      visibility: 'Normal',
    };
    const textProblem = (field: 'title' | 'body', value: string, max: number) => {
      if (value === '') problems.push({ field, code: 'required' });
      else if (Array.from(value).length > max) problems.push({ field, code: 'tooLong' });
      else if (findDeceptiveCharacter(value, { multiline: field === 'body' })) {
        problems.push({ field, code: 'deceptive' });
      }
    };
    textProblem('title', title, sendingLimits.titleLength);
    textProblem('body', body, sendingLimits.bodyLength);
    if (!problems.some((p) => p.field === 'title' || p.field === 'body')) {
      try {
        validateElectronicPart(part);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems.push(pipelineProblem(error));
      }
    }
    return part;
  }

  /** Each file as the upload would judge it, before any is stored. */
  private async checkFiles(files: StaffUploadedFile[], problems: StaffSendProblem[]): Promise<CheckedFile[]> {
    if (files.length > sendingLimits.attachmentCount) {
      problems.push({ field: 'attachments', code: 'tooMany' });
      return [];
    }
    const checked: CheckedFile[] = [];
    for (const file of files) {
      if (file.content === null || file.content.length > sendingLimits.attachmentBytes) {
        problems.push({ field: 'attachments', code: 'tooLarge', fileName: cleanFileName(file.fileName) });
        continue;
      }
      const content = file.content;
      const verdict = await judgeAttachment({ ...file, content });
      if (verdict.ok) checked.push({ file: { ...file, content }, mediaType: verdict.mediaType });
      else problems.push(attachmentFormProblem(verdict.refusal));
    }
    return checked;
  }

  /**
   * The paper part of a multichannel message: the first PDF attachment printed, addressed to the
   * person from the population register and from the organisation's own address. What is stored
   * leaves the recipient's address out, so the print worker reads it from the register when it
   * makes the letter (as for any paper part without an address): it is then current, and it is
   * never written down here, which matters for people with address protection.
   */
  private async paperPart(
    actor: StaffActor,
    identityCode: string,
    form: StaffSendForm,
    files: CheckedFile[],
    problems: StaffSendProblem[],
  ): Promise<{ checked: PaperMailPartInput; stored: object } | undefined> {
    const before = problems.length;
    if (!files.some((checked) => checked.mediaType === 'application/pdf')) {
      problems.push({ field: 'attachments', code: 'pdfRequired' });
    }
    const person = await this.deps.register.findByIdentityCode(identityCode);
    if (!person?.address) problems.push({ field: 'paperFallback', code: 'noAddress' });
    const organisation = await this.deps.repository.organisationPostal(actor.organisationId);
    const returnAddress: AddressInput | undefined =
      organisation?.streetAddress && organisation.postalCode && organisation.city
        ? {
            name: organisation.nameFi,
            streetAddress: organisation.streetAddress,
            zipCode: organisation.postalCode,
            city: organisation.city,
            countryCode: 'FI',
          }
        : undefined;
    if (!returnAddress) problems.push({ field: 'paperFallback', code: 'noReturnAddress' });
    if (problems.length > before || !person?.address || !returnAddress) return undefined;
    const serviceType = form.verifiable ? 'Verifiable' : 'Normal';
    const flags = {
      colorPrinting: false,
      createAddressPage: true,
      rotateLandscapePages: false,
      twoSidedPrinting: false,
    };
    return {
      checked: {
        attachments: [],
        ...flags,
        messageServiceType: serviceType,
        recipient: {
          address: {
            name: `${person.firstNames} ${person.lastName}`,
            streetAddress: person.address.streetAddress,
            zipCode: person.address.postalCode,
            city: person.address.city,
            countryCode: person.address.countryCode,
          },
        },
        sender: { address: returnAddress },
      },
      stored: { ...flags, messageServiceType: serviceType, sender: { address: returnAddress } },
    };
  }
}

const feedTimelineEvents: Partial<Record<string, TimelineEvent>> = {
  'Paper mail created': 'letterCreated',
  'Sent for printing and enveloping': 'printed',
  'Posti: receipt confirmed': 'postiDelivered',
  'Posti: returned to sender': 'postiReturned',
  'Posti: unresolved': 'postiUnresolved',
};

function serviceOption(row: ScopedService): StaffServiceOption {
  return { servicePk: row.servicePk, names: { fi: row.nameFi, sv: row.nameSv, en: row.nameEn } };
}

/** A problem the sending pipeline found, on the form's field. */
function pipelineProblem(error: ValidationError): StaffSendProblem {
  const field = formFieldOf(error.field);
  if (error.code === 'MAILBOX_NOT_IN_USE') return { field: 'identityCode', code: 'noMailbox' };
  if (error.field.startsWith('paperMail.attachments')) return { field, code: 'notPrintable' };
  return { field, code: 'invalid' };
}

/** Why a citizen is looked up: required, short, and shown as it is. */
function checkPurpose(purpose: string): string {
  const why = purpose.trim();
  if (why === '') throw new ValidationError('purpose', 'is required');
  if (Array.from(why).length > sendingLimits.purposeLength)
    throw new ValidationError('purpose', 'is too long');
  if (findDeceptiveCharacter(why, { multiline: false }))
    throw new ValidationError('purpose', 'is not plain text');
  return why;
}
