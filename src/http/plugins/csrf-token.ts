import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../errors.js';
import { tokensEqual } from '../../modules/identity/index.js';

/**
 * The CSRF check both session plugins make (citizens' and staff's, each against its own session's
 * token), so the two areas accept a token in the same places and refuse it the same way.
 */

/** The methods that change state: each must carry the session's token. */
export const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Throws 403 unless `token` is the session's token (`expected`; undefined: no session). */
export function assertCsrfToken(expected: string | undefined, token: unknown): void {
  if (!expected || typeof token !== 'string' || !tokensEqual(token, expected)) {
    throw new ForbiddenError('missing or wrong CSRF token');
  }
}

/** The token a request carries: the X-CSRF-Token header, or the form's `_csrf` field. */
export function csrfTokenOf(request: FastifyRequest): unknown {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined | null;
  if (!body || typeof body !== 'object') return undefined;
  const field = body._csrf;
  // @fastify/multipart with attachFieldsToBody gives { value } objects instead of strings.
  if (field && typeof field === 'object' && 'value' in field) return (field as { value: unknown }).value;
  return field;
}

/**
 * A multipart form without the token in hand whose route leaves the check to its handler
 * (`csrfCheckedInHandler`): the handler reads `_csrf` from the stream and checks it before reading
 * any file.
 */
export function csrfCheckedInHandler(request: FastifyRequest, token: unknown): boolean {
  return (
    token === undefined &&
    request.routeOptions.config.csrfCheckedInHandler === true &&
    String(request.headers['content-type'] ?? '').startsWith('multipart/form-data')
  );
}
