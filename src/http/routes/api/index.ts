import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import type { AppServices } from '../../../services.js';

/** The organisation API (Suomi.fi Messages REST API compatible): /v1 and /v2. */
export function organisationApiRoutes(
  _context: AppContext,
  _services: AppServices,
): FastifyPluginAsyncTypebox {
  return async () => {};
}
