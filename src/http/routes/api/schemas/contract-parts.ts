import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { sendingLimits } from '../../../../modules/messages/index.js';
import { StringEnum } from './common.js';
import { contractCountryCodes } from './country-codes.js';

/**
 * The contract's shapes that v1 and v2 share, written once. The v2 request bodies are assembled from
 * these in message-schemas.ts; the v1 bodies in v1-message-schemas.ts are derived from the v2 ones
 * and say only where v1 differs. A further interface to the same services takes its shapes from here.
 */

export const AttachmentReference = Type.Object({ attachmentId: Type.String({ format: 'uuid' }) });

/** v1 references uploads from POST /v1/files by `fileId`. */
export const FileReference = Type.Object({ fileId: Type.String({ format: 'uuid' }) });

export const ServiceType = StringEnum(['Normal', 'Verifiable']);
export const ReplyAllowedBy = StringEnum(['Anyone', 'No one']);
export const Visibility = StringEnum(['Normal', 'Recipient only']);

/**
 * An enumerated setting made optional with the contract's default (v1 has one for most settings).
 * Ajv fills the default in, and the v1 adapter applies the same defaults itself.
 */
export function optionalWithDefault<T extends TUnsafe<string>>(schema: T, value: Static<T>) {
  return Type.Optional(Type.Unsafe<Static<T>>({ ...schema, default: value }));
}

// The staff's send form checks the same limits (messages/staff-messaging.ts).
export const Title = Type.String({ minLength: 1, maxLength: sendingLimits.titleLength });
export const Body = Type.String({ minLength: 1, maxLength: sendingLimits.bodyLength });
export const InReplyToMessageId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

const LocalisedTexts = (maxLength: number) =>
  Type.Object({
    en: Type.String({ minLength: 1, maxLength }),
    fi: Type.String({ minLength: 1, maxLength }),
    sv: Type.String({ minLength: 1, maxLength }),
  });

/** v2's MessageNotifications; v1 has the same fields, all optional. */
export const MessageNotifications = Type.Object({
  customisedNewMessageNotification: Type.Optional(
    Type.Object({ content: LocalisedTexts(1500), title: LocalisedTexts(256) }),
  ),
  senderDetailsInNotifications: StringEnum(['Organisation and service name', 'None'], {
    default: 'Organisation and service name',
  }),
  unreadMessageNotification: Type.Object({ reminder: StringEnum(['Default reminder', 'No reminders']) }),
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

/** A paper mail's recipient or sender (NewPaperMailRecipient, NewPaperMailSender). */
export const PostalParty = Type.Object({ address: Address });

/** v2's PrintingAndEnvelopingService; v1 does not restrict the characters of `costPool`. */
export const PrintingAndEnvelopingService = Type.Object({
  costPool: Type.Optional(Type.String({ minLength: 1, maxLength: 15, pattern: '[A-Z0-9]+' })),
  postiMessaging: Type.Object({
    contactDetails: Type.Object({ email: Type.String({ minLength: 5, maxLength: 256 }) }),
    password: Type.String({ minLength: 4, maxLength: 4 }),
    username: Type.String({ minLength: 6, maxLength: 6 }),
  }),
});

export const ExternalId = Type.String({
  minLength: 1,
  maxLength: 256,
  title: 'ID of the message in your system',
});

export const Recipient = Type.Object({
  id: Type.String({
    minLength: 9,
    maxLength: 11,
    description: 'Personal identity code or Business Identity Code',
  }),
});

export const Sender = Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 64 }) });

export const EventsQuery = Type.Object({ continuationToken: Type.Optional(Type.String({ maxLength: 200 })) });

export const dateTime = () => Type.String({ format: 'date-time' });

/**
 * MessageFromEndUserResponse (v1) and …V2: the same message; the versions differ in how the thread is
 * described, and v2 carries our extensions.
 */
export function messageFromEndUser<Thread extends TSchema, Extensions extends Record<string, TSchema>>(
  thread: Thread,
  extensions: Extensions,
) {
  return Type.Object({
    createdAt: dateTime(),
    electronic: Type.Object({
      attachments: Type.Array(
        Type.Object({
          attachmentId: Type.String(),
          filename: Type.String(),
          mediaType: Type.String(),
          sizeBytes: Type.Integer(),
        }),
      ),
      body: Type.String(),
      createdAt: dateTime(),
      messageId: Type.Integer(),
      thread: Type.Optional(thread),
      title: Type.String(),
      ...extensions,
    }),
    messageId: Type.Integer(),
    sender: Type.Optional(
      Type.Object({
        mailboxOwner: Type.Object({ id: Type.String(), name: Type.String() }),
        personSendingMessageOnBehalfOfMailboxOwner: Type.Optional(
          Type.Object({ id: Type.String(), name: Type.String() }),
        ),
      }),
    ),
  });
}
