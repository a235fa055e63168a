import type { Kysely } from 'kysely';
import { RateLimitCounterRepository } from '../../db/rate-limit-counter-repository.js';
import type { DatabaseSchema } from '../../db/schema.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteLimitOptions {
  groupId?: string;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, shared by all web
 * processes. Each route's limit counts separately (or a `groupId` shared by several routes). Windows
 * follow the app's clock, as every other time rule does (tests move it instead of waiting).
 */
export function databaseRateLimitStore(db: Kysely<DatabaseSchema>, clock: () => Date) {
  const counters = new RateLimitCounterRepository(db);
  return class DatabaseRateLimitStore {
    private readonly scope: string;

    /** @fastify/rate-limit constructs the first store with its global options; children get a scope. */
    constructor(scope?: unknown) {
      this.scope = typeof scope === 'string' ? scope : 'global';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock().getTime();
      counters.hit(`${this.scope}|${key}`, now, timeWindow).then(
        ({ hits, windowEndsAt }) => callback(null, { current: hits, ttl: Math.max(0, windowEndsAt - now) }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      const now = clock().getTime();
      counters.read(`${this.scope}|${key}`, now).then(
        ({ hits, windowEndsAt }) => callback(null, { current: hits, ttl: Math.max(0, windowEndsAt - now) }),
        (error: Error) => callback(error),
      );
    }

    // At run time the plugin passes the route's merged limit options (with `routeInfo`), whatever
    // its type declarations say.
    child(given: unknown): DatabaseRateLimitStore {
      const options = given as RouteLimitOptions;
      const method = [options.routeInfo?.method ?? ''].flat().join(',');
      return new DatabaseRateLimitStore(options.groupId ?? `${method} ${options.routeInfo?.url ?? ''}`);
    }
  };
}
