import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app-context.js';

/** How often the database is pinged to decide whether new requests can be served at all. */
const databaseCheckIntervalMs = 2000;
export const sheddingRetryAfterSeconds = 5;

/**
 * Stops accepting new work early, before it would fail or queue up: while the database does not
 * answer (checked every two seconds, so requests do not each wait for a connection timeout) or the
 * event loop lags more than MAX_EVENT_LOOP_DELAY_MS, every request is answered 503 with Retry-After
 * at once, through the same error handlers as any other answer (the API's JSON, a page in the
 * user's language). /healthz still answers: the process is alive, only not ready.
 */
export function loadSheddingPlugin(context: AppContext) {
  return fp(
    async (app: FastifyInstance) => {
      await app.register(underPressure, {
        ...(context.config.maxEventLoopDelayMs > 0
          ? { maxEventLoopDelay: context.config.maxEventLoopDelayMs }
          : {}),
        healthCheck: async () => {
          try {
            await context.database.ping();
            return true;
          } catch {
            return false;
          }
        },
        healthCheckInterval: databaseCheckIntervalMs,
        retryAfter: sheddingRetryAfterSeconds,
      });
    },
    { name: 'load-shedding' },
  );
}
