import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MailboxStatusService } from '../../../modules/messages/index.js';
import { principalOf } from './authentication.js';
import { ValidationErrorResponse, authenticatedErrors, tokenSecurity } from './schemas/common.js';
import { EndUsers, EndUsersWithActiveMailbox } from './schemas/mailbox-schemas.js';

/** POST /v1/mailboxes/active. */
export function mailboxStatusRoutes(mailboxes: MailboxStatusService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/mailboxes/active',
      {
        schema: {
          tags: ['mailboxes'],
          summary:
            "Use a recipient's personal identity code or business ID to check whether their electronic mailbox is active.",
          description: 'Note that this endpoint should only be used in the context of sending messages.',
          operationId: 'postV1MailboxesActive',
          security: tokenSecurity,
          body: EndUsers,
          response: authenticatedErrors({ 200: EndUsersWithActiveMailbox, 400: ValidationErrorResponse }),
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const active = await mailboxes.activeMailboxes(
          principal.organisationId,
          request.body.endUsers.map((user) => user.id),
          request.id,
        );
        return { endUsersWithActiveMailbox: active.map((id) => ({ id })) };
      },
    );
  };
}
