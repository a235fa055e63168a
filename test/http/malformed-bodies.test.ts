import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiWorld, sendCall, type ApiWorld } from '../helpers/api-operations.js';
import { signInAs } from '../helpers/citizen-session.js';
import { assertContractResponse } from '../helpers/contract.js';
import { allRowCounts } from '../helpers/fuzz.js';
import { persons } from '../helpers/fixtures.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

/** The malformed bodies that once answered 500, each named: now a 4xx that stores nothing. */

const jsonOperations = [
  ['/v2/messages/electronic', '/v2/messages/electronic'],
  ['/v1/messages/electronic', '/v1/messages/electronic'],
  ['/v1/messages', '/v1/messages'],
  ['/v1/mailboxes/active', '/v1/mailboxes/active'],
] as const;

const brokenJson: Array<[string, string]> = [
  ['truncated', '{"externalId": "a", "recipient": {"id": '],
  ['not JSON', 'this is not json'],
  ['random bytes', '\u00ff\u00fe\u0000\u0001'],
  ['__proto__', '{"__proto__": {"admin": true}, "externalId": "x"}'],
  ['constructor.prototype', '{"constructor": {"prototype": {"admin": true}}}'],
  ['empty', ''],
];

const uploadOperations = ['/v2/attachments', '/v1/files', '/v1/attachments'] as const;
const boundary = 'b0undary';
const brokenMultipart: Array<[string, string, string]> = [
  [
    'no boundary',
    'multipart/form-data',
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
  ],
  [
    'truncated',
    `multipart/form-data; boundary=${boundary}`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`,
  ],
  ['random', `multipart/form-data; boundary=${boundary}`, '\u00ff\u00fe garbage'],
  [
    '__proto__ part',
    `multipart/form-data; boundary=${boundary}`,
    `--${boundary}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\n{"a":1}\r\n--${boundary}--\r\n`,
  ],
  [
    'two files',
    `multipart/form-data; boundary=${boundary}`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nyksi\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.txt"\r\n\r\nkaksi\r\n--${boundary}--\r\n`,
  ],
];

describe('malformed bodies are refused with 4xx and store nothing', () => {
  let h: TestHarness;
  let world: ApiWorld;
  before(async () => {
    h = await createHarness();
    world = await createApiWorld(h);
  });
  after(() => h.close());

  test('broken JSON on the sending and mailbox endpoints: 400 with reason and validationErrors', async () => {
    for (const [url, template] of jsonOperations) {
      for (const [what, payload] of brokenJson) {
        const before = await allRowCounts(h);
        const response = await sendCall(h, {
          method: 'POST',
          url,
          template,
          payload,
          contentType: 'application/json',
          token: world.api.token,
        });
        assert.equal(response.statusCode, 400, `${url} ${what}: ${response.body}`);
        await assertContractResponse('POST', template, response);
        const body = response.json<{ reason: string; validationErrors?: unknown[] }>();
        assert.match(body.reason, /^body: /, `${url} ${what}`);
        assert.ok(Array.isArray(body.validationErrors), `${url} ${what}`);
        assert.deepEqual(await allRowCounts(h), before, `${url} ${what}`);
      }
    }
  });

  test('broken multipart on the upload endpoints: 4xx in the contract shape', async () => {
    for (const url of uploadOperations) {
      for (const [what, contentType, payload] of brokenMultipart) {
        const before = await allRowCounts(h);
        const response = await sendCall(h, {
          method: 'POST',
          url,
          template: url,
          payload: Buffer.from(payload, 'latin1'),
          contentType,
          token: world.api.token,
        });
        assert.ok(
          response.statusCode >= 400 && response.statusCode < 500,
          `${url} ${what}: ${response.statusCode} ${response.body}`,
        );
        await assertContractResponse('POST', url, response);
        assert.deepEqual(await allRowCounts(h), before, `${url} ${what}`);
      }
    }
  });

  test("broken multipart on the citizen's new-message form: an error page, nothing stored", async () => {
    await h.fixtures.organisation({ nameFi: 'Kallio' });
    const session = await signInAs(h, persons.kimmo);
    for (const [what, contentType, payload] of brokenMultipart) {
      const before = await allRowCounts(h);
      const response = await h.app.inject({
        method: 'POST',
        url: '/mailbox/new',
        cookies: session.cookies,
        headers: { 'content-type': contentType, 'x-csrf-token': session.csrfToken },
        payload: Buffer.from(payload, 'latin1'),
      });
      assert.ok(response.statusCode >= 300 && response.statusCode < 500, `${what}: ${response.statusCode}`);
      assert.deepEqual(await allRowCounts(h), before, what);
    }
  });
});
