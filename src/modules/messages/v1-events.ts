import type { FeedEventType } from './event-repository.js';
import type { FeedPage } from './event-feed-service.js';

/**
 * GET /v1/events serves the same stored feed as /v2/events (events are stored once, in the v2
 * shape) translated per event into the contract's v1 `Event`: an entity type and event type instead
 * of one combined type, and a `direction` in the metadata. The continuation token is the v2 one, so
 * paging is identical and a client can move from v1 to v2 without re-reading its feed.
 */
export interface V1Event {
  entityType: 'Electronic' | 'Paper mail';
  eventTime: string;
  eventType: string;
  metadata: {
    direction: 'FROM_ORGANIZATION' | 'FROM_END_USER';
    externalId?: string;
    messageId: number;
    serviceId: string;
    receiptConfirmedBy?: string;
    postiTrackingCode?: string;
    recipientSignature?: string;
  };
}

export interface V1FeedPage {
  continuationToken: string;
  events: V1Event[];
}

const v1Types: Record<FeedEventType, Pick<V1Event, 'entityType' | 'eventType'>> = {
  'Electronic message created': { entityType: 'Electronic', eventType: 'Created' },
  'Electronic message read': { entityType: 'Electronic', eventType: 'Read' },
  'Electronic message from end user': { entityType: 'Electronic', eventType: 'Created' },
  'Receipt confirmed': { entityType: 'Electronic', eventType: 'Receipt confirmed' },
  'Paper mail created': { entityType: 'Paper mail', eventType: 'Created' },
  'Sent for printing and enveloping': {
    entityType: 'Paper mail',
    eventType: 'Sent for printing and enveloping',
  },
  // v1 capitalises the word after "Posti:".
  'Posti: receipt confirmed': { entityType: 'Paper mail', eventType: 'Posti: Receipt confirmed' },
  'Posti: returned to sender': { entityType: 'Paper mail', eventType: 'Posti: Returned to sender' },
  'Posti: unresolved': { entityType: 'Paper mail', eventType: 'Posti: Unresolved' },
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** One stored (v2) event in its v1 form; undefined for a type v1 has no form for. */
export function v1EventOf(stored: Record<string, unknown>): V1Event | undefined {
  const type = text(stored.type);
  const mapped =
    type !== undefined && Object.hasOwn(v1Types, type) ? v1Types[type as FeedEventType] : undefined;
  const source = (stored.metadata ?? {}) as Record<string, unknown>;
  const eventTime = text(stored.eventTime);
  if (!mapped || eventTime === undefined || typeof source.messageId !== 'number') return undefined;
  const metadata: V1Event['metadata'] = {
    direction: type === 'Electronic message from end user' ? 'FROM_END_USER' : 'FROM_ORGANIZATION',
    messageId: source.messageId,
    serviceId: text(source.serviceId) ?? '',
  };
  for (const key of [
    'externalId',
    'receiptConfirmedBy',
    'postiTrackingCode',
    'recipientSignature',
  ] as const) {
    const value = text(source[key]);
    if (value !== undefined) metadata[key] = value;
  }
  return { ...mapped, eventTime, metadata };
}

/** A v2 feed page in v1 form; the token still advances past any event v1 cannot show. */
export function v1FeedPage(page: FeedPage): V1FeedPage {
  const events: V1Event[] = [];
  for (const stored of page.events) {
    const event = v1EventOf(stored);
    if (event) events.push(event);
  }
  return { continuationToken: page.continuationToken, events };
}
