import { Type } from '@sinclair/typebox';
import { StringEnum } from './common.js';
import { dateTime, messageFromEndUser } from './contract-parts.js';

/** Responses of the deprecated v1 reading and upload endpoints (Events, MessageFromEndUserResponse, …). */

/**
 * The contract's v1 `Event` is a oneOf of four variants that differ only in `entityType`, `eventType`
 * and which metadata fields are present. One flat object with the optional fields listed serialises
 * every variant (the serialiser drops properties a schema does not name) without making Fastify
 * decide between overlapping oneOf branches.
 */
export const V1Event = Type.Object({
  entityType: StringEnum(['Message', 'Paper mail', 'Electronic']),
  eventTime: dateTime(),
  eventType: Type.String(),
  metadata: Type.Object({
    direction: StringEnum(['FROM_ORGANIZATION', 'FROM_END_USER']),
    externalId: Type.Optional(Type.String()),
    messageId: Type.Integer(),
    serviceId: Type.String(),
    receiptConfirmedBy: Type.Optional(Type.String()),
    postiTrackingCode: Type.Optional(Type.String()),
    recipientSignature: Type.Optional(Type.String()),
  }),
});

export const V1EventsResponse = Type.Object({
  continuationToken: Type.String(),
  events: Type.Array(V1Event),
});

export const MessageFromEndUserResponseV1 = messageFromEndUser(
  Type.Object({ inReplyToMessageId: Type.Integer(), rootMessageId: Type.Integer() }),
  {},
);

export const NewFileResponse = Type.Object({ fileId: Type.String({ format: 'uuid' }) });
