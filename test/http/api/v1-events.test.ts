import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeedEventType } from '../../../src/modules/messages/event-repository.js';
import type { ApiClient } from '../../helpers/api-client.js';
import { assertContractResponse } from '../../helpers/contract.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { appendEventsOfTypes, messageWithManyReadEvents } from './many-feed-events.js';
import { useSignedInOrganisations } from './signed-in-organisations.js';
import { assertV1Event } from './v1-test-support.js';

interface V1Event {
  entityType: string;
  eventType: string;
  eventTime: string;
  metadata: Record<string, unknown> & { messageId: number; direction: string };
}
interface Page<E> {
  continuationToken: string;
  events: E[];
}

describe('organisation API v1: the event feed', () => {
  const { h, org, other, api, otherApi } = useSignedInOrganisations('2026-01-01T08:00:00Z');

  const eventsUrl = (version: 'v1' | 'v2', token?: string) =>
    token === undefined
      ? `/${version}/events`
      : `/${version}/events?continuationToken=${encodeURIComponent(token)}`;

  /**
   * GET /v1/events. Receipt events cannot pass the contract's overlapping oneOf as a whole page, so
   * the page is checked by assertContractResponse only when it has none, and every event by itself.
   */
  const getV1 = async (client: ApiClient, token?: string) => {
    const response = await client.get(eventsUrl('v1', token), { unchecked: true });
    if (response.statusCode !== 200) {
      await assertContractResponse('GET', '/v1/events', response);
      return { response, page: undefined };
    }
    const page = response.json<Page<V1Event>>();
    assert.equal(typeof page.continuationToken, 'string');
    for (const event of page.events) await assertV1Event(event);
    if (!page.events.some((e) => e.eventType.endsWith('Receipt confirmed'))) {
      await assertContractResponse('GET', '/v1/events', response);
    }
    return { response, page };
  };

  const readAll = async (client: ApiClient, token?: string) => {
    const events: V1Event[] = [];
    for (;;) {
      const { response, page } = await getV1(client, token);
      assert.equal(response.statusCode, 200, response.body);
      events.push(...page!.events);
      token = page!.continuationToken;
      if (page!.events.length === 0) return { events, token };
    }
  };

  test('every stored event is served in its v1 form, in order, only to its organisation', async () => {
    const citizen = await h.fixtures.account();
    const sent = await api.post('/v2/messages/electronic', electronicRequest(org, citizen.identityCode));
    const messageId = sent.json<{ messageId: number }>().messageId;
    const externalId = (await h.context.database.db
      .selectFrom('messages')
      .select('external_id')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow())!.external_id;
    await otherApi.post('/v2/messages/electronic', electronicRequest(other, citizen.identityCode));
    const { messageId: fromCitizen } = await h.fixtures.citizenMessage({
      organisation: org,
      accountId: citizen.id,
    });
    const types: FeedEventType[] = [
      'Electronic message read',
      'Receipt confirmed',
      'Paper mail created',
      'Sent for printing and enveloping',
      'Posti: receipt confirmed',
      'Posti: returned to sender',
      'Posti: unresolved',
    ];
    await appendEventsOfTypes(h, { org, messageId, externalId }, types);

    const { events } = await readAll(api);
    assert.deepEqual(
      events.map((e) => [e.entityType, e.eventType, e.metadata.direction]),
      [
        ['Electronic', 'Created', 'FROM_ORGANIZATION'],
        ['Electronic', 'Created', 'FROM_END_USER'],
        ['Electronic', 'Read', 'FROM_ORGANIZATION'],
        ['Electronic', 'Receipt confirmed', 'FROM_ORGANIZATION'],
        ['Paper mail', 'Created', 'FROM_ORGANIZATION'],
        ['Paper mail', 'Sent for printing and enveloping', 'FROM_ORGANIZATION'],
        ['Paper mail', 'Posti: Receipt confirmed', 'FROM_ORGANIZATION'],
        ['Paper mail', 'Posti: Returned to sender', 'FROM_ORGANIZATION'],
        ['Paper mail', 'Posti: Unresolved', 'FROM_ORGANIZATION'],
      ],
    );
    assert.deepEqual(events[0]!.metadata, {
      direction: 'FROM_ORGANIZATION',
      externalId,
      messageId,
      serviceId: org.serviceId,
    });
    // A citizen has no externalId.
    assert.deepEqual(events[1]!.metadata, {
      direction: 'FROM_END_USER',
      messageId: fromCitizen,
      serviceId: org.serviceId,
    });
    assert.equal(events[3]!.metadata.receiptConfirmedBy, citizen.identityCode);
    assert.equal(events[6]!.metadata.postiTrackingCode, 'JJFI1234');
    assert.equal(events[6]!.metadata.recipientSignature, 'K. Mäkinen');
    assert.ok(events.every((e) => e.eventTime === '2026-01-01T08:00:00.000Z'));

    const theirs = (await readAll(otherApi)).events;
    assert.deepEqual(
      theirs.map((e) => [e.entityType, e.eventType]),
      [['Electronic', 'Created']],
    );
    assert.ok(
      theirs.every((e) => e.metadata.messageId !== messageId && e.metadata.messageId !== fromCitizen),
    );
  });

  test('pages follow each other like v2, and v1 and v2 tokens are interchangeable', async () => {
    const start = await readAll(api);
    await messageWithManyReadEvents(h, api, org, 1_199);
    const first = (await getV1(api, start.token)).page!;
    assert.equal(first.events.length, 1000);
    // The v1 token continues the v2 feed at the same place, and the other way round.
    const v2 = await api.get(eventsUrl('v2', first.continuationToken));
    assert.equal(v2.statusCode, 200, v2.body);
    const v2Page = v2.json<Page<unknown>>();
    const second = (await getV1(api, first.continuationToken)).page!;
    assert.equal(v2Page.events.length, 200);
    assert.equal(second.events.length, 200);
    assert.equal(second.continuationToken, v2Page.continuationToken);
    const empty = (await getV1(api, v2Page.continuationToken)).page!;
    assert.deepEqual(empty, { continuationToken: v2Page.continuationToken, events: [] });
  });

  test('a malformed continuation token is a 400 naming it; no token is a 401', async () => {
    for (const token of ['garbage', 'f1.' + Buffer.from('-5').toString('base64url'), 'x'.repeat(300)]) {
      const { response } = await getV1(api, token);
      assert.equal(response.statusCode, 400);
      assert.match(response.json<{ reason: string }>().reason, /^continuationToken/);
    }
    const response = await api.get('/v1/events', { token: null });
    assert.equal(response.statusCode, 401);
  });
});
