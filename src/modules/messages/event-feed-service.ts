import type { Kysely } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import { openMessageRecipient } from '../../crypto/personal-data.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { ApiPrincipal } from '../organisations/index.js';
import { decodeContinuationToken, encodeContinuationToken } from './continuation-token.js';
import type { FeedRepository } from './feed-repository.js';
import { organisationRead } from './organisation-read-audit.js';

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
  constructor(
    private readonly deps: {
      db: Kysely<DatabaseSchema>;
      feed: FeedRepository;
      /** Opens the message's sealed recipient: who confirmed a receipt. */
      envelope: Envelope;
      clock: () => Date;
    },
  ) {}

  /**
   * A page of the caller's feed. The call is audited with the messages its events concern (an empty
   * page too: the trail shows the polling). The entry is not linked to citizens' access logs: the
   * feed tells the organisation about its own messages, and a poll a minute would drown the log.
   */
  async page(principal: ApiPrincipal, continuationToken: string | undefined): Promise<FeedPage> {
    const afterId = decodeContinuationToken(continuationToken);
    const since = new Date(this.deps.clock().getTime() - eventRetentionMs).toISOString();
    const rows = await this.deps.feed.page(principal.organisationId, afterId, since, eventPageSize);
    const lastId = rows.at(-1)?.id ?? afterId;
    await recordAudit(
      this.deps.db,
      organisationRead(principal, 'api.events_read', undefined, this.deps.clock(), {
        events: rows.length,
        messageIds: [...new Set(rows.flatMap((row) => (row.messageId === null ? [] : [row.messageId])))],
      }),
    );
    return {
      continuationToken: encodeContinuationToken(lastId),
      events: rows.map((row) => {
        const event = JSON.parse(row.payload) as { type: string; metadata: Record<string, unknown> };
        if (event.type === 'Receipt confirmed') {
          event.metadata.receiptConfirmedBy =
            openMessageRecipient(this.deps.envelope, row.recipientIdEnc) ?? '';
        }
        return event;
      }),
    };
  }

  /** Removes events older than the retention period; returns how many. */
  purgeExpired(): Promise<number> {
    return this.deps.feed.purgeBefore(new Date(this.deps.clock().getTime() - eventRetentionMs).toISOString());
  }
}
