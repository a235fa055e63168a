import Fastify, { type FastifyInstance } from 'fastify';

export interface BareRoute {
  method: 'GET' | 'POST';
  url: string;
  contentType: string;
  /** The bytes our service answers the same request with, so both send as much. */
  body: string;
}

/**
 * The limit of the HTTP layer: Fastify answering the same request with a response of the same size,
 * without storage, sessions or rendering. POST bodies are parsed as JSON as ours are.
 */
export async function bareServer(route: BareRoute): Promise<{ url: string; close(): Promise<void> }> {
  const app: FastifyInstance = Fastify({ bodyLimit: 10 * 1024 * 1024 });
  app.route({
    method: route.method,
    url: route.url,
    handler: async (_request, reply) => reply.type(route.contentType).send(route.body),
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${base}${route.url}`, close: () => app.close() };
}
