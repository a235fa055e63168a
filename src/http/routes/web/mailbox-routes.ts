import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import type { AppServices } from '../../../services.js';

/** The citizen's mailbox pages: folders, message page, acknowledge, reply, new message, delete. */
export function mailboxRoutes(_context: AppContext, _services: AppServices): FastifyPluginAsyncTypebox {
  return async () => {};
}
