import { decodeContinuationToken, encodeContinuationToken } from './continuation-token.js';
import type { FeedRepository } from './feed-repository.js';

/** At most this many events per call (contract). */
export const eventPageSize = 1000;
/** Events are available this long (contract: 60 days). */
export const eventRetentionMs = 60 * 24 * 3600 * 1000;

export interface FeedPage {
  continuationToken: string;
  events: Array<Record<string, unknown>>;
}

/**
 * GET /v2/events. Pages follow the event id, which equals commit order (see appendFeedEvent), so
 * paging with the returned token never skips or repeats an event. An empty page returns the token
 * it was given: the client polls again later from the same place.
 */
export class EventFeedService {
  constructor(private readonly deps: { feed: FeedRepository; clock: () => Date }) {}

  async page(organisationId: number, continuationToken: string | undefined): Promise<FeedPage> {
    const afterId = decodeContinuationToken(continuationToken);
    const since = new Date(this.deps.clock().getTime() - eventRetentionMs).toISOString();
    const rows = await this.deps.feed.page(organisationId, afterId, since, eventPageSize);
    const lastId = rows.at(-1)?.id ?? afterId;
    return {
      continuationToken: encodeContinuationToken(lastId),
      events: rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>),
    };
  }

  /** Removes events older than the retention period; returns how many. */
  purgeExpired(): Promise<number> {
    return this.deps.feed.purgeBefore(new Date(this.deps.clock().getTime() - eventRetentionMs).toISOString());
  }
}
