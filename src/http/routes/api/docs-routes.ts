import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { renderApiDocsPage } from './api-docs-page.js';
import { markExtensions } from './openapi-document.js';

/** GET /api-docs/openapi.json and GET /api-docs: our own documentation, not contract operations. */
export function docsRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    const document = () => markExtensions(app.swagger()) as Parameters<typeof renderApiDocsPage>[0];

    app.get('/api-docs/openapi.json', { config: { apiPublic: true }, schema: { hide: true } }, async () =>
      document(),
    );

    app.get('/api-docs', { config: { apiPublic: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(renderApiDocsPage(document())),
    );
  };
}
