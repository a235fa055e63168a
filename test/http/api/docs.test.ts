import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { loadContract } from '../../helpers/contract.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';

/** The contract operations this service implements (v2 plus the v1 forms the issue names). */
const implemented: Array<[string, string]> = [
  ['post', '/v1/token'],
  ['post', '/v1/change-password'],
  ['post', '/v1/mailboxes/active'],
  ['get', '/v1/messages/id'],
  ['get', '/v1/messages/{id}/state'],
  ['get', '/v1/attachments/{id}'],
  ['post', '/v2/attachments'],
  ['get', '/v2/events'],
  ['post', '/v2/messages'],
  ['post', '/v2/messages/electronic'],
  ['get', '/v2/messages/{id}'],
  ['post', '/v2/paper-mail-without-id'],
];

describe('organisation API documentation', () => {
  const h = useSuiteHarness();

  test('/api-docs/openapi.json is a valid OpenAPI 3.0 document with the contract operations', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api-docs/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>();
    assert.match(document.openapi, /^3\.0\./);
    await SwaggerParser.validate(structuredClone(document) as never);
    const contract = await loadContract();
    for (const [method, path] of implemented) {
      const ours = document.paths[path]?.[method];
      assert.ok(ours, `${method} ${path} is documented`);
      const theirs = contract.paths[path]?.[method] as { operationId?: string } | undefined;
      assert.equal(
        ours.operationId,
        theirs?.operationId,
        `${method} ${path} keeps the contract's operationId`,
      );
    }
    // Anything else is ours, and every operation of it is marked as an extension.
    const ours = Object.entries(document.paths).filter(([path]) => !(path in contract.paths));
    const unmarked = ours.filter(([, operations]) =>
      Object.values(operations).some(
        (operation) => (operation as Record<string, unknown>)['x-asiointitili-extension'] !== true,
      ),
    );
    assert.deepEqual(
      unmarked.map(([path]) => path),
      [],
      'only contract paths, or extensions marked as such',
    );
    assert.deepEqual(
      ours.map(([path]) => path),
      ['/v2/messages/{id}/evidence'],
    );
  });

  test('extensions are marked x-asiointitili-extension', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api-docs/openapi.json' });
    const text = response.body;
    assert.match(text, /"deemedReceivedOn":\{[^}]*"x-asiointitili-extension":true/);
    const marked = text.match(/"x-asiointitili-extension":true/g) ?? [];
    assert.ok(marked.length >= 3, `${marked.length} extensions marked`);
  });

  test('/api-docs is a readable HTML reference without scripts', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api-docs' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.ok(!/<script/i.test(response.body));
    for (const [method, path] of implemented) {
      assert.ok(response.body.includes(`${method.toUpperCase()} ${path}`), `${method} ${path} listed`);
    }
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
  });
});
