import { Type } from '@sinclair/typebox';
import {
  AttachmentReference,
  FileReference,
  MessageNotifications,
  PostalParty,
  PrintingAndEnvelopingService,
  ReplyAllowedBy,
  Sender,
  ServiceType,
  Visibility,
  optionalWithDefault,
} from './contract-parts.js';
import {
  ElectronicMessageRequestBody,
  ElectronicPart,
  MultichannelMessageRequestBody,
  PaperMailWithoutIdRequestBody,
} from './message-schemas.js';

/**
 * Request bodies of the deprecated v1 sending endpoints (NewElectronicMessageFromClientOrganisation,
 * NewMessageFromClientOrganisation, NewPaperMailWithoutId), derived from the v2 ones: most settings
 * are optional with contract defaults, files are referenced as `fileId`, there is no `bodyFormat`,
 * and the paper part has `createCoverPage` and no duplex/rotation flags. The defaults are applied by
 * the v1 adapter, not by Ajv, so the translation to v2 does not depend on the validator's
 * `useDefaults` setting.
 */

const v1Settings = {
  messageServiceType: optionalWithDefault(ServiceType, 'Normal'),
  notifications: Type.Optional(Type.Partial(MessageNotifications)),
  replyAllowedBy: optionalWithDefault(ReplyAllowedBy, 'No one'),
  visibility: optionalWithDefault(Visibility, 'Normal'),
};

/** NewElectronicOnly: the electronic part of POST /v1/messages/electronic. */
export const V1ElectronicOnly = Type.Object({
  ...Type.Omit(ElectronicPart, ['bodyFormat']).properties,
  attachments: Type.Optional(Type.Array(AttachmentReference, { minItems: 0, maxItems: 1 })),
  ...v1Settings,
});

/** NewElectronicPart: the electronic part of POST /v1/messages (files from POST /v1/files). */
export const V1ElectronicPart = Type.Object({
  ...Type.Omit(ElectronicPart, ['attachments', 'bodyFormat', 'inReplyToMessageId']).properties,
  files: Type.Array(FileReference, { minItems: 0, maxItems: 1 }),
  ...v1Settings,
});

const paperFields = {
  colorPrinting: Type.Optional(Type.Boolean()),
  createCoverPage: Type.Boolean(),
  files: Type.Array(FileReference, { minItems: 1, maxItems: 1 }),
  messageServiceType: optionalWithDefault(ServiceType, 'Normal'),
  printingAndEnvelopingService: Type.Object({
    ...PrintingAndEnvelopingService.properties,
    costPool: Type.Optional(Type.String({ minLength: 1, maxLength: 15 })),
  }),
  recipient: PostalParty,
};

/** NewNormalPaperMail: the paper part of POST /v1/messages. */
export const V1PaperMailPart = Type.Object({ ...paperFields, sender: PostalParty });

export const V1ElectronicMessageRequestBody = Type.Object({
  ...ElectronicMessageRequestBody.properties,
  electronic: V1ElectronicOnly,
});

export const V1MultichannelMessageRequestBody = Type.Object({
  ...MultichannelMessageRequestBody.properties,
  electronic: V1ElectronicPart,
  paperMail: V1PaperMailPart,
});

/** NewPaperMailWithoutId: the paper fields at the top level, the service id inside `sender`. */
export const V1PaperMailWithoutIdRequestBody = Type.Object({
  ...paperFields,
  ...Type.Omit(PaperMailWithoutIdRequestBody, ['paperMail']).properties,
  sender: Type.Composite([PostalParty, Sender]),
});
