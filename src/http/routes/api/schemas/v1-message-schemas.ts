import { Type } from '@sinclair/typebox';
import { StringEnum } from './common.js';
import { contractCountryCodes } from './country-codes.js';

/**
 * Request bodies of the deprecated v1 sending endpoints (NewElectronicMessageFromClientOrganisation,
 * NewMessageFromClientOrganisation, NewPaperMailWithoutId). Unlike v2, most settings are optional
 * with contract defaults, files are referenced as `fileId`, and the paper part has `createCoverPage`
 * and no duplex/rotation flags. The defaults are applied by the v1 adapter, not by Ajv, so the
 * translation to v2 does not depend on the validator's `useDefaults` setting.
 */

const ServiceType = StringEnum(['Normal', 'Verifiable'], { default: 'Normal' });
const ReplyAllowedBy = StringEnum(['Anyone', 'No one'], { default: 'No one' });
const Visibility = StringEnum(['Normal', 'Recipient only'], { default: 'Normal' });

const LocalisedTexts = (maxLength: number) =>
  Type.Object({
    fi: Type.String({ minLength: 1, maxLength }),
    sv: Type.String({ minLength: 1, maxLength }),
    en: Type.String({ minLength: 1, maxLength }),
  });

const MessageNotifications = Type.Object({
  customisedNewMessageNotification: Type.Optional(
    Type.Object({ title: LocalisedTexts(256), content: LocalisedTexts(1500) }),
  ),
  unreadMessageNotification: Type.Optional(
    Type.Object({ reminder: StringEnum(['Default reminder', 'No reminders']) }),
  ),
  senderDetailsInNotifications: Type.Optional(
    StringEnum(['Organisation and service name', 'None'], { default: 'Organisation and service name' }),
  ),
});

const FileReference = Type.Object({ fileId: Type.String({ format: 'uuid' }) });
const AttachmentReference = Type.Object({ attachmentId: Type.String({ format: 'uuid' }) });

const Title = Type.String({ minLength: 1, maxLength: 256 });
const Body = Type.String({ minLength: 1, maxLength: 40000 });

/** NewElectronicOnly: the electronic part of POST /v1/messages/electronic. */
export const V1ElectronicOnly = Type.Object({
  attachments: Type.Optional(Type.Array(AttachmentReference, { minItems: 0, maxItems: 1 })),
  body: Body,
  inReplyToMessageId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  messageServiceType: Type.Optional(ServiceType),
  replyAllowedBy: Type.Optional(ReplyAllowedBy),
  title: Title,
  notifications: Type.Optional(MessageNotifications),
  visibility: Type.Optional(Visibility),
});

/** NewElectronicPart: the electronic part of POST /v1/messages (files from POST /v1/files). */
export const V1ElectronicPart = Type.Object({
  body: Body,
  files: Type.Array(FileReference, { minItems: 0, maxItems: 1 }),
  messageServiceType: Type.Optional(ServiceType),
  replyAllowedBy: Type.Optional(ReplyAllowedBy),
  title: Title,
  notifications: Type.Optional(MessageNotifications),
  visibility: Type.Optional(Visibility),
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

const PrintingAndEnvelopingService = Type.Object({
  postiMessaging: Type.Object({
    contactDetails: Type.Object({ email: Type.String({ minLength: 5, maxLength: 256 }) }),
    password: Type.String({ minLength: 4, maxLength: 4 }),
    username: Type.String({ minLength: 6, maxLength: 6 }),
  }),
  costPool: Type.Optional(Type.String({ minLength: 1, maxLength: 15 })),
});

const paperFields = {
  colorPrinting: Type.Optional(Type.Boolean()),
  createCoverPage: Type.Boolean(),
  files: Type.Array(FileReference, { minItems: 1, maxItems: 1 }),
  messageServiceType: Type.Optional(ServiceType),
  printingAndEnvelopingService: PrintingAndEnvelopingService,
  recipient: Type.Object({ address: Address }),
};

/** NewNormalPaperMail: the paper part of POST /v1/messages. */
export const V1PaperMailPart = Type.Object({
  ...paperFields,
  sender: Type.Object({ address: Address }),
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

export const V1ElectronicMessageRequestBody = Type.Object({
  electronic: V1ElectronicOnly,
  externalId: ExternalId,
  recipient: Recipient,
  sender: Sender,
});

export const V1MultichannelMessageRequestBody = Type.Object({
  electronic: V1ElectronicPart,
  externalId: ExternalId,
  paperMail: V1PaperMailPart,
  recipient: Recipient,
  sender: Sender,
});

/** NewPaperMailWithoutId: the paper fields at the top level, the service id inside `sender`. */
export const V1PaperMailWithoutIdRequestBody = Type.Object({
  ...paperFields,
  externalId: ExternalId,
  sender: Type.Object({ address: Address, serviceId: Type.String({ minLength: 1, maxLength: 64 }) }),
});
