import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../src/app-context.js';
import type { DatabaseSchema } from '../../src/db/schema.js';
import { makeBusinessId } from '../../src/domain/business-id.js';
import { makeIdentityCode } from '../../src/domain/identity-code.js';
import { deemedReceivedElectronic } from '../../src/domain/legal-dates.js';
import { personalDataSeal, recipientColumns } from '../../src/personal-data-seal.js';
import { AccountRepository } from '../../src/modules/accounts/account-repository.js';
import { currentTerms } from '../../src/domain/terms-of-use.js';
import { planMessageDelivery } from '../../src/modules/delivery/delivery-planner.js';
import { MailboxRepository } from '../../src/modules/mailbox/mailbox-repository.js';
import { AttachmentRepository } from '../../src/modules/messages/attachment-repository.js';
import { appendFeedEvent } from '../../src/modules/messages/event-repository.js';
import { createOrganisationServices } from '../../src/modules/organisations/index.js';
import { contentContext, encryptText } from '../../src/modules/messages/message-content.js';
import { MessageRepository } from '../../src/modules/messages/message-repository.js';
import { createServices, type AppServices } from '../../src/services.js';
import { recordSecret } from './leak-record.js';

/**
 * The one vocabulary tests use to create data: organisations, accounts, messages and uploads. Each
 * fixture writes through the module's own service or repository (so a fixture row is a row the
 * application could have written) and returns what it created. Reach it as `h.fixtures` on the
 * test harness, or `createFixtures(context)` where a test builds its database without the harness.
 */

/** Persons of the demo population register (test/… and the demo data use the same ones). */
export const persons = {
  kimmo: '270570-901K',
  maija: '010180-9026',
  laura: '140987-924J',
} as const;

/** Staff members of the tests and the demo staff data, also persons of the demo population register. */
export const staffPersons = {
  tiina: '150385-9046',
  anneli: '080966-9525',
  jari: '220472-9311',
  minna: '110688-9742',
} as const;

/** Cheap scrypt for credentials made by tests; verification reads the cost from the stored hash. */
export const testHashCost = { N: 1024, r: 8, p: 1 };

let businessSerial = 0;
/**
 * A fresh valid business ID in the fictitious 998xxxx range. The process id spreads the numbers, so
 * test processes that share a database (CLI, worker) are unlikely to meet.
 */
