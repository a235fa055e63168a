import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type EventFeedService,
  type V1CitizenMessageReader,
  v1FeedPage,
} from '../../../modules/messages/index.js';
import { principalOf } from './authentication.js';
import {
  ErrorResponse,
  ValidationErrorResponse,
  authenticatedErrors,
  tokenSecurity,
} from './schemas/common.js';
import { MessageIdParams } from './schemas/query-schemas.js';
import { EventsQuery } from './schemas/contract-parts.js';
import { MessageFromEndUserResponseV1, V1EventsResponse } from './schemas/v1-query-schemas.js';

/** The deprecated GET /v1/events and GET /v1/messages/{id}. */
export function v1QueryRoutes(
  events: EventFeedService,
  citizenMessages: V1CitizenMessageReader,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/events',
      {
        schema: {
          tags: ['events'],
          summary: 'Retrieve events related to messages you have sent or received from end users.',
          description:
            'Deprecated; use GET /v2/events. The same events as v2 in the v1 form (entityType, ' +
            'eventType, metadata.direction), at most 1 000 per call, oldest first, kept 60 days. An ' +
            'empty list means there are no more events at this time. Continuation tokens of v1 and v2 ' +
            'are interchangeable.',
          operationId: 'getV1Events',
          deprecated: true,
          security: tokenSecurity,
          querystring: EventsQuery,
          response: authenticatedErrors({ 200: V1EventsResponse, 400: ValidationErrorResponse }),
        },
      },
      async (request) => v1FeedPage(await events.page(principalOf(request), request.query.continuationToken)),
    );

    app.get(
      '/v1/messages/:id',
      {
        schema: {
          tags: ['messages'],
          summary: 'Retrieve a message an end user has sent you.',
          description:
            'Deprecated; use GET /v2/messages/{id}. The data of messages sent by end users is ' +
            'retrievable for 60 days.',
          operationId: 'getV1Messages',
          deprecated: true,
          security: tokenSecurity,
          params: MessageIdParams,
          response: authenticatedErrors({
            200: MessageFromEndUserResponseV1,
            400: ValidationErrorResponse,
            404: ErrorResponse,
          }),
        },
      },
      async (request) => citizenMessages.read(principalOf(request), request.params.id),
    );
  };
}
