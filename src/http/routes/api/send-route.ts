import type { Static, TSchema } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { principalOf } from './authentication.js';
import type { ErrorResponse, ValidationErrorResponse } from './schemas/common.js';
import {
  MessageAlreadyExistsResponse,
  MessageResponse,
  authenticatedErrors,
  tokenSecurity,
} from './schemas/common.js';

/** What the sending service answers, as the routes need it. */
interface SendOutcome {
  created: boolean;
  messageId: number;
}

/** One sending operation of the contract, in whichever version. */
export interface SendRoute<Body extends TSchema> {
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  deprecated?: true;
  body: Body;
  /** The documented 400 answer: the contract gives some operations `validationErrors`, some not. */
  badRequest: typeof ErrorResponse | typeof ValidationErrorResponse;
  /**
   * How a repeated externalId is answered: 409 with the original id (clients treat it as 200), or,
   * where the contract lists no 409 (v1 electronic), 200 with the original id. Nothing is sent again.
   */
  repeatedExternalId: 409 | 200;
  send: (principal: ReturnType<typeof principalOf>, body: Static<Body>) => Promise<SendOutcome>;
}

const repeatedText = 'A message with this externalId has already been sent';

/** Registers a POST that hands its validated body to the sending service and answers the message id. */
export function postSendRoute<Body extends TSchema>(app: App, route: SendRoute<Body>): void {
  // A plain map: the statuses differ by route, and the handler sends 409 only where the map has it.
  const statuses: Record<number, TSchema> = { 200: MessageResponse, 400: route.badRequest };
  if (route.repeatedExternalId === 409) statuses[409] = MessageAlreadyExistsResponse;
  app.post(
    route.url,
    {
      schema: {
        tags: ['messages'],
        summary: route.summary,
        ...(route.description === undefined ? {} : { description: route.description }),
        operationId: route.operationId,
        ...(route.deprecated ? { deprecated: true } : {}),
        security: tokenSecurity,
        body: route.body,
        response: authenticatedErrors(statuses),
      },
    },
    async (request, reply) => {
      const result = await route.send(principalOf(request), request.body as Static<Body>);
      if (result.created || route.repeatedExternalId === 200) {
        return reply.status(200).send({ messageId: result.messageId });
      }
      return reply.status(409).send({ messageId: result.messageId, reason: repeatedText });
    },
  );
}
