import type { FastifyInstance } from 'fastify';
import { stylesheet, stylesheetEtag } from '../views/stylesheet.js';

/**
 * Serves the stylesheet that src/http/views/stylesheet.ts assembles from the components' own
 * sections. It is built once at start, so it is cached like a static file (an hour, then
 * revalidated by its ETag).
 */
export async function stylesheetRoute(app: FastifyInstance): Promise<void> {
  app.get('/assets/site.css', async (request, reply) => {
    void reply.header('cache-control', 'public, max-age=3600').header('etag', stylesheetEtag);
    if (request.headers['if-none-match'] === stylesheetEtag) return reply.code(304).send();
    return reply.type('text/css; charset=utf-8').send(stylesheet);
  });
}
