import { makeBusinessId } from '../../src/domain/business-id.js';
import { makeIdentityCode } from '../../src/domain/identity-code.js';
import { contentContext, encryptText } from '../../src/modules/messages/message-content.js';
import { appendFeedEvent } from '../../src/modules/messages/event-repository.js';
import { CredentialRepository } from '../../src/modules/organisations/credential-repository.js';
import { CredentialService } from '../../src/modules/organisations/credential-service.js';
import type { TestHarness } from './test-app.js';
import { insertAccountRow } from './account-rows.js';

/** Test data for the organisation API: organisations, credentials, mailboxes, citizens' messages. */

/** Cheap scrypt for credentials made by tests; verification reads the cost from the stored hash. */
export const testHashCost = { N: 1024, r: 8, p: 1 };

let serial = 0;

/** A fresh valid business ID in the fictitious 999xxxx range. */
export function newBusinessId(): string {
  for (;;) {
    serial += 1;
    try {
      return makeBusinessId(String(9980000 + ((process.pid * 7 + serial * 13) % 19999)).padStart(7, '0'));
    } catch {
      // remainder 1 has no check digit; take the next number
    }
  }
}

let personSerial = 0;
/** A fresh fictitious identity code (individual numbers 900–999 are reserved for such use). */
export function newIdentityCode(): string {
  personSerial += 1;
  const day = 1 + (personSerial % 28);
  const month = 1 + (Math.floor(personSerial / 28) % 12);
  return makeIdentityCode({ year: 1980 + (personSerial % 20), month, day }, 900 + (personSerial % 100));
}

export interface TestOrganisation {
  id: number;
  businessId: string;
  serviceId: string;
  servicePk: number;
  username: string;
  password: string;
}

/** An organisation with one service (accepting messages) and API credentials. */
export async function createOrganisation(
  h: TestHarness,
  options: { allowIps?: string[]; serviceId?: string } = {},
): Promise<TestOrganisation> {
  const businessId = newBusinessId();
  const organisation = await h.services.organisations.addOrganisation({
    businessId,
    nameFi: `Testikunta ${businessId}`,
  });
  const service = await h.services.organisations.addService({
    businessId,
    serviceId: options.serviceId ?? `palvelu-${businessId}`,
    nameFi: 'Testipalvelu',
    acceptsMessages: true,
  });
  const credentials = await testCredentialService(h).create({ businessId, allowIps: options.allowIps });
  return {
    id: organisation.id,
    businessId,
    serviceId: service.serviceId,
    servicePk: service.id,
    username: credentials.username,
    password: credentials.password,
  };
}

export function testCredentialService(h: TestHarness): CredentialService {
  return new CredentialService(
    new CredentialRepository(h.context.database.db),
    h.services.organisations,
    h.context.clock,
    { tokenTtlSeconds: h.context.config.apiTokenTtlSeconds, hashCost: testHashCost },
  );
}

/** A citizen's mailbox row as the citizen portal creates it. */
export async function createAccount(
  h: TestHarness,
  identityCode = newIdentityCode(),
  status: 'active' | 'closed' = 'active',
): Promise<{ id: number; identityCode: string }> {
  const id = await insertAccountRow(h.context.database.db, { identityCode, status, at: h.context.clock() });
  return { id, identityCode };
}

