import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startOpsServer } from '../../src/http/ops-server.js';
import { useSuiteHarness } from '../helpers/suite-harness.js';

describe('operations endpoints', () => {
  const h = useSuiteHarness();

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

  test('the operators listener (METRICS_PORT) serves metrics, including request durations, over TCP', async () => {
    await h.app.inject({ method: 'GET', url: '/' });
    const ops = await startOpsServer(h.context, { port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${ops.address}/metrics`);
      assert.equal(response.status, 200);
      assert.match(String(response.headers.get('content-type')), /text\/plain/);
      const body = await response.text();
      assert.match(body, /http_request_duration_seconds_bucket\{[^}]*route="\/"/);
      assert.match(body, /process_cpu_user_seconds_total/);
      assert.equal((await fetch(`${ops.address}/healthz`)).status, 200);
      assert.equal((await fetch(`${ops.address}/readyz`)).status, 200);
    } finally {
      await ops.server.close();
    }
  });

  test('GET /readyz is 503 once the database is gone', async () => {
    await h.context.database.close();
    const response = await h.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(response.statusCode, 503);
    assert.deepEqual(response.json(), { status: 'database unreachable' });
    assert.equal(response.headers['retry-after'], '5');
  });
});
