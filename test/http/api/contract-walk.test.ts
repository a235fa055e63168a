import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  createApiWorld,
  multipart,
  operationRecipes,
  sendCall,
  type ApiCall,
  type ApiWorld,
} from '../../helpers/api-operations.js';
import { assertContractResponse, loadContract } from '../../helpers/contract.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/**
 * Walks every operation of the Suomi.fi Messages contract and makes it answer every status the
 * contract declares for it (except 502, which only a real printing service upstream could cause),
 * checking status, Content-Type, traceId and body of each answer against the contract.
 */

const publicOperations = new Set(['postV1Token', 'postV1ChangePassword']);

/** An upload body for the operation: /v1/attachments also needs its metadata part. */
function uploadBody(world: ApiWorld, operationId: string, fileName: string, content: Buffer) {
  const metadata =
    operationId === 'postV2Attachments'
      ? [
          {
            name: 'metadata',
            contentType: 'application/json',
            content: JSON.stringify({ recipientId: world.citizen.identityCode }),
          },
        ]
      : [];
  return multipart([...metadata, { name: 'file', fileName, content }]);
}

/**
 * The operations that read one thing: a URL whose id the schema refuses (400), and one naming
 * nothing there is (404).
 */
const lookups: Record<string, { badId: string; unknownId: () => string }> = {
  getV1MessagesId: { badId: '/v1/messages/id', unknownId: () => '/v1/messages/id?externalId=never-sent' },
  getV1Messages: { badId: '/v1/messages/not-a-number', unknownId: () => '/v1/messages/987654321' },
  getV2Messages: { badId: '/v2/messages/not-a-number', unknownId: () => '/v2/messages/987654321' },
  getV1MessagesIdState: {
    badId: '/v1/messages/not-a-number/state',
    unknownId: () => '/v1/messages/987654321/state',
  },
  getV1Attachment: {
    badId: `/v1/attachments/${'x'.repeat(65)}`,
    unknownId: () => `/v1/attachments/${randomUUID()}`,
  },
};

/** A request the schema or the service refuses with 400, per operation. */
function badRequest(operationId: string, valid: ApiCall): ApiCall {
  const lookup = lookups[operationId];
  if (lookup) return { ...valid, url: lookup.badId };
  switch (operationId) {
    case 'getV1Events':
    case 'getV2Events':
      return { ...valid, url: `${valid.url}?continuationToken=forged-token` };
    case 'postV1Files':
    case 'postV2Attachments':
    case 'postV3Attachments':
      return { ...valid, ...multipart([{ name: 'metadata', content: '{}' }]) };
    default:
      return { ...valid, payload: JSON.stringify({ externalId: null }) };
  }
}

function notFound(operationId: string, valid: ApiCall): ApiCall | undefined {
  const lookup = lookups[operationId];
  return lookup && { ...valid, url: lookup.unknownId() };
}

describe('the contract, walked operation by operation', () => {
  let h: TestHarness;
  let world: ApiWorld;
  before(async () => {
    h = await createHarness({ now: '2026-05-04T09:00:00Z' });
    world = await createApiWorld(h);
  });
  after(() => h.close());

  test('every operation answers each declared status with the declared headers and body', async () => {
    const contract = await loadContract();
    const unwalked: string[] = [];
    for (const [template, operations] of Object.entries(contract.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const operationId = operation.operationId!;
        const recipe = operationRecipes[operationId];
        assert.ok(recipe, `no recipe for ${operationId}`);
        assert.equal(recipe.template, template, operationId);
        assert.equal(recipe.method, method.toUpperCase(), operationId);

        const seen = new Set<number>();
        const check = async (call: ApiCall, expected: number, what: string) => {
          const response = await sendCall(h, call);
          assert.equal(
            response.statusCode,
            expected,
            `${operationId} ${what}: ${response.body.slice(0, 300)}`,
          );
          await assertContractResponse(call.method, call.template, response);
          seen.add(response.statusCode);
          return response;
        };

        const valid = await recipe.valid(world);
        const success = operationId === 'postV1Files' || /Attachments$/.test(operationId) ? 201 : 200;
        if (operationId === 'postV1ChangePassword') {
          // The same password again is refused by policy: a 400 the contract declares.
          await check(valid, 400, 'same password');
          const fresh = `${world.organisation.password.slice(0, 40)}Aa1!`;
          await check(
            {
              ...valid,
              payload: JSON.stringify({ ...JSON.parse(String(valid.payload)), newPassword: fresh }),
            },
            200,
            'new password',
          );
          world.organisation.password = fresh;
          await world.api.login(world.organisation);
          continue;
        }
        await check(valid, success, 'valid request');
        if (!publicOperations.has(operationId))
          await check({ ...valid, token: null }, 401, 'without a token');
        await check(badRequest(operationId, valid), 400, 'bad request');

        const declared = Object.keys(operation.responses).map(Number);
        if (declared.includes(404)) await check(notFound(operationId, valid)!, 404, 'unknown id');
        if (declared.includes(409)) await check(valid, 409, 'repeated externalId');
        if (declared.includes(403)) {
          await check(
            { ...valid, token: world.restricted.api.token, remoteAddress: '10.0.0.1' },
            403,
            'from an address not on the allowlist',
          );
        }
        if (declared.includes(413)) {
          const big = multipart([
            { name: 'file', fileName: 'iso.pdf', content: Buffer.alloc(10_485_761, 0x41) },
          ]);
          await check({ ...valid, ...big }, 413, 'too large');
        }
        if (declared.includes(415)) {
          const random = uploadBody(world, operationId, 'data', randomBytes(4096));
          await check({ ...valid, ...random }, 415, 'unsupported content');
        }
        const missed = declared.filter((status) => status !== 502 && !seen.has(status));
        if (missed.length > 0) unwalked.push(`${operationId}: ${missed.join(', ')}`);
      }
    }
    assert.deepEqual(unwalked, [], 'declared statuses never produced');
  });
});
