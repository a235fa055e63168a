import { Type, type TSchema } from '@sinclair/typebox';
import { StringEnum, extension } from './common.js';
import { dateTime, messageFromEndUser } from './contract-parts.js';

/** Responses of the reading endpoints: events, message state, messages from end users. */

const EventMetadata = Type.Object({
  externalId: Type.Optional(Type.String()),
  messageId: Type.Integer(),
  serviceId: Type.String(),
});

const event = <T extends string, M extends TSchema>(type: T, metadata: M) =>
  Type.Object({ eventTime: dateTime(), metadata, type: StringEnum([type]) });

const PostiMetadata = Type.Object({
  externalId: Type.Optional(Type.String()),
  messageId: Type.Integer(),
  postiTrackingCode: Type.String(),
  serviceId: Type.String(),
});

export const GetV2Event = Type.Union([
  event('Electronic message created', EventMetadata),
  event('Electronic message read', EventMetadata),
  event(
    'Electronic message from end user',
    Type.Object({ messageId: Type.Integer(), serviceId: Type.String() }),
  ),
  event(
    'Receipt confirmed',
    Type.Object({
      externalId: Type.Optional(Type.String()),
      messageId: Type.Integer(),
      receiptConfirmedBy: Type.String(),
      serviceId: Type.String(),
    }),
  ),
  event('Paper mail created', EventMetadata),
  event('Sent for printing and enveloping', EventMetadata),
  event(
    'Posti: receipt confirmed',
    Type.Object({
      externalId: Type.Optional(Type.String()),
      messageId: Type.Integer(),
      postiTrackingCode: Type.String(),
      recipientSignature: Type.String(),
      serviceId: Type.String(),
    }),
  ),
  event('Posti: returned to sender', PostiMetadata),
  event('Posti: unresolved', PostiMetadata),
]);

export const EventsResponse = Type.Object({
  continuationToken: Type.String(),
  events: Type.Array(GetV2Event),
});

const status = <T extends readonly string[]>(values: T) =>
  Type.Object({ createdAt: dateTime(), status: StringEnum(values) });

export const MessageState = Type.Object({
  electronic: Type.Optional(
    Type.Object({ statuses: Type.Array(status(['Created', 'Readable', 'Read', 'Receipt confirmed'])) }),
  ),
  paperMail: Type.Optional(
    Type.Object({ statuses: Type.Array(status(['Created', 'Sent for printing and enveloping'])) }),
  ),
  statuses: Type.Array(status(['Created'])),
  deemedReceivedOn: Type.Optional(
    Type.String({
      format: 'date',
      ...extension(
        'Date (Europe/Helsinki) the recipient is deemed to have received the message: the 3rd day after ' +
          'it became available (Act 13/2003 §19); for verifiable messages the acknowledgement; for letters ' +
          'the 7th day after posting.',
      ),
    }),
  ),
});

export const MessageIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});

export const AttachmentIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const ExternalIdQuery = Type.Object({
  externalId: Type.String({ minLength: 1, maxLength: 256 }),
  serviceId: Type.Optional(
    Type.String({
      maxLength: 64,
      ...extension('Limit the lookup to one of your services when several reuse an externalId.'),
    }),
  ),
});

export const MessageFromEndUserResponseV2 = messageFromEndUser(
  Type.Object({ threadExternalId: Type.Optional(Type.String()), rootMessageId: Type.Integer() }),
  {
    messageType: Type.Optional(
      Type.String({
        ...extension('What the citizen chose to send: Hakemus, Selvitys, Oikaisuvaatimus or Muu.'),
      }),
    ),
  },
);

export const AttachmentReferenceResponse = Type.Object({ attachmentId: Type.String({ format: 'uuid' }) });
