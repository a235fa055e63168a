import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { SendResult, MessageSendingService } from '../../../modules/messages/index.js';
import { principalOf } from './authentication.js';
import {
  ErrorResponse,
  MessageAlreadyExistsResponse,
  MessageResponse,
  ValidationErrorResponse,
  authenticatedErrors,
  tokenSecurity,
} from './schemas/common.js';
import {
  ElectronicMessageRequestBody,
  MultichannelMessageRequestBody,
  PaperMailWithoutIdRequestBody,
} from './schemas/message-schemas.js';

/** 200 with the new id, or 409 with the original id for a repeated externalId (clients treat both alike). */
export function answerSendResult(reply: FastifyReply, result: SendResult) {
  if (result.created) return reply.status(200).send({ messageId: result.messageId });
  return reply
    .status(409)
    .send({ messageId: result.messageId, reason: 'A message with this externalId has already been sent' });
}

/** POST /v2/messages/electronic, /v2/messages and /v2/paper-mail-without-id. */
export function messageRoutes(sending: MessageSendingService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v2/messages/electronic',
      {
        schema: {
          tags: ['messages'],
          summary: 'Send an electronic message.',
          description:
            'Sends an electronic only message to an end user with an active mailbox; also for replies to ' +
            'messages from end users. Error codes: MAILBOX_NOT_IN_USE (recipient mailbox is not active), ' +
            'MESSAGE_BEING_REPLIED_TO_NOT_FOUND (the message you replied to does not exist).',
          operationId: 'postV2MessagesElectronic',
          security: tokenSecurity,
          body: ElectronicMessageRequestBody,
          response: authenticatedErrors({
            200: MessageResponse,
            400: ValidationErrorResponse,
            409: MessageAlreadyExistsResponse,
          }),
        },
      },
      async (request, reply) =>
        answerSendResult(reply, await sending.sendElectronic(principalOf(request), request.body)),
    );

    app.post(
      '/v2/messages',
      {
        schema: {
          tags: ['messages'],
          summary:
            "Send a message that will be delivered either electronically or as paper mail depending on the state of the recipient's electronic mailbox.",
          description:
            'Since the message can be delivered either electronically or as paper mail, you must define the ' +
            'specifics of the message for both channels.',
          operationId: 'postV2MessagesController',
          security: tokenSecurity,
          body: MultichannelMessageRequestBody,
          response: authenticatedErrors({
            200: MessageResponse,
            400: ErrorResponse,
            409: MessageAlreadyExistsResponse,
          }),
        },
      },
      async (request, reply) =>
        answerSendResult(reply, await sending.sendMultichannel(principalOf(request), request.body)),
    );

    app.post(
      '/v2/paper-mail-without-id',
      {
        schema: {
          tags: ['messages'],
          summary: "Send paper mail without using the recipient's personal identity code or business ID.",
          operationId: 'postV2PaperMailWithoutId',
          security: tokenSecurity,
          body: PaperMailWithoutIdRequestBody,
          response: authenticatedErrors({
            200: MessageResponse,
            400: ErrorResponse,
            409: MessageAlreadyExistsResponse,
          }),
        },
      },
      async (request, reply) =>
        answerSendResult(reply, await sending.sendPaperWithoutId(principalOf(request), request.body)),
    );
  };
}
