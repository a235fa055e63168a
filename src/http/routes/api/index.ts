import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import { maxAttachmentBytes } from '../../../modules/messages/index.js';
import type { AppServices } from '../../../services.js';
import type { App } from '../../app.js';
import { databaseRateLimitStore } from '../../plugins/rate-limit-store.js';
import { markApiRoutes, registerApiNotFound, registerApiWire } from './api-wire.js';
import { attachmentRoutes } from './attachment-routes.js';
import { authRoutes } from './auth-routes.js';
import { registerAuthentication } from './authentication.js';
import { docsRoutes } from './docs-routes.js';
import { evidenceRoutes } from './evidence-routes.js';
import { mailboxStatusRoutes } from './mailbox-status-routes.js';
import { messageRoutes } from './message-routes.js';
import { openApiInfo } from './openapi-document.js';
import { queryRoutes } from './query-routes.js';
import { v1QueryRoutes } from './v1-query-routes.js';
import { v1UploadRoutes } from './v1-upload-routes.js';

/**
 * The organisation API (Suomi.fi Messages REST API compatible): /v1 and /v2, plus its documentation
 * at /api-docs. Multipart parsing, rate limits and the OpenAPI generator are registered inside this
 * plugin so they apply to these routes only, as are its error handlers and wire format (api-wire.ts):
 * this scope is the one place that decides what is "the API".
 */
export function organisationApiRoutes(
  context: AppContext,
  services: AppServices,
  extend?: (api: App) => void,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const messaging = services.messaging;
    registerApiWire(app);
    await registerApiNotFound(app);
    await app.register(swagger, { openapi: openApiInfo });
    // Counted in the database: with several web processes, a limit per process would multiply.
    await app.register(rateLimit, {
      global: false,
      store: databaseRateLimitStore(context.database.db, context.clock),
    });
    await app.register(multipart, {
      limits: { fileSize: maxAttachmentBytes, files: 1, fields: 5, fieldSize: 64 * 1024, parts: 6 },
    });
    registerAuthentication(app, messaging.credentials);

    // The contract's operations, in a scope of their own so that only they (not the documentation
    // pages) are marked as the API's for the rest of the app.
    await app.register(async (operations) => {
      markApiRoutes(operations);
      await operations.register(authRoutes(messaging.credentials));
      await operations.register(mailboxStatusRoutes(messaging.mailboxes));
      await operations.register(attachmentRoutes(messaging.attachments));
      await operations.register(messageRoutes(messaging.sending, messaging.v1.sending));
      await operations.register(queryRoutes(messaging.events, messaging.queries));
      // Ours, not the contract's: marked as an extension in the OpenAPI document.
      await operations.register(evidenceRoutes(services.evidence.bundles));
      // The deprecated v1 forms, translated onto the same v2 services.
      await operations.register(v1UploadRoutes(messaging.attachments));
      await operations.register(v1QueryRoutes(messaging.events, messaging.v1.citizenMessages));
      extend?.(operations as unknown as App);
    });
    await app.register(docsRoutes());
  };
}
