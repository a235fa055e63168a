import { Type } from '@sinclair/typebox';
import { StringEnum } from './common.js';
import { contractCountryCodes } from './country-codes.js';

/** Request bodies of the v2 sending endpoints: messages.api.rest.v2.* in the contract. */

const AttachmentReference = Type.Object({ attachmentId: Type.String({ format: 'uuid' }) });

const ServiceType = StringEnum(['Normal', 'Verifiable']);

const LocalisedTexts = (maxLength: number) =>
  Type.Object({
    en: Type.String({ minLength: 1, maxLength }),
    fi: Type.String({ minLength: 1, maxLength }),
    sv: Type.String({ minLength: 1, maxLength }),
  });

const MessageNotifications = Type.Object({
  customisedNewMessageNotification: Type.Optional(
    Type.Object({ content: LocalisedTexts(1500), title: LocalisedTexts(256) }),
  ),
  senderDetailsInNotifications: StringEnum(['Organisation and service name', 'None'], {
    default: 'Organisation and service name',
  }),
  unreadMessageNotification: Type.Object({ reminder: StringEnum(['Default reminder', 'No reminders']) }),
});

export const ElectronicPart = Type.Object({
  attachments: Type.Array(AttachmentReference, { minItems: 0, maxItems: 50 }),
  body: Type.String({ minLength: 1, maxLength: 40000 }),
  bodyFormat: StringEnum(['Text', 'Markdown']),
  inReplyToMessageId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  messageServiceType: ServiceType,
  notifications: MessageNotifications,
  replyAllowedBy: StringEnum(['Anyone', 'No one']),
  title: Type.String({ minLength: 1, maxLength: 256 }),
  visibility: StringEnum(['Normal', 'Recipient only']),
});

const Address = Type.Object({
  additionalName: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 256,
      title: 'Second address row. Used to specify, for example, addressee company or department.',
    }),
  ),
  city: Type.String({ minLength: 1, maxLength: 256 }),
  countryCode: StringEnum(contractCountryCodes),
  name: Type.String({ minLength: 1, maxLength: 256 }),
  streetAddress: Type.String({ minLength: 1, maxLength: 256 }),
  zipCode: Type.String({ minLength: 1, maxLength: 64 }),
});

export const PaperMailPart = Type.Object({
  attachments: Type.Array(AttachmentReference, { minItems: 1, maxItems: 1 }),
  colorPrinting: Type.Boolean(),
  createAddressPage: Type.Boolean(),
  messageServiceType: ServiceType,
  printingAndEnvelopingService: Type.Object({
    costPool: Type.Optional(Type.String({ minLength: 1, maxLength: 15, pattern: '[A-Z0-9]+' })),
    postiMessaging: Type.Object({
      contactDetails: Type.Object({ email: Type.String({ minLength: 5, maxLength: 256 }) }),
      password: Type.String({ minLength: 4, maxLength: 4 }),
      username: Type.String({ minLength: 6, maxLength: 6 }),
    }),
  }),
  recipient: Type.Object({ address: Address }),
  rotateLandscapePages: Type.Boolean(),
  sender: Type.Object({ address: Address }),
  twoSidedPrinting: Type.Boolean(),
});

const ExternalId = Type.String({ minLength: 1, maxLength: 256, title: 'ID of the message in your system' });
const Recipient = Type.Object({
  id: Type.String({
    minLength: 9,
    maxLength: 11,
    description: 'Personal identity code or Business Identity Code',
  }),
});
const Sender = Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 64 }) });

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
