import type { AppContext } from '../../app-context.js';
import { transactionRunner } from '../../db/group-commit.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import type { EvidenceRecorder } from '../evidence/index.js';
import type { CredentialService, OrganisationService } from '../organisations/index.js';
import { AttachmentRepository } from './attachment-repository.js';
import { AttachmentService } from './attachment-service.js';
import { EventFeedService } from './event-feed-service.js';
import { FeedRepository } from './feed-repository.js';
import { MailboxStatusService } from './mailbox-status-service.js';
import { MessageQueryService } from './message-query-service.js';
import { MessageRepository } from './message-repository.js';
import { MessageSendingService } from './message-sending-service.js';
import type { DeliveryConsents } from './reachable-mailboxes.js';
import { ReceivedMessages } from './received-messages.js';
import { ReceivedRepository } from './received-repository.js';
import { RecipientRepository } from './recipient-repository.js';
import { StaffMessageRepository } from './staff-message-repository.js';
import { StaffMessaging } from './staff-messaging.js';
import { V1CitizenMessageReader } from './v1-citizen-message.js';
import { V1MessageSending } from './v1-message-sending.js';

export type { FeedEventType, NewFeedEvent } from './event-repository.js';
export type { FeedPage } from './event-feed-service.js';
export type { CitizenMessageView, MessageStateView } from './message-query-service.js';
export type {
  ElectronicPartInput,
  PaperMailPartInput,
  SendingPrincipal,
  SendResult,
} from './message-input.js';
export type { V1CitizenMessageView } from './v1-citizen-message.js';
export { AttachmentService, maxAttachmentBytes } from './attachment-service.js';
export { EventFeedService } from './event-feed-service.js';
export { appendFeedEventInTransaction } from './feed-events.js';
export { MailboxStatusService } from './mailbox-status-service.js';
export { contentContext, decryptText, encryptText } from './message-content.js';
export { MessageQueryService } from './message-query-service.js';
export { messageStage, messageStages, progressOf, stageConditions } from './message-stage.js';
export { progressFlags } from './message-progress-repository.js';
export type { MessageProgress, MessageStage, ProgressCondition } from './message-stage.js';
export { MessageSendingService } from './message-sending-service.js';
export type { DeliveryConsents } from './reachable-mailboxes.js';
export {
  ReceivedMessages,
  ReplyRejected,
  receivedAuditActions,
  receivedPageSize,
  receivedPurpose,
} from './received-messages.js';
export type {
  CaseWorker,
  HandledFilter,
  ReceivedList,
  ReceivedListItem,
  ReceivedMessage,
  ReplyField,
  ReplyForm,
  ReplyProblem,
  ReplyProblemCode,
} from './received-messages.js';
export { validateRecipientId } from './message-validation.js';
export {
  StaffMessaging,
  StaffSendRejected,
  maskIdentityCode,
  newSendKey,
  sendingLimits,
  sentPageSize,
  staffAuditActions,
} from './staff-messaging.js';
export type {
  MailboxCheck,
  SentFilter,
  SentList,
  SentListRow,
  SentMessageDetails,
  ServiceNames,
  StaffActor,
  StaffSendField,
  StaffSendForm,
  StaffSendProblem,
  StaffSendProblemCode,
  StaffServiceOption,
  StaffUploadedFile,
  TimelineEntry,
  TimelineEvent,
} from './staff-messaging.js';
export { V1CitizenMessageReader } from './v1-citizen-message.js';
export { v1FeedPage } from './v1-events.js';
export { uploadV1File } from './v1-file-upload.js';
export { V1MessageSending } from './v1-message-sending.js';

/** Services of the organisation API: credentials and tokens, mailboxes, attachments, sending, events. */
export interface MessagingServices {
  /** The organisations module's, given in by the composition root (src/services.ts). */
  credentials: CredentialService;
  mailboxes: MailboxStatusService;
  attachments: AttachmentService;
  sending: MessageSendingService;
  events: EventFeedService;
  queries: MessageQueryService;
  /** Case work on the staff pages: sending from a form (through `sending`), the sent list. */
  staff: StaffMessaging;
  /** The staff's Received pages: citizens' messages to the case worker's services; replies go through `sending`. */
  received: ReceivedMessages;
  /** The deprecated v1 forms, translated onto the same v2 services. */
  v1: { sending: V1MessageSending; citizenMessages: V1CitizenMessageReader };
  /**
   * Housekeeping for the worker: unused uploads older than 24 h, feed events older than 60 days,
   * expired tokens and stale login-throttling rows. Returns how many rows were removed. Safe to run
   * from several workers at once.
   */
  purgeExpired(): Promise<number>;
}

export function createMessagingServices(
  context: AppContext,
  deps: {
    organisations: OrganisationService;
    credentials: CredentialService;
    /** The consent register under DELIVERY_CONSENT=per-organisation; undefined: an open account is enough. */
    consents?: DeliveryConsents | undefined;
    /** The evidence module's recorder: sending signs its records in the storing transaction. */
    evidence: EvidenceRecorder;
  },
): MessagingServices {
  const db = context.database.db;
  const { clock, envelope } = context;
  const messageRepository = new MessageRepository(db);
  const attachmentRepository = new AttachmentRepository(db);
  const feedRepository = new FeedRepository(db);
  const attachments = new AttachmentService({ db, repository: attachmentRepository, envelope, clock });
  const events = new EventFeedService({ db, feed: feedRepository, envelope, clock });
  const seal = personalDataSeal(context);
  const sending = new MessageSendingService({
    db,
    transactions: transactionRunner(context.database),
    envelope,
    seal,
    organisations: deps.organisations,
    clock,
    consents: deps.consents,
    evidence: deps.evidence,
  });
  const queries = new MessageQueryService({
    db,
    messages: messageRepository,
    attachments: attachmentRepository,
    feed: feedRepository,
    organisations: deps.organisations,
    populationRegister: context.populationRegister,
    envelope,
    clock,
  });
  const recipients = new RecipientRepository(db, seal);
  const mailboxes = new MailboxStatusService({ db, clock, recipients, consents: deps.consents });
  const staff = new StaffMessaging({
    db,
    repository: new StaffMessageRepository(db, seal),
    organisations: deps.organisations,
    messages: messageRepository,
    sending,
    attachments,
    mailboxes,
    recipients,
    register: context.populationRegister,
    envelope,
    clock,
  });
  return {
    credentials: deps.credentials,
    mailboxes,
    attachments,
    sending,
    events,
    queries,
    staff,
    received: new ReceivedMessages({
      db,
      repository: new ReceivedRepository(db),
      sending,
      register: context.populationRegister,
      envelope,
      clock,
    }),
    v1: {
      sending: new V1MessageSending({ sending }),
      citizenMessages: new V1CitizenMessageReader({ queries, messages: messageRepository }),
    },
    purgeExpired: async () =>
      (await attachments.purgeUnused()) +
      (await events.purgeExpired()) +
      (await deps.credentials.purgeExpired()),
  };
}
