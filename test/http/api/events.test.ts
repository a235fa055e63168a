import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeedEventType } from '../../../src/modules/messages/event-repository.js';
import type { ApiClient } from '../../helpers/api-client.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { appendEventsOfTypes, messageWithManyReadEvents } from './many-feed-events.js';
import { useSignedInOrganisations } from './signed-in-organisations.js';

interface Page {
  continuationToken: string;
  events: Array<{ type: string; eventTime: string; metadata: { messageId: number } }>;
}

describe('organisation API: the event feed', () => {
  const { h, org, other, api, otherApi } = useSignedInOrganisations('2026-01-01T08:00:00Z');

  const readAll = async (client: ApiClient, token?: string) => {
    const pages: Page[] = [];
    for (;;) {
      const url =
        token === undefined ? '/v2/events' : `/v2/events?continuationToken=${encodeURIComponent(token)}`;
      const response = await client.get(url);
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json<Page>();
      assert.ok(page.events.length <= 1000);
      pages.push(page);
      token = page.continuationToken;
      if (page.events.length === 0) return { pages, token };
    }
  };

  test('every event type is served in the contract shape, in order, only to its organisation', async () => {
    const citizen = await h.fixtures.account();
    const sent = await api.post('/v2/messages/electronic', electronicRequest(org, citizen.identityCode));
    const messageId = sent.json<{ messageId: number }>().messageId;
    await otherApi.post('/v2/messages/electronic', electronicRequest(other, citizen.identityCode));
    await h.fixtures.citizenMessage({ organisation: org, accountId: citizen.id });
    const types: FeedEventType[] = [
      'Electronic message read',
      'Receipt confirmed',
      'Sent for printing and enveloping',
      'Posti: receipt confirmed',
      'Posti: returned to sender',
      'Posti: unresolved',
    ];
    await appendEventsOfTypes(h, { org, messageId, externalId: 'e' }, types);
    const { pages } = await readAll(api);
    const events = pages.flatMap((p) => p.events);
    assert.deepEqual(
      events.map((e) => e.type),
      ['Electronic message created', 'Electronic message from end user', ...types],
    );
    const receipt = events.find((e) => e.type === 'Receipt confirmed')!;
    assert.equal(
      (receipt.metadata as unknown as { receiptConfirmedBy: string }).receiptConfirmedBy,
      citizen.identityCode,
    );
    const theirs = (await readAll(otherApi)).pages.flatMap((p) => p.events);
    assert.deepEqual(
      theirs.map((e) => e.type),
      ['Electronic message created'],
    );
    assert.ok(theirs.every((e) => e.metadata.messageId !== messageId));
  });

  test('pages of at most 1,000 follow each other with nothing skipped or repeated', async () => {
    const start = await readAll(api);
    const messageId = await messageWithManyReadEvents(h, api, org, 2_499);
    const { pages, token } = await readAll(api, start.token);
    assert.deepEqual(
      pages.map((p) => p.events.length),
      [1000, 1000, 500, 0],
    );
    // An empty page hands back a token that continues from the same place.
    const later = await api.get(`/v2/events?continuationToken=${encodeURIComponent(token!)}`);
    assert.equal(later.json<Page>().continuationToken, token);
    const ids = await h.context.database.db
      .selectFrom('events')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute();
    assert.equal(ids.length, 2_500);
    assert.equal(pages.flatMap((p) => p.events).length, 2_500);
  });

  test('events older than 60 days are no longer served and are purged', async () => {
    h.setNow('2026-03-03T08:00:01Z');
    await api.login(org);
    const { pages } = await readAll(api);
    assert.equal(pages.flatMap((p) => p.events).length, 0);
    await h.services.messaging.purgeExpired();
    const left = await h.context.database.db.selectFrom('events').select('id').execute();
    assert.equal(left.length, 0);
    h.setNow('2026-01-01T08:00:00Z');
  });

  test('a malformed continuation token is a 400 naming it', async () => {
    for (const token of ['garbage', 'f1.' + Buffer.from('-5').toString('base64url')]) {
      const response = await api.get(`/v2/events?continuationToken=${encodeURIComponent(token)}`);
      assert.equal(response.statusCode, 400);
      assert.match(response.json<{ reason: string }>().reason, /^continuationToken: /);
    }
  });
});
