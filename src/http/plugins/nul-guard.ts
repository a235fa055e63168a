import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError } from '../../errors.js';

/** The dotted path of the first string in `value` that holds a NUL character, or undefined. */
function pathOfNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key.replaceAll('\u0000', '')}` : 'body';
    const found = pathOfNul(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * No text we keep may contain NUL (U+0000): PostgreSQL cannot store it in a text column and it means
 * nothing in a message, a name or an id. Refused once for every route, in the path, the query and a
 * parsed body, with the field named, before any handler can pass it on to the database.
 */
export const nulGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      const field =
        pathOfNul(request.params, '') ?? pathOfNul(request.query, '') ?? pathOfNul(request.body, '');
      if (field !== undefined) throw new ValidationError(field || 'body', 'must not contain NUL (U+0000)');
    });
  },
  { name: 'nul-guard' },
);
