import { randomUUID, createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AppContext } from '../../src/app-context.js';
import { deemedReceivedElectronic } from '../../src/domain/legal-dates.js';
import { planMessageDelivery } from '../../src/modules/delivery/delivery-planner.js';
import { appendFeedEvent } from '../../src/modules/messages/event-repository.js';
import { contentContext, encryptText } from '../../src/modules/messages/message-content.js';
import { insertAccountRow } from './account-rows.js';

/**
 * Rows for delivery tests, inserted directly (the organisation API and account code have their own
 * tests); content is encrypted with the harness's envelope exactly as the real code stores it.
 */
type Context = Pick<AppContext, 'database' | 'envelope'>;

export interface TestOrganisation {
  id: number;
  servicePk: number;
  serviceId: string;
  nameFi: string;
  serviceNameFi: string;
}

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

export async function createOrganisation(
  context: Context,
  overrides: Partial<{ nameFi: string; nameSv: string; nameEn: string; serviceNameFi: string }> = {},
): Promise<TestOrganisation> {
  const db = context.database.db;
  const now = new Date().toISOString();
  const suffix = unique();
  const nameFi = overrides.nameFi ?? 'Kallion peruspalvelukuntayhtymä';
  const { id } = await db
    .insertInto('organisations')
    .values({
      business_id: `org-${suffix}`,
      name_fi: nameFi,
      name_sv: overrides.nameSv ?? 'Samkommunen för basservice Kallio',
      name_en: overrides.nameEn ?? 'Kallio Joint Municipal Authority',
      street_address: 'Kauppakatu 1',
      postal_code: '84100',
      city: 'Ylivieska',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const serviceNameFi = overrides.serviceNameFi ?? 'Sosiaalipalvelut';
  const serviceId = `service-${suffix}`;
  const service = await db
    .insertInto('services')
    .values({
      organisation_id: id,
      service_id: serviceId,
      name_fi: serviceNameFi,
      name_sv: 'Socialtjänster',
      name_en: 'Social services',
      accepts_messages: 1,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, servicePk: service.id, serviceId, nameFi, serviceNameFi };
}

export interface AccountInput {
  identityCode: string;
  email?: string | null;
  emailNotifications?: boolean;
  mobile?: string | null;
  smsNotifications?: boolean;
  language?: 'fi' | 'sv' | 'en';
  status?: 'active' | 'closed';
}

export async function createAccount(context: Context, input: AccountInput): Promise<number> {
  return insertAccountRow(context.database.db, { ...input, termsVersion: '1', at: new Date() });
}

/** A PDF with `pages` pages reading "Asiakirjan sivu N"; landscape pages when asked. */
export async function samplePdf(
  pages: number,
  options: { landscape?: boolean; size?: [number, number] } = {},
) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const size = options.size ?? (options.landscape ? [841.89, 595.28] : [595.28, 841.89]);
    const page = doc.addPage(size as [number, number]);
    page.drawText(`Asiakirjan sivu ${n}`, { x: 50, y: page.getHeight() - 80, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

export async function createPdfAttachment(
  context: Context,
  organisationId: number,
  pdf: Buffer,
): Promise<string> {
  const id = randomUUID();
  await context.database.db
    .insertInto('attachments')
    .values({
      id,
      organisation_id: organisationId,
      account_id: null,
      message_id: null,
      position: null,
      file_name: 'paatos.pdf',
      media_type: 'application/pdf',
      size_bytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content_enc: context.envelope.encrypt(pdf, contentContext.attachment(id)),
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export interface AddressInput {
  name: string;
  streetAddress: string;
  zipCode: string;
  city: string;
  countryCode: string;
  additionalName?: string;
}

export const senderAddress: AddressInput = {
  name: 'Kallion peruspalvelukuntayhtymä',
  streetAddress: 'Kauppakatu 1',
  zipCode: '84100',
  city: 'Ylivieska',
  countryCode: 'FI',
};

/** The contract's v2 PaperMailPart, as the organisation API stores it. */
export function paperPart(
  attachmentId: string,
  recipient: AddressInput | undefined,
  flags: Partial<{
    colorPrinting: boolean;
    createAddressPage: boolean;
    twoSidedPrinting: boolean;
    rotateLandscapePages: boolean;
  }> = {},
): Record<string, unknown> {
  return {
    attachments: [{ attachmentId }],
    colorPrinting: flags.colorPrinting ?? false,
    createAddressPage: flags.createAddressPage ?? true,
    messageServiceType: 'Normal',
    printingAndEnvelopingService: {
      postiMessaging: {
        contactDetails: { email: 'posti@example.fi' },
        username: 'posti-user',
        password: 'secret',
      },
    },
    ...(recipient ? { recipient: { address: recipient } } : {}),
    rotateLandscapePages: flags.rotateLandscapePages ?? false,
    sender: { address: senderAddress },
    twoSidedPrinting: flags.twoSidedPrinting ?? false,
  };
}

export interface MessageInput {
  organisation: TestOrganisation;
  accountId: number | null;
  recipientId: string | null;
  channel?: 'electronic' | 'paper';
  serviceType?: 'Normal' | 'Verifiable';
  title?: string;
  body?: string;
  /** The contract's notifications object (stored under options.notifications). */
  notifications?: Record<string, unknown>;
  paper?: Record<string, unknown>;
  now: Date;
  externalId?: string;
}

/** Inserts a message as the organisation API does and plans its delivery in the same transaction. */
export async function sendMessage(context: Context, input: MessageInput): Promise<number> {
  const channel = input.channel ?? 'electronic';
  const serviceType = input.serviceType ?? 'Normal';
  const at = input.now.toISOString();
  return context.database.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('messages')
      .values({
        direction: 'to_citizen',
        organisation_id: input.organisation.id,
        service_pk: input.organisation.servicePk,
        account_id: input.accountId,
        recipient_id: input.recipientId,
        external_id: input.externalId ?? `ext-${unique()}`,
        channel,
        service_type: serviceType,
        reply_allowed: 0,
        visibility: 'Normal',
        body_format: 'Text',
        title_enc: encryptText(
          context.envelope,
          input.title ?? 'Päätös toimeentulotuesta',
          contentContext.title,
        ),
        body_enc: encryptText(
          context.envelope,
          input.body ?? 'Salainen viestin sisältö',
          contentContext.body,
        ),
        options: JSON.stringify({
          sentVia: channel === 'paper' ? 'paper-mail-without-id' : 'electronic',
          ...(input.notifications ? { notifications: input.notifications } : {}),
        }),
        paper_enc: input.paper
          ? encryptText(context.envelope, JSON.stringify(input.paper), contentContext.paper)
          : null,
        in_reply_to: null,
        thread_id: null,
        citizen_type: null,
        created_at: at,
        available_at: channel === 'electronic' ? at : null,
        deemed_received_on:
          channel === 'electronic' && serviceType === 'Normal' ? deemedReceivedElectronic(input.now) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reminder = (input.notifications?.unreadMessageNotification as { reminder?: string } | undefined)
      ?.reminder;
    await appendFeedEvent(trx, {
      organisationId: input.organisation.id,
      messageId: id,
      serviceId: input.organisation.serviceId,
      type: channel === 'electronic' ? 'Electronic message created' : 'Paper mail created',
      occurredAt: input.now,
    });
    await planMessageDelivery(
      trx,
      {
        messageId: id,
        accountId: input.accountId,
        channel,
        serviceType,
        reminders: reminder !== 'No reminders',
        hasPaperPart: input.paper !== undefined,
      },
      input.now,
    );
    return id;
  });
}

export async function jobsOf(context: Context, messageId: number) {
  return context.database.db
    .selectFrom('outbox_jobs')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
}

export async function eventTypesOf(context: Context, messageId: number): Promise<string[]> {
  const rows = await context.database.db
    .selectFrom('events')
    .select('event_type')
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.event_type);
}
