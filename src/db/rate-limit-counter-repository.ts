import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/**
 * Fixed-window request counters in the database, so that every web process counts against one
 * limit (in process memory, two processes would each allow the full limit).
 */
export class RateLimitCounterRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /**
   * Counts one hit for `key` in one statement (insert, or increment within the window, or start a
   * new window), so concurrent hits from any process are all counted. Returns the hits in the window
   * and when it ends (ms since the epoch).
   */
  async hit(key: string, nowMs: number, windowMs: number): Promise<{ hits: number; windowEndsAt: number }> {
    const row = await this.db
      .insertInto('rate_limit_counters')
      .values({ counter_key: key, hits: 1, window_ends_at: nowMs + windowMs })
      .onConflict((oc) =>
        oc.column('counter_key').doUpdateSet({
          hits: sql<number>`case when rate_limit_counters.window_ends_at <= ${nowMs} then 1 else rate_limit_counters.hits + 1 end`,
          window_ends_at: sql<number>`case when rate_limit_counters.window_ends_at <= ${nowMs} then ${nowMs + windowMs} else rate_limit_counters.window_ends_at end`,
        }),
      )
      .returning(['hits', 'window_ends_at'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), windowEndsAt: Number(row.window_ends_at) };
  }

  /** The hits in the current window without counting one (0 when none). */
  async read(key: string, nowMs: number): Promise<{ hits: number; windowEndsAt: number }> {
    const row = await this.db
      .selectFrom('rate_limit_counters')
      .select(['hits', 'window_ends_at'])
      .where('counter_key', '=', key)
      .where('window_ends_at', '>', nowMs)
      .executeTakeFirst();
    return row
      ? { hits: Number(row.hits), windowEndsAt: Number(row.window_ends_at) }
      : { hits: 0, windowEndsAt: nowMs };
  }

  /** Drops counters whose window ended before `beforeMs`; returns how many. */
  async purgeEnded(beforeMs: number): Promise<number> {
    const result = await this.db
      .deleteFrom('rate_limit_counters')
      .where('window_ends_at', '<', beforeMs)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
