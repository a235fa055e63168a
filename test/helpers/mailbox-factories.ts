import { createHash, randomUUID } from 'node:crypto';
import { contentContext, encryptText } from '../../src/modules/messages/message-content.js';
import type { TestHarness } from './test-app.js';
import { insertAccountRow } from './account-rows.js';
import { businessIdCheckDigit, makeBusinessId } from '../../src/domain/business-id.js';

/** Test data for the mailbox: organisations, services, accounts and messages, written directly. */

/** Persons of the demo population register used by the mailbox tests. */
export const persons = {
  kimmo: '270570-901K',
  maija: '010180-9026',
  laura: '140987-924J',
} as const;

/** Minimal valid files of each kind the attachment rules care about. */
export const sampleFiles = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  text: Buffer.from('Hei, tässä selvitys.\n', 'utf8'),
  html: Buffer.from('<!doctype html><html><script>alert(1)</script></html>', 'utf8'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]),
  gif: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
};

let businessIdSeq = 0;
/** Valid Y-tunnus values 9990001-x, 9990002-x, … (numbers without a check digit are skipped). */
export function nextBusinessId(): string {
  for (;;) {
    businessIdSeq += 1;
    const digits = String(9990000 + businessIdSeq).padStart(7, '0');
    if (businessIdCheckDigit(digits) !== null) return makeBusinessId(digits);
  }
}

export interface OrganisationFixture {
  organisationId: number;
  servicePk: number;
  serviceId: string;
  businessId: string;
}

export async function createOrganisationWithService(
  h: TestHarness,
  options: {
    nameFi?: string;
    nameSv?: string;
    nameEn?: string;
    serviceNameFi?: string;
    serviceNameSv?: string;
    serviceNameEn?: string;
    acceptsMessages?: boolean;
  } = {},
): Promise<OrganisationFixture> {
  const businessId = nextBusinessId();
  const organisation = await h.services.organisations.addOrganisation({
    businessId,
    nameFi: options.nameFi ?? `Testikunta ${businessId}`,
    nameSv: options.nameSv,
    nameEn: options.nameEn,
  });
  const serviceId = `palvelu-${businessId.replace('-', '')}-${randomUUID().slice(0, 8)}`;
  const service = await h.services.organisations.addService({
    businessId,
    serviceId,
    nameFi: options.serviceNameFi ?? 'Sähköinen asiointi',
    nameSv: options.serviceNameSv,
    nameEn: options.serviceNameEn,
    acceptsMessages: options.acceptsMessages ?? true,
  });
  return { organisationId: organisation.id, servicePk: service.id, serviceId, businessId };
}

export async function createAccount(
  h: TestHarness,
  identityCode: string,
  status: 'active' | 'closed' = 'active',
): Promise<number> {
  return insertAccountRow(h.context.database.db, {
    identityCode,
    status,
    termsVersion: 'test',
    at: h.context.clock(),
  });
}

export interface MessageFixture {
  accountId: number;
  organisation: OrganisationFixture;
  title?: string;
  body?: string;
  bodyFormat?: 'Text' | 'Markdown';
  serviceType?: 'Normal' | 'Verifiable';
  replyAllowed?: boolean;
  availableAt?: string | null;
  deletedAt?: string | null;
  channel?: 'electronic' | 'paper';
  externalId?: string;
  attachments?: Array<{ fileName: string; mediaType: string; content: Buffer }>;
}

/** An organisation's message in the citizen's mailbox, encrypted as the organisation API stores it. */
export async function insertOrganisationMessage(
  h: TestHarness,
  fixture: MessageFixture,
): Promise<{ messageId: number; attachmentIds: string[] }> {
  const db = h.context.database.db;
  const envelope = h.context.envelope;
  const now = h.context.clock().toISOString();
  const { id } = await db
    .insertInto('messages')
    .values({
      direction: 'to_citizen',
      organisation_id: fixture.organisation.organisationId,
      service_pk: fixture.organisation.servicePk,
      account_id: fixture.accountId,
      recipient_id: null,
      external_id: fixture.externalId ?? randomUUID(),
      channel: fixture.channel ?? 'electronic',
      service_type: fixture.serviceType ?? 'Normal',
      reply_allowed: fixture.replyAllowed ? 1 : 0,
      visibility: 'Normal',
      body_format: fixture.bodyFormat ?? 'Text',
      title_enc: encryptText(envelope, fixture.title ?? 'Päätös', contentContext.title),
      body_enc: encryptText(envelope, fixture.body ?? 'Päätöksen teksti.', contentContext.body),
      options: '{}',
      paper_enc: null,
      in_reply_to: null,
      thread_id: null,
      citizen_type: null,
      created_at: now,
      available_at: fixture.availableAt === undefined ? now : fixture.availableAt,
      deleted_at: fixture.deletedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const messageId = Number(id);
  const attachmentIds: string[] = [];
  for (const [position, file] of (fixture.attachments ?? []).entries()) {
    const attachmentId = randomUUID();
    await db
      .insertInto('attachments')
      .values({
        id: attachmentId,
        organisation_id: fixture.organisation.organisationId,
        account_id: null,
        message_id: messageId,
        position,
        file_name: file.fileName,
        media_type: file.mediaType,
        size_bytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content_enc: envelope.encrypt(file.content, contentContext.attachment(attachmentId)),
        created_at: now,
      })
      .execute();
    attachmentIds.push(attachmentId);
  }
  return { messageId, attachmentIds };
}

export async function eventsOf(
  h: TestHarness,
  messageId: number,
): Promise<Array<{ type: string; payload: unknown }>> {
  const rows = await h.context.database.db
    .selectFrom('events')
    .select(['event_type', 'payload'])
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ type: r.event_type, payload: JSON.parse(r.payload) }));
}

export async function auditOf(
  h: TestHarness,
  action: string,
): Promise<
  Array<{ actorType: string; actorId: string | null; subjectType: string | null; subjectId: string | null }>
> {
  const rows = await h.context.database.db
    .selectFrom('audit_events')
    .select(['actor_type', 'actor_id', 'subject_type', 'subject_id'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    actorType: r.actor_type,
    actorId: r.actor_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
  }));
}

export async function messageRow(h: TestHarness, messageId: number) {
  return h.context.database.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
}

export interface FormFile {
  fileName: string;
  content: Buffer;
  contentType?: string;
}

/** A multipart/form-data body as a browser sends it: fields in order, then the files. */
export function multipartForm(
  fields: Array<[string, string]>,
  files: FormFile[] = [],
  fileField = 'attachments',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----asiointitili${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.fileName}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
