import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EventFeedService, MessageQueryService } from '../../../modules/messages/index.js';
import { principalOf } from './authentication.js';
import {
  ErrorResponse,
  MessageResponse,
  ValidationErrorResponse,
  authenticatedErrors,
  tokenSecurity,
} from './schemas/common.js';
import { EventsQuery } from './schemas/contract-parts.js';
import {
  EventsResponse,
  ExternalIdQuery,
  MessageFromEndUserResponseV2,
  MessageIdParams,
  MessageState,
} from './schemas/query-schemas.js';

/** GET /v2/events, /v1/messages/id, /v1/messages/{id}/state and /v2/messages/{id}. */
export function queryRoutes(
  events: EventFeedService,
  queries: MessageQueryService,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v2/events',
      {
        schema: {
          tags: ['events'],
          summary: 'Retrieve events related to messages you have sent or received from end users.',
          description:
            'Returns at most 1 000 events, oldest first. Pass the returned continuationToken to the next ' +
            'call; an empty event list means there are no more events at this time. Event data is ' +
            'retrievable for 60 days.',
          operationId: 'getV2Events',
          security: tokenSecurity,
          querystring: EventsQuery,
          response: authenticatedErrors({ 200: EventsResponse, 400: ErrorResponse }),
        },
      },
      async (request) => {
        const page = await events.page(principalOf(request), request.query.continuationToken);
        // Stored payloads are written by appendFeedEvent in exactly the contract's event shapes.
        return page as Static<typeof EventsResponse>;
      },
    );

    app.get(
      '/v1/messages/id',
      {
        schema: {
          tags: ['messages'],
          summary: 'Retrieve the ID Suomi.fi Messages assigned to a message you have sent.',
          operationId: 'getV1MessagesId',
          security: tokenSecurity,
          querystring: ExternalIdQuery,
          response: authenticatedErrors({
            200: MessageResponse,
            400: ValidationErrorResponse,
            404: ErrorResponse,
          }),
        },
      },
      async (request) => ({
        messageId: await queries.idByExternalId(
          principalOf(request),
          request.query.externalId,
          request.query.serviceId,
        ),
      }),
    );

    app.get(
      '/v1/messages/:id/state',
      {
        schema: {
          tags: ['messages'],
          summary: 'Retrieve the delivery state of a message you have sent.',
          operationId: 'getV1MessagesIdState',
          security: tokenSecurity,
          params: MessageIdParams,
          response: authenticatedErrors({
            200: MessageState,
            400: ValidationErrorResponse,
            404: ErrorResponse,
          }),
        },
      },
      async (request) => queries.state(principalOf(request), request.params.id),
    );

    app.get(
      '/v2/messages/:id',
      {
        schema: {
          tags: ['messages'],
          summary: 'Retrieve a message an end user has sent you.',
          description: 'The data of messages sent by end users is retrievable for 60 days.',
          operationId: 'getV2Messages',
          security: tokenSecurity,
          params: MessageIdParams,
          response: authenticatedErrors({
            200: MessageFromEndUserResponseV2,
            400: ErrorResponse,
            404: ErrorResponse,
          }),
        },
      },
      async (request) => queries.citizenMessage(principalOf(request), request.params.id),
    );
  };
}
