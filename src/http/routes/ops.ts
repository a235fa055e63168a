import { createHash, timingSafeEqual } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.js';

const Status = Type.Object({ status: Type.String() });

export interface ReadinessCheck {
  /** A reason the process is not ready, or undefined when it is. */
  (): string | undefined;
}

/**
 * Liveness and readiness for orchestrators and load balancers. Ready means the database answers and
 * any extra check (the worker's loops) passes.
 */
export function healthRoutes(context: AppContext, extraCheck?: ReadinessCheck): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: { hide: true, response: { 200: Status } },
        logLevel: 'warn',
        // Liveness: answered even while load is shed; the process is alive, only not ready.
        config: { pressureHandler: () => undefined },
      },
      async () => ({ status: 'ok' }),
    );

    app.get(
      '/readyz',
      { schema: { hide: true, response: { 200: Status, 503: Status } }, logLevel: 'warn' },
      async (request, reply) => {
        try {
          await context.database.ping();
        } catch (error) {
          request.log.warn({ err: error }, 'database not reachable');
          return reply.status(503).header('retry-after', '5').send({ status: 'database unreachable' });
        }
        const problem = extraCheck?.();
        if (problem) {
          request.log.warn({ problem }, 'not ready');
          return reply.status(503).header('retry-after', '5').send({ status: problem });
        }
        return { status: 'ok' };
      },
    );
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. */
function presentsToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/**
 * Prometheus metrics. Metrics tell an outsider the traffic, routes and error rates, so they are not
 * public: on the main port only with METRICS_TOKEN (otherwise 404, as if absent), and without a token
 * on the separate METRICS_PORT listener, which binds to localhost unless told otherwise.
 */
export function metricsRoute(
  context: AppContext,
  options: { token: string | undefined },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/metrics',
      { schema: { hide: true, response: { 200: Type.String() } }, logLevel: 'warn' },
      async (request, reply) => {
        if (options.token !== undefined && !presentsToken(request.headers.authorization, options.token)) {
          return reply.callNotFound();
        }
        const body = await context.metrics.registry.metrics();
        return reply.type(context.metrics.registry.contentType).send(body);
      },
    );
  };
}
