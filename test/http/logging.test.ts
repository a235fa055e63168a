import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../helpers/api-client.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

describe('logs never carry identity codes, tokens or cookies', () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({
      extraApiRoutes: (app) => {
        app.post('/v2/test-echo', { config: { apiPublic: true } }, async (request) => {
          request.log.info({ body: request.body }, 'handler saw a body');
          throw new Error('lookup failed for 010180-9026');
        });
      },
    });
  });
  after(() => h.close());

  test('identity codes in the path, query, headers, body and error messages are masked', async () => {
    const codes = ['270570-901K', '010180-9026', '140316A935R', '091262Y9537'];
    await h.app.inject({ method: 'GET', url: `/person/${codes[0]}?hetu=${codes[1]}` });
    await h.app.inject({
      method: 'POST',
      url: '/v2/test-echo',
      headers: {
        authorization: 'Bearer very-secret-token',
        cookie: 'session=cookie-secret',
        'x-note': codes[2],
      },
      payload: { recipient: { id: codes[3] }, password: 'Hunter2Hunter2!', body: 'message text here' },
    });
    const text = h.log.text;
    assert.ok(text.length > 0, 'something was logged');
    for (const code of codes) assert.ok(!text.includes(code), `identity code ${code} leaked`);
    assert.ok(!text.includes('010180-9026'));
    assert.ok(!text.includes('very-secret-token'));
    assert.ok(!text.includes('cookie-secret'));
    assert.ok(!text.includes('Hunter2'));
    assert.ok(!text.includes('message text here'));
    assert.ok(text.includes('[hetu]'), 'masked form present');
  });

  test('a refused upload is answered with its file name, which the log does not hold', async () => {
    const organisation = await h.fixtures.apiOrganisation();
    const api = new ApiClient(h);
    await api.login(organisation);
    const fileName = 'Virtasen-lausunto.pdf';
    const response = await api.upload(Buffer.from('<html><body>not a PDF</body></html>'), fileName);
    assert.equal(response.statusCode, 415);
    assert.ok(response.json<{ reason: string }>().reason.includes(fileName), 'the sender is told which file');
    assert.ok(!h.log.text.includes('Virtasen'), 'the file name is not logged');
    assert.match(h.log.text, /"reason":"file \\"\[file name\]\\": /, 'the refusal is, without it');
  });

  test('every request line carries a request id: a UUID from the proxy is kept, anything else is replaced', async () => {
    // The last group holds an identity-code shape after its "d"; masking must not touch it.
    const proxyId = '3f2a1c9e-4b7d-4e2a-9c1f-d123456a7890';
    const response = await h.app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': proxyId } });
    assert.equal(response.headers['x-request-id'], proxyId);
    const lines = h.log.lines.map((line) => JSON.parse(line) as { reqId?: string });
    assert.ok(
      lines.some((line) => line.reqId === proxyId),
      'the request id is logged unmasked',
    );
    assert.ok(!h.log.text.includes('-d[hetu]'));

    for (const given of ['trace-abc-124', '', 'x'.repeat(500), '270570-901K']) {
      const other = await h.app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-request-id': given },
      });
      assert.match(
        String(other.headers['x-request-id']),
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });
});
