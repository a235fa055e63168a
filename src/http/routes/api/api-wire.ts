import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiErrorHandlers } from '../../plugins/error-handler.js';

/**
 * How the organisation API looks on the wire, set once for its whole scope:
 * - `Content-Type: application/json` exactly: strict clients of the national API compare the whole
 *   media type, and Fastify would otherwise add `; charset=utf-8` (JSON is UTF-8 by definition).
 * - `traceId`: the request id (a UUID, also in every log line of the request), which the contract
 *   declares on most operations and a support case can quote.
 * - Request bodies are validated without type coercion, so `"externalId": null` is a 400 naming the
 *   field and its type instead of silently becoming "". Query strings and path parameters are text
 *   by nature and keep Fastify's coercion.
 */
export function registerApiWire(app: FastifyInstance): void {
  app.setValidatorCompiler(apiValidatorCompiler());
  app.setErrorHandler(apiErrorHandlers.error);
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && /^application\/json\s*(;|$)/i.test(type)) {
      void reply.header('content-type', 'application/json');
    }
    void reply.header('traceId', request.id);
    return payload;
  });
}

/** The paths the contract's operations live under. */
const apiPrefixes = ['/v1', '/v2'];

/**
 * Whether a raw URL is the API's. Only for the one decision taken before any routing (a malformed
 * path, see app.ts); everything else is decided by the API's own scope and its routes.
 */
export function isApiUrl(url: string): boolean {
  return apiPrefixes.some(
    (prefix) => url.startsWith(prefix) && ['', '/', '?'].includes(url.charAt(prefix.length)),
  );
}

/**
 * Marks every route registered in the scope (and the API's 404s) as the API's: callers authenticate
 * with bearer tokens, so the citizen session plugin neither loads a session nor asks for a CSRF token.
 */
export function markApiRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, citizenSessionExempt: true };
  });
}

/** Unknown paths under the API's prefixes answer the contract's JSON, not a web page. */
export async function registerApiNotFound(app: FastifyInstance): Promise<void> {
  for (const prefix of apiPrefixes) {
    await app.register(
      async (scope) => {
        // Fastify accepts a route config here (as for routes) though its types do not say so.
        const options = { config: { citizenSessionExempt: true } } as object;
        scope.setNotFoundHandler(options, apiErrorHandlers.notFound);
      },
      { prefix },
    );
  }
}

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module namespace.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

function ajvWith(options: Options): Ajv {
  // As Fastify's own compiler: defaults filled in, every error reported (the body is at most 1 MiB
  // and the schemas cap their arrays, so reporting all errors stays cheap).
  return addFormats(new Ajv({ useDefaults: true, allErrors: true, removeAdditional: false, ...options }));
}

function apiValidatorCompiler() {
  const strict = ajvWith({ coerceTypes: false });
  const textual = ajvWith({ coerceTypes: 'array' });
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    (httpPart === 'body' ? strict : textual).compile(schema);
}
