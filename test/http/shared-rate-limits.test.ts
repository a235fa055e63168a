import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp, type App } from '../../src/http/app.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

/** Two web processes on one database, as behind a load balancer: one per-address limit, not two. */
describe('per-address rate limits are shared by every web process', () => {
  let h: TestHarness;
  let second: App;
  before(async () => {
    // A still clock: the minute's window cannot end while a busy machine sends the 34 requests.
    h = await createHarness({ now: '2026-03-02T08:00:00.000Z' });
    second = await buildApp(h.context, h.services);
    await second.ready();
  });
  after(async () => {
    await second.close();
    await h.close();
  });

  test('POST /v1/token: 30 a minute per address across both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 34; i++) {
      const app = i % 2 === 0 ? h.app : second;
      const response = await app.inject({
        method: 'POST',
        url: '/v1/token',
        payload: { username: `nobody-${i}`, password: 'x' },
        remoteAddress: '203.0.113.77',
      });
      statuses.push(response.statusCode);
    }
    assert.equal(statuses.filter((status) => status !== 429).length, 30, statuses.join(' '));
    assert.deepEqual(statuses.slice(30), [429, 429, 429, 429]);
    // Another address has its own allowance.
    const other = await second.inject({
      method: 'POST',
      url: '/v1/token',
      payload: { username: 'nobody', password: 'x' },
      remoteAddress: '203.0.113.78',
    });
    assert.notEqual(other.statusCode, 429);
    // A minute later the address has its allowance back.
    h.setNow(new Date(Date.parse('2026-03-02T08:01:00.001Z')));
    const later = await h.app.inject({
      method: 'POST',
      url: '/v1/token',
      payload: { username: 'nobody', password: 'x' },
      remoteAddress: '203.0.113.77',
    });
    assert.notEqual(later.statusCode, 429);
  });
});
