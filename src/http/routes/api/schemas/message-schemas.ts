import { Type } from '@sinclair/typebox';
import { sendingLimits } from '../../../../modules/messages/index.js';
import { StringEnum } from './common.js';
import {
  AttachmentReference,
  Body,
  ExternalId,
  InReplyToMessageId,
  MessageNotifications,
  PostalParty,
  PrintingAndEnvelopingService,
  Recipient,
  ReplyAllowedBy,
  Sender,
  ServiceType,
  Title,
  Visibility,
} from './contract-parts.js';

/** Request bodies of the v2 sending endpoints: messages.api.rest.v2.* in the contract. */

export const ElectronicPart = Type.Object({
  attachments: Type.Array(AttachmentReference, { minItems: 0, maxItems: sendingLimits.attachmentCount }),
  body: Body,
  bodyFormat: StringEnum(['Text', 'Markdown']),
  inReplyToMessageId: Type.Optional(InReplyToMessageId),
  messageServiceType: ServiceType,
  notifications: MessageNotifications,
  replyAllowedBy: ReplyAllowedBy,
  title: Title,
  visibility: Visibility,
});

export const PaperMailPart = Type.Object({
  attachments: Type.Array(AttachmentReference, { minItems: 1, maxItems: 1 }),
  colorPrinting: Type.Boolean(),
  createAddressPage: Type.Boolean(),
  messageServiceType: ServiceType,
  printingAndEnvelopingService: PrintingAndEnvelopingService,
  recipient: PostalParty,
  rotateLandscapePages: Type.Boolean(),
  sender: PostalParty,
  twoSidedPrinting: Type.Boolean(),
});

export const ElectronicMessageRequestBody = Type.Object({
  electronic: ElectronicPart,
  externalId: ExternalId,
  recipient: Recipient,
  sender: Sender,
});

export const MultichannelMessageRequestBody = Type.Object({
  electronic: ElectronicPart,
  externalId: ExternalId,
  paperMail: PaperMailPart,
  recipient: Recipient,
  sender: Sender,
});

export const PaperMailWithoutIdRequestBody = Type.Object({
  externalId: ExternalId,
  paperMail: PaperMailPart,
  sender: Sender,
});