/** A message from a citizen to an organisation's service, written as the mailbox module writes it. */
export async function createCitizenMessage(
  h: TestHarness,
  input: {
    organisation: TestOrganisation;
    accountId: number;
    title?: string;
    body?: string;
    inReplyTo?: number | null;
    threadId?: number | null;
    attachment?: { fileName: string; mediaType: string; content: Buffer };
  },
): Promise<{ messageId: number; attachmentId: string | undefined }> {
  const db = h.context.database.db;
  const envelope = h.context.envelope;
  const now = h.context.clock();
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('messages')
      .values({
        direction: 'from_citizen',
        organisation_id: input.organisation.id,
        service_pk: input.organisation.servicePk,
        account_id: input.accountId,
        recipient_id: null,
        external_id: null,
        channel: 'electronic',
        service_type: 'Normal',
        reply_allowed: 0,
        visibility: 'Normal',
        body_format: 'Text',
        title_enc: encryptText(envelope, input.title ?? 'Hakemus', contentContext.title),
        body_enc: encryptText(envelope, input.body ?? 'Hyvä vastaanottaja, …', contentContext.body),
        options: '{}',
        paper_enc: null,
        in_reply_to: input.inReplyTo ?? null,
        thread_id: input.threadId ?? null,
        citizen_type: 'Hakemus',
        created_at: now.toISOString(),
        available_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!input.threadId)
      await trx.updateTable('messages').set({ thread_id: id }).where('id', '=', id).execute();
    let attachmentId: string | undefined;
    if (input.attachment) {
      attachmentId = crypto.randomUUID();
      await trx
        .insertInto('attachments')
        .values({
          id: attachmentId,
          organisation_id: null,
          account_id: input.accountId,
          message_id: id,
          position: 0,
          file_name: input.attachment.fileName,
          media_type: input.attachment.mediaType,
          size_bytes: input.attachment.content.length,
          sha256: 'x',
          content_enc: envelope.encrypt(input.attachment.content, contentContext.attachment(attachmentId)),
          created_at: now.toISOString(),
        })
        .execute();
    }
    await appendFeedEvent(trx, {
      organisationId: input.organisation.id,
      messageId: id,
      serviceId: input.organisation.serviceId,
      type: 'Electronic message from end user',
      occurredAt: now,
    });
    return { messageId: id, attachmentId };
  });
}

/** Row counts of everything a rejected request must leave untouched. */
export async function rowCounts(h: TestHarness): Promise<Record<string, number>> {
  const db = h.context.database.db;
  const counts: Record<string, number> = {};
  for (const table of ['messages', 'attachments', 'events', 'outbox_jobs', 'api_tokens'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const used = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('message_id', 'is not', null)
    .executeTakeFirstOrThrow();
  counts.usedAttachments = Number(used.n);
  return counts;
}

/** A small one-page PDF (file-type sniffs PDFs by their header; letters need a page to print). */
export function tinyPdf(text = 'Päätös'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}

let externalSerial = 0;
export function newExternalId(): string {
  externalSerial += 1;
  return `ext-${process.pid}-${externalSerial}`;
}

/** A valid POST /v2/messages/electronic body; `electronic` fields can be overridden. */
export function electronicRequest(
  organisation: Pick<TestOrganisation, 'serviceId'>,
  recipientId: string,
  electronic: Record<string, unknown> = {},
  externalId = newExternalId(),
) {
  return {
    externalId,
    recipient: { id: recipientId },
    sender: { serviceId: organisation.serviceId },
    electronic: {
      title: 'Päätös toimeentulotuesta',
      body: 'Hei,\n\nohessa päätös.',
      bodyFormat: 'Text',
      messageServiceType: 'Normal',
      replyAllowedBy: 'No one',
      visibility: 'Normal',
      attachments: [],
      notifications: {
        senderDetailsInNotifications: 'Organisation and service name',
        unreadMessageNotification: { reminder: 'Default reminder' },
      },
      ...electronic,
    },
  };
}

export function testAddress(name: string) {
  return { name, streetAddress: 'Testikatu 1 A 2', zipCode: '00100', city: 'Helsinki', countryCode: 'FI' };
}

/** A valid paper part printing the given PDF upload. */
export function paperMailPart(attachmentId: string, overrides: Record<string, unknown> = {}) {
  return {
    attachments: [{ attachmentId }],
    colorPrinting: false,
    createAddressPage: true,
    messageServiceType: 'Normal',
    rotateLandscapePages: false,
    twoSidedPrinting: true,
    printingAndEnvelopingService: {
      costPool: 'KALLIO01',
      postiMessaging: { contactDetails: { email: 'posti@example.fi' }, username: 'abcdef', password: '1234' },
    },
    recipient: { address: testAddress('Kimmo Mäkinen') },
    sender: { address: testAddress('Testikunta') },
    ...overrides,
  };
}
