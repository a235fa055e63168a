import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import type { AppServices } from '../../../services.js';
import { mailboxComposeRoutes } from './mailbox-compose-routes.js';
import { mailboxReadRoutes } from './mailbox-read-routes.js';

/** The citizen's mailbox pages: folders, message page, acknowledge, reply, new message, delete. */
export function mailboxRoutes(_context: AppContext, services: AppServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Registered in this plugin's own scope for the new-message and reply forms, unless an outer
    // scope already parses multipart; limits are given per request in readComposeForm.
    if (!app.hasContentTypeParser('multipart/form-data')) {
      await app.register(multipart);
    }
    await app.register(mailboxReadRoutes(services.mailbox));
    await app.register(mailboxComposeRoutes(services.mailbox));
  };
}
