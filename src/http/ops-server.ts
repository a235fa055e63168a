import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { healthRoutes, metricsRoute, type ReadinessCheck } from './routes/ops.js';

/**
 * The operators' own listener (METRICS_PORT): /metrics, /healthz and /readyz for Prometheus and
 * orchestrators, apart from the public port so that metrics need no token and never face the
 * internet. Every role can run it; it is the only port of a `--role worker` process.
 */
export async function startOpsServer(
  context: AppContext,
  listener: { port: number; host: string },
  readiness?: ReadinessCheck,
): Promise<{ server: FastifyInstance; address: string }> {
  const server = Fastify({
    loggerInstance: context.logger as FastifyBaseLogger,
    disableRequestLogging: true,
    forceCloseConnections: true,
  });
  await server.register(healthRoutes(context, readiness));
  await server.register(metricsRoute(context, { token: undefined }));
  const address = await server.listen({ port: listener.port, host: listener.host });
  return { server, address };
}