export function newBusinessId(): string {
  for (;;) {
    businessSerial += 1;
    try {
      return makeBusinessId(
        String(9980000 + ((process.pid * 7 + businessSerial * 13) % 19999)).padStart(7, '0'),
      );
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

let externalSerial = 0;
/** A fresh externalId (the sending service's idempotency key). */
export function newExternalId(): string {
  externalSerial += 1;
  return `ext-${process.pid}-${externalSerial}`;
}

export interface OrganisationInput {
  nameFi?: string;
  nameSv?: string;
  nameEn?: string;
  serviceId?: string;
  serviceNameFi?: string;
  serviceNameSv?: string;
  serviceNameEn?: string;
  acceptsMessages?: boolean;
}

/**
 * An organisation with one service. Names default to a trilingual joint municipal authority; a test
 * that gives the Finnish name gets only the other names it gives too.
 */
export interface OrganisationFixture {
  id: number;
  businessId: string;
  nameFi: string;
  serviceId: string;
  servicePk: number;
  serviceNameFi: string;
}

/** An organisation that can call the API: its credentials in clear text. */
export interface ApiOrganisation extends OrganisationFixture {
  username: string;
  password: string;
}

export interface AccountInput {
  identityCode?: string;
  status?: 'active' | 'closed';
  email?: string | null;
  emailNotifications?: boolean;
  mobile?: string | null;
  smsNotifications?: boolean;
  language?: 'fi' | 'sv' | 'en';
}

export interface AccountFixture {
  id: number;
  identityCode: string;
}

export interface FileInput {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** An organisation's message to a citizen; what the sending service would take from a request. */
export interface MessageInput {
  organisation: OrganisationFixture;
  accountId: number | null;
  /** The recipient's identity code as the request named it (null: stored by account only). */
  recipientId?: string | null;
  title?: string;
  body?: string;
  bodyFormat?: 'Text' | 'Markdown';
  serviceType?: 'Normal' | 'Verifiable';
  replyAllowed?: boolean;
  channel?: 'electronic' | 'paper';
  externalId?: string;
  /** The contract's notifications object (stored under options.notifications). */
  notifications?: Record<string, unknown>;
  /** The stored paper part (the request's PaperMailPart). */
  paper?: Record<string, unknown>;
  attachments?: FileInput[];
  /** Defaults to now for an electronic message (paper is never shown in the mailbox). */
  availableAt?: string | null;
  deletedAt?: string | null;
  /** Sending time; defaults to the context's clock. */
  now?: Date;
}

export interface CitizenMessageInput {
  organisation: OrganisationFixture;
  accountId: number;
  title?: string;
  body?: string;
  inReplyTo?: number | null;
  threadId?: number | null;
  attachment?: FileInput;
}

export interface Fixtures {
  organisation(input?: OrganisationInput): Promise<OrganisationFixture>;
  /** An organisation with API credentials (cheap scrypt), optionally limited to `allowIps`. */
  apiOrganisation(input?: OrganisationInput & { allowIps?: string[] }): Promise<ApiOrganisation>;
  account(input?: AccountInput): Promise<AccountFixture>;
  /** An upload of the organisation's, not yet used by a message (a decision PDF unless named). */
  upload(organisation: OrganisationFixture, file: Partial<FileInput> & { content: Buffer }): Promise<string>;
  /**
   * The message row as the sending service stores it, with its attachments, but without its feed
   * event and delivery jobs: for tests of what the citizen sees, which must not see those.
   */
  message(input: MessageInput): Promise<{ messageId: number; attachmentIds: string[] }>;
  /** A message sent as the sending service sends it: the row, its feed event and its delivery jobs. */
  sentMessage(input: MessageInput): Promise<number>;
  /** A message from a citizen to an organisation's service, as the mailbox's compose stores it. */
  citizenMessage(
    input: CitizenMessageInput,
  ): Promise<{ messageId: number; attachmentId: string | undefined }>;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Fixtures on a context; `services` defaults to the ones the application wires from it. */
export function createFixtures(
  context: AppContext,
  services: AppServices = createServices(context),
): Fixtures {
  const db = context.database.db;
  const envelope = context.envelope;
  const encrypt = (text: string, purpose: string) => encryptText(envelope, text, purpose);
  // The same credential service the app uses, with a cheap hash: tests create many credentials.
  const credentials = createOrganisationServices(context, { passwordHashCost: testHashCost }).credentials;

  async function organisation(input: OrganisationInput = {}): Promise<OrganisationFixture> {
    const businessId = newBusinessId();
    const nameFi = input.nameFi ?? 'Kallion peruspalvelukuntayhtymä';
    const serviceNameFi = input.serviceNameFi ?? 'Sosiaalipalvelut';
    const created = await services.organisations.addOrganisation({
      businessId,
      nameFi,
      ...(input.nameFi === undefined
        ? { nameSv: 'Samkommunen för basservice Kallio', nameEn: 'Kallio Joint Municipal Authority' }
        : { nameSv: input.nameSv, nameEn: input.nameEn }),
      streetAddress: 'Kauppakatu 1',
      postalCode: '84100',
      city: 'Ylivieska',
    });
    const service = await services.organisations.addService({
      businessId,
      serviceId: input.serviceId ?? `palvelu-${businessId}`,
      nameFi: serviceNameFi,
      ...(input.serviceNameFi === undefined
        ? { nameSv: 'Socialtjänster', nameEn: 'Social services' }
        : { nameSv: input.serviceNameSv, nameEn: input.serviceNameEn }),
      acceptsMessages: input.acceptsMessages ?? true,
    });
    return {
      id: created.id,
      businessId,
      nameFi,
      serviceId: service.serviceId,
      servicePk: service.id,
      serviceNameFi,
    };
  }

  return {
    organisation,

    async apiOrganisation(input = {}) {
      const created = await organisation(input);
      const login = await credentials.create({ businessId: created.businessId, allowIps: input.allowIps });
      recordSecret('password', login.password);
      return { ...created, username: login.username, password: login.password };
    },

    async account(input = {}) {
      const identityCode = input.identityCode ?? newIdentityCode();
      recordSecret('identity code', identityCode);
      const repository = new AccountRepository(db, personalDataSeal(context));
      const now = context.clock().toISOString();
      const id = await repository.insertAccount({
        identityCode,
        email: input.email ?? null,
        emailNotifications: input.emailNotifications ?? false,
        mobile: input.mobile ?? null,
        smsNotifications: input.smsNotifications ?? false,
        language: input.language ?? 'fi',
        termsVersion: currentTerms.version,
        now,
      });
      if (input.status === 'closed') await repository.close(id, now);
      return { id, identityCode };
    },

    async upload(owner, file) {
      const id = randomUUID();
      recordSecret('attachment name', file.fileName);
      await new AttachmentRepository(db).insertUpload(
        {
          id,
          organisationId: owner.id,
          fileName: file.fileName ?? 'paatos.pdf',
          mediaType: file.mediaType ?? 'application/pdf',
          sizeBytes: file.content.length,
          sha256: sha256(file.content),
          contentEnc: envelope.encrypt(file.content, contentContext.attachment(id)),
        },
        context.clock().toISOString(),
      );
      return id;
    },

    async message(input) {
      return db.transaction().execute(async (trx) => {
        const now = input.now ?? context.clock();
        // The mailbox fixture's message is visible from now on unless the test says otherwise.
        const availableAt = input.availableAt === undefined ? now.toISOString() : input.availableAt;
        const messageId = await insertOutgoing(trx, input, now, { availableAt, deemedReceivedOn: null });
        const attachmentIds: string[] = [];
        for (const [position, file] of (input.attachments ?? []).entries()) {
          const id = randomUUID();
          recordSecret('attachment name', file.fileName);
          const attachments = new AttachmentRepository(trx);
          await attachments.insertUpload(
            {
              id,
              organisationId: input.organisation.id,
              fileName: file.fileName,
              mediaType: file.mediaType,
              sizeBytes: file.content.length,
              sha256: sha256(file.content),
              contentEnc: envelope.encrypt(file.content, contentContext.attachment(id)),
            },
            now.toISOString(),
          );
          await attachments.markUsed(input.organisation.id, id, messageId, position);
          attachmentIds.push(id);
        }
        if (input.deletedAt && input.accountId !== null) {
          await new MailboxRepository(db).setDeleted(trx, input.accountId, messageId, input.deletedAt);
        }
        return { messageId, attachmentIds };
      });
    },

    async sentMessage(input) {
      const now = input.now ?? context.clock();
      const channel = input.channel ?? 'electronic';
      const serviceType = input.serviceType ?? 'Normal';
      const deemed =
        channel === 'electronic' && serviceType === 'Normal' ? deemedReceivedElectronic(now) : null;
      return db.transaction().execute(async (trx) => {
        const availableAt = channel === 'electronic' ? now.toISOString() : null;
        const messageId = await insertOutgoing(trx, input, now, { availableAt, deemedReceivedOn: deemed });
        await appendFeedEvent(trx, {
          organisationId: input.organisation.id,
          messageId,
          serviceId: input.organisation.serviceId,
          type: channel === 'electronic' ? 'Electronic message created' : 'Paper mail created',
          occurredAt: now,
        });
        const reminder = (input.notifications?.unreadMessageNotification as { reminder?: string } | undefined)
          ?.reminder;
        await planMessageDelivery(
          trx,
          {
            messageId,
            accountId: input.accountId,
            channel,
            serviceType,
            reminders: reminder !== 'No reminders',
            hasPaperPart: input.paper !== undefined,
          },
          now,
        );
        return messageId;
      });
    },

    async citizenMessage(input) {
      recordSecret('message text', input.title);
      recordSecret('message text', input.body);
      recordSecret('attachment name', input.attachment?.fileName);
      const mailbox = new MailboxRepository(db);
      const now = context.clock().toISOString();
      return mailbox.transaction(async (trx) => {
        const messageId = await mailbox.insertCitizenMessage(trx, {
          accountId: input.accountId,
          organisationId: input.organisation.id,
          servicePk: input.organisation.servicePk,
          citizenType: 'Hakemus',
          titleEnc: encrypt(input.title ?? 'Hakemus', contentContext.title),
          bodyEnc: encrypt(input.body ?? 'Hyvä vastaanottaja, …', contentContext.body),
          inReplyTo: input.inReplyTo ?? null,
          threadId: input.threadId ?? null,
          now,
        });
        let attachmentId: string | undefined;
        if (input.attachment) {
          attachmentId = randomUUID();
          const file = input.attachment;
          await mailbox.insertAttachment(trx, {
            id: attachmentId,
            accountId: input.accountId,
            messageId,
            position: 0,
            fileName: file.fileName,
            mediaType: file.mediaType,
            sizeBytes: file.content.length,
            sha256: sha256(file.content),
            contentEnc: envelope.encrypt(file.content, contentContext.attachment(attachmentId)),
            now,
          });
        }
        await appendFeedEvent(trx, {
          organisationId: input.organisation.id,
          messageId,
          serviceId: input.organisation.serviceId,
          type: 'Electronic message from end user',
          occurredAt: new Date(now),
        });
        return { messageId, attachmentId };
      });
    },
  };

  /** The row as the sending service's store writes it; `availableAt` as the caller decides. */
  async function insertOutgoing(
    trx: Transaction<DatabaseSchema>,
    input: MessageInput,
    now: Date,
    timing: { availableAt: string | null; deemedReceivedOn: string | null },
  ): Promise<number> {
    const channel = input.channel ?? 'electronic';
    recordSecret('message text', input.title);
    recordSecret('message text', input.body);
    recordSecret('identity code', input.recipientId);
    return new MessageRepository(trx).insertOutgoing({
      organisationId: input.organisation.id,
      servicePk: input.organisation.servicePk,
      accountId: input.accountId,
      recipient: await recipientColumns(personalDataSeal(context), input.recipientId ?? null),
      externalId: input.externalId ?? newExternalId(),
      channel,
      serviceType: input.serviceType ?? 'Normal',
      replyAllowed: input.replyAllowed ?? false,
      visibility: 'Normal',
      bodyFormat: input.bodyFormat ?? 'Text',
      titleEnc: encrypt(input.title ?? 'Päätös toimeentulotuesta', contentContext.title),
      bodyEnc: encrypt(input.body ?? 'Salainen viestin sisältö', contentContext.body),
      options: JSON.stringify({
        sentVia: channel === 'paper' ? 'paper-mail-without-id' : 'electronic',
        ...(input.notifications ? { notifications: input.notifications } : {}),
      }),
      paperEnc: input.paper ? encrypt(JSON.stringify(input.paper), contentContext.paper) : null,
      inReplyTo: null,
      threadId: null,
      createdAt: now.toISOString(),
      ...timing,
    });
  }
}
