import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MessageSendingService, V1MessageSending } from '../../../modules/messages/index.js';
import type { App } from '../../app.js';
import { ErrorResponse, ValidationErrorResponse } from './schemas/common.js';
import {
  ElectronicMessageRequestBody,
  MultichannelMessageRequestBody,
  PaperMailWithoutIdRequestBody,
} from './schemas/message-schemas.js';
import {
  V1ElectronicMessageRequestBody,
  V1MultichannelMessageRequestBody,
  V1PaperMailWithoutIdRequestBody,
} from './schemas/v1-message-schemas.js';
import { postSendRoute } from './send-route.js';

const multichannelSummary =
  "Send a message that will be delivered either electronically or as paper mail depending on the state of the recipient's electronic mailbox.";
const paperWithoutIdSummary =
  "Send paper mail without using the recipient's personal identity code or business ID.";

/**
 * POST /v2/messages/electronic, /v2/messages and /v2/paper-mail-without-id, and their deprecated v1
 * forms, which v1Sending translates onto the same service.
 */
export function messageRoutes(
  sending: MessageSendingService,
  v1Sending: V1MessageSending,
): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    const app = fastify as App;
    postSendRoute(app, {
      url: '/v2/messages/electronic',
      operationId: 'postV2MessagesElectronic',
      summary: 'Send an electronic message.',
      description:
        'Sends an electronic only message to an end user with an active mailbox; also for replies to ' +
        'messages from end users. Error codes: MAILBOX_NOT_IN_USE (recipient mailbox is not active), ' +
        'MESSAGE_BEING_REPLIED_TO_NOT_FOUND (the message you replied to does not exist).',
      body: ElectronicMessageRequestBody,
      badRequest: ValidationErrorResponse,
      repeatedExternalId: 409,
      send: (principal, body) => sending.sendElectronic(principal, body),
    });
    postSendRoute(app, {
      url: '/v2/messages',
      operationId: 'postV2MessagesController',
      summary: multichannelSummary,
      description:
        'Since the message can be delivered either electronically or as paper mail, you must define the ' +
        'specifics of the message for both channels.',
      body: MultichannelMessageRequestBody,
      badRequest: ErrorResponse,
      repeatedExternalId: 409,
      send: (principal, body) => sending.sendMultichannel(principal, body),
    });
    postSendRoute(app, {
      url: '/v2/paper-mail-without-id',
      operationId: 'postV2PaperMailWithoutId',
      summary: paperWithoutIdSummary,
      body: PaperMailWithoutIdRequestBody,
      badRequest: ErrorResponse,
      repeatedExternalId: 409,
      send: (principal, body) => sending.sendPaperWithoutId(principal, body),
    });
    // The deprecated v1 forms, translated onto the same service.
    postSendRoute(app, {
      url: '/v1/messages/electronic',
      operationId: 'postV1MessagesElectronic',
      summary: 'Send an electronic message',
      description:
        "Deprecated; use POST /v2/messages/electronic. To reply to an end user's message, set " +
        'inReplyToMessageId; a reply to a message that does not exist is sent as if it were not a ' +
        'reply. The contract lists no 409 here, so a repeated externalId answers 200 with the ' +
        'original messageId and sends nothing again (a retry is safe).',
      deprecated: true,
      body: V1ElectronicMessageRequestBody,
      badRequest: ValidationErrorResponse,
      repeatedExternalId: 200,
      send: (principal, body) => v1Sending.sendElectronic(principal, body),
    });
    postSendRoute(app, {
      url: '/v1/messages',
      operationId: 'postV1MessagesController',
      summary: multichannelSummary,
      description:
        'Deprecated; use POST /v2/messages. Files are uploaded with POST /v1/files and referenced ' +
        'by fileId.',
      deprecated: true,
      body: V1MultichannelMessageRequestBody,
      badRequest: ValidationErrorResponse,
      repeatedExternalId: 409,
      send: (principal, body) => v1Sending.sendMultichannel(principal, body),
    });
    postSendRoute(app, {
      url: '/v1/paper-mail-without-id',
      operationId: 'postV1PaperMailWithoutId',
      summary: paperWithoutIdSummary,
      description: 'Deprecated; use POST /v2/paper-mail-without-id.',
      deprecated: true,
      body: V1PaperMailWithoutIdRequestBody,
      badRequest: ErrorResponse,
      repeatedExternalId: 409,
      send: (principal, body) => v1Sending.sendPaperWithoutId(principal, body),
    });
  };
}
