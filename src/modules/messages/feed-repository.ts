import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';

type Db = Kysely<DatabaseSchema>;

export interface StoredFeedEvent {
  id: number;
  type: string;
  occurredAt: string;
  payload: string;
}

/** Reads of the organisation event feed (writes go through appendFeedEvent). */
export class FeedRepository {
  constructor(private readonly db: Db) {}

  /** One page of an organisation's feed after `afterId`, in feed (id) order. */
  async page(
    organisationId: number,
    afterId: number,
    since: string,
    limit: number,
  ): Promise<Array<StoredFeedEvent & { messageId: number | null; recipientIdEnc: Buffer | null }>> {
    return this.db
      .selectFrom('events')
      .leftJoin('messages', 'messages.id', 'events.message_id')
      .select([
        'events.id',
        'events.message_id as messageId',
        'events.event_type as type',
        'events.occurred_at as occurredAt',
        'events.payload',
        // Who confirmed a receipt is the message's recipient (see appendFeedEvent).
        'messages.recipient_id_enc as recipientIdEnc',
      ])
      .where('events.organisation_id', '=', organisationId)
      .where('events.id', '>', afterId)
      .where('events.occurred_at', '>=', since)
      .orderBy('events.id')
      .limit(limit)
      .execute();
  }

  async ofMessage(organisationId: number, messageId: number): Promise<StoredFeedEvent[]> {
    return this.db
      .selectFrom('events')
      .select(['id', 'event_type as type', 'occurred_at as occurredAt', 'payload'])
      .where('organisation_id', '=', organisationId)
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute();
  }

  async purgeBefore(before: string): Promise<number> {
    const result = await this.db.deleteFrom('events').where('occurred_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
