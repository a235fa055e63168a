import type {
  AddressInput,
  AttachmentReference,
  ElectronicMessageRequest,
  ElectronicPartInput,
  MessageServiceType,
  NotificationsInput,
  PaperMailPartInput,
} from './message-input.js';

/**
 * The deprecated v1 request shapes (NewElectronicOnly, NewElectronicPart, NewNormalPaperMail,
 * NewPaperMailWithoutId) and their translation into the v2 inputs the sending service takes. v1
 * leaves most settings optional; the defaults below are the contract's.
 */

type Reminder = NotificationsInput['unreadMessageNotification']['reminder'];

export interface V1Notifications {
  customisedNewMessageNotification?: NotificationsInput['customisedNewMessageNotification'];
  unreadMessageNotification?: { reminder: Reminder } | undefined;
  senderDetailsInNotifications?: NotificationsInput['senderDetailsInNotifications'] | undefined;
}

interface V1ElectronicCommon {
  body: string;
  title: string;
  messageServiceType?: MessageServiceType | undefined;
  replyAllowedBy?: 'Anyone' | 'No one' | undefined;
  visibility?: 'Normal' | 'Recipient only' | undefined;
  notifications?: V1Notifications | undefined;
}

/** NewElectronicOnly (POST /v1/messages/electronic). */
export interface V1ElectronicOnlyInput extends V1ElectronicCommon {
  attachments?: AttachmentReference[] | undefined;
  inReplyToMessageId?: number | undefined;
}

/** NewElectronicPart (POST /v1/messages): files uploaded with POST /v1/files. */
export interface V1ElectronicPartInput extends V1ElectronicCommon {
  files: Array<{ fileId: string }>;
}

/** The paper fields NewNormalPaperMail and NewPaperMailWithoutId share. */
export interface V1PaperFields {
  colorPrinting?: boolean | undefined;
  createCoverPage: boolean;
  files: Array<{ fileId: string }>;
  messageServiceType?: MessageServiceType | undefined;
  printingAndEnvelopingService: PaperMailPartInput['printingAndEnvelopingService'];
  recipient: { address: AddressInput };
  sender: { address: AddressInput };
}

export type V1ElectronicMessageRequest = ElectronicMessageRequest<V1ElectronicOnlyInput>;

export interface V1MultichannelMessageRequest extends ElectronicMessageRequest<V1ElectronicPartInput> {
  paperMail: V1PaperFields;
}

export interface V1PaperMailWithoutIdRequest extends V1PaperFields {
  externalId: string;
  sender: { address: AddressInput; serviceId: string };
}

function notificationsFromV1(given: V1Notifications | undefined): NotificationsInput {
  return {
    ...(given?.customisedNewMessageNotification
      ? { customisedNewMessageNotification: given.customisedNewMessageNotification }
      : {}),
    senderDetailsInNotifications: given?.senderDetailsInNotifications ?? 'Organisation and service name',
    unreadMessageNotification: given?.unreadMessageNotification ?? { reminder: 'Default reminder' },
  };
}

function electronicFromV1(part: V1ElectronicCommon, attachments: AttachmentReference[]): ElectronicPartInput {
  return {
    attachments,
    body: part.body,
    // v1 has no Markdown: bodies are plain text.
    bodyFormat: 'Text',
    messageServiceType: part.messageServiceType ?? 'Normal',
    notifications: notificationsFromV1(part.notifications),
    replyAllowedBy: part.replyAllowedBy ?? 'No one',
    title: part.title,
    visibility: part.visibility ?? 'Normal',
  };
}

export function electronicOnlyFromV1(part: V1ElectronicOnlyInput): ElectronicPartInput {
  const electronic = electronicFromV1(part, part.attachments ?? []);
  if (part.inReplyToMessageId !== undefined) electronic.inReplyToMessageId = part.inReplyToMessageId;
  return electronic;
}

export function electronicPartFromV1(part: V1ElectronicPartInput): ElectronicPartInput {
  return electronicFromV1(
    part,
    part.files.map((file) => ({ attachmentId: file.fileId })),
  );
}

/**
 * The v2 view of a v1 paper part, for the sending service's checks. The v1 object itself is what
 * gets stored (the request's `storedPaperPart`); the print worker reads its v1 names (files/fileId,
 * createCoverPage) like a v2 part.
 */
export function paperPartFromV1(paper: V1PaperFields): PaperMailPartInput {
  return {
    attachments: paper.files.map((file) => ({ attachmentId: file.fileId })),
    colorPrinting: paper.colorPrinting ?? false,
    createAddressPage: paper.createCoverPage,
    messageServiceType: paper.messageServiceType ?? 'Normal',
    printingAndEnvelopingService: paper.printingAndEnvelopingService,
    recipient: paper.recipient,
    rotateLandscapePages: false,
    sender: { address: paper.sender.address },
    twoSidedPrinting: false,
  };
}
