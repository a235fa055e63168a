import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { V1MessageSending } from '../../../modules/messages/index.js';
import { principalOf } from './authentication.js';
import { answerSendResult } from './message-routes.js';
import {
  ErrorResponse,
  MessageAlreadyExistsResponse,
  MessageResponse,
  ValidationErrorResponse,
  authenticatedErrors,
  tokenSecurity,
} from './schemas/common.js';
import {
  V1ElectronicMessageRequestBody,
  V1MultichannelMessageRequestBody,
  V1PaperMailWithoutIdRequestBody,
} from './schemas/v1-message-schemas.js';

/** The deprecated POST /v1/messages/electronic, /v1/messages and /v1/paper-mail-without-id. */
export function v1MessageRoutes(sending: V1MessageSending): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/messages/electronic',
      {
        schema: {
          tags: ['messages'],
          summary: 'Send an electronic message',
          description:
            "Deprecated; use POST /v2/messages/electronic. To reply to an end user's message, set " +
            'inReplyToMessageId; a reply to a message that does not exist is sent as if it were not a ' +
            'reply. The contract lists no 409 here, so a repeated externalId answers 200 with the ' +
            'original messageId and sends nothing again (a retry is safe).',
          operationId: 'postV1MessagesElectronic',
          deprecated: true,
          security: tokenSecurity,
          body: V1ElectronicMessageRequestBody,
          response: authenticatedErrors({ 200: MessageResponse, 400: ValidationErrorResponse }),
        },
      },
      async (request) => {
        const result = await sending.sendElectronic(principalOf(request), request.body);
        return { messageId: result.messageId };
      },
    );

    app.post(
      '/v1/messages',
      {
        schema: {
          tags: ['messages'],
          summary:
            "Send a message that will be delivered either electronically or as paper mail depending on the state of the recipient's electronic mailbox.",
          description:
            'Deprecated; use POST /v2/messages. Files are uploaded with POST /v1/files and referenced ' +
            'by fileId.',
          operationId: 'postV1MessagesController',
          deprecated: true,
          security: tokenSecurity,
          body: V1MultichannelMessageRequestBody,
          response: authenticatedErrors({
            200: MessageResponse,
            400: ValidationErrorResponse,
            409: MessageAlreadyExistsResponse,
          }),
        },
      },
      async (request, reply) =>
        answerSendResult(reply, await sending.sendMultichannel(principalOf(request), request.body)),
    );

    app.post(
      '/v1/paper-mail-without-id',
      {
        schema: {
          tags: ['messages'],
          summary: "Send paper mail without using the recipient's personal identity code or business ID.",
          description: 'Deprecated; use POST /v2/paper-mail-without-id.',
          operationId: 'postV1PaperMailWithoutId',
          deprecated: true,
          security: tokenSecurity,
          body: V1PaperMailWithoutIdRequestBody,
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
