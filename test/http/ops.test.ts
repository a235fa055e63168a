import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

describe('operations endpoints', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness();
  });
  after(() => h.close());

  test('GET /healthz answers while the process is up', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
    assert.ok(response.headers['x-request-id']);
  });

  test('GET /readyz is 200 with a reachable database', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(response.statusCode, 200);
  });

  test('GET /metrics exposes Prometheus metrics including request durations', async () => {
    await h.app.inject({ method: 'GET', url: '/' });
    const response = await h.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/plain/);
    assert.match(response.body, /http_request_duration_seconds_bucket\{[^}]*route="\/"/);
    assert.match(response.body, /process_cpu_user_seconds_total/);
  });

  test('GET /readyz is 503 once the database is gone', async () => {
    await h.context.database.close();
    const response = await h.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(response.statusCode, 503);
    assert.deepEqual(response.json(), { status: 'database unreachable' });
  });
});
