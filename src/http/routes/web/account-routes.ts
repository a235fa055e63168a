import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import type { AppServices } from '../../../services.js';

/** Identification, session, opening the account, settings and closing the account. */
export function accountRoutes(_context: AppContext, _services: AppServices): FastifyPluginAsyncTypebox {
  return async () => {};
}
