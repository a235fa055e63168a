import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.js';

const Status = Type.Object({ status: Type.String() });

/** Liveness, readiness and Prometheus metrics for operators and orchestrators. */
export function opsRoutes(context: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      { schema: { hide: true, response: { 200: Status } }, logLevel: 'warn' },
      async () => ({ status: 'ok' }),
    );

    app.get(
      '/readyz',
      { schema: { hide: true, response: { 200: Status, 503: Status } }, logLevel: 'warn' },
      async (request, reply) => {
        try {
          await context.database.ping();
          return { status: 'ok' };
        } catch (error) {
          request.log.warn({ err: error }, 'database not reachable');
          return reply.status(503).send({ status: 'database unreachable' });
        }
      },
    );

    app.get(
      '/metrics',
      { schema: { hide: true, response: { 200: Type.String() } }, logLevel: 'warn' },
      async (_request, reply) => {
        const body = await context.metrics.registry.metrics();
        return reply.type(context.metrics.registry.contentType).send(body);
      },
    );
  };
}
