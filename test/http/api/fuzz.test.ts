import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  createApiWorld,
  operationRecipes,
  sendCall,
  type ApiCall,
  type ApiWorld,
} from '../../helpers/api-operations.js';
import { assertContractResponse } from '../../helpers/contract.js';
import {
  allRowCounts,
  bodyMutation,
  fuzzRuns,
  fuzzSeed,
  hostileValue,
  multipartMutation,
  mutateJsonBody,
  mutateMultipart,
  type BodyMutation,
  type Json,
  type MultipartMutation,
} from '../../helpers/fuzz.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/**
 * Every operation of the organisation API, fed valid requests mutated one thing at a time. Whatever
 * arrives: never a 5xx, the answer is one the contract describes (status, headers, body), and a
 * refused request stores nothing.
 */

/**
 * Tables that record the attempt itself: the token endpoint's throttling and its per-address limit
 * (shared by all web processes, so kept in the database) must count refused requests too.
 */
const attemptTables = ['api_login_attempts', 'api_login_backoff', 'rate_limit_counters'];

type UrlMutation =
  | { kind: 'path-value'; value: string }
  | { kind: 'query'; key: string; value: string }
  | { kind: 'repeat-query' };

const urlMutation: fc.Arbitrary<UrlMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('path-value' as const),
    value: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '0',
        '-1',
        '1.5',
        '1e3',
        '99999999999999999999',
        '%00',
        '%zz',
        '..',
        '%2e%2e',
        'x'.repeat(3000),
      ),
    ),
  }),
  fc.record({
    kind: fc.constant('query' as const),
    key: fc.oneof(
      fc.constantFrom('externalId', 'continuationToken', '__proto__', 'lang'),
      fc.string({ maxLength: 8 }),
    ),
    value: hostileValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
  }),
  fc.constant({ kind: 'repeat-query' as const }),
);

function mutateUrl(call: ApiCall, mutation: UrlMutation): string {
  const url = new URL(call.url, 'http://api.local');
  if (mutation.kind === 'path-value') {
    const templated = call.template.split('/').findIndex((segment) => segment.startsWith('{'));
    const value = /%|^\.\.$/.test(mutation.value) ? mutation.value : encodeURIComponent(mutation.value);
    if (templated < 0) {
      // No path parameter: the operation's own query parameter takes the value instead.
      const key = call.template.endsWith('/id') ? 'externalId' : 'continuationToken';
      return `${url.pathname}?${key}=${value}`;
    }
    const segments = url.pathname.split('/');
    segments[templated] = value;
    return `${segments.join('/')}${url.search}`;
  }
  if (mutation.kind === 'query') {
    url.searchParams.append(mutation.key, mutation.value);
    return `${url.pathname}${url.search}`;
  }
  const repeated = [...url.searchParams.entries()].map(
    ([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
  );
  return `${url.pathname}${url.search || '?'}${repeated.join('') || '&continuationToken=a&continuationToken=b'}`;
}

type TokenMutation = 'keep' | 'none' | 'garbage';

interface FuzzCase {
  operationId: string;
  body: BodyMutation;
  multipart: MultipartMutation;
  url: UrlMutation;
  token: TokenMutation;
  address: number;
}

describe('the organisation API under fuzzed input', () => {
  let h: TestHarness;
  let world: ApiWorld;
  const bases = new Map<string, ApiCall>();
  before(async () => {
    h = await createHarness({ now: '2026-05-04T09:00:00Z' });
    world = await createApiWorld(h);
    for (const [operationId, recipe] of Object.entries(operationRecipes)) {
      // A change of password would lock the world out of its own token; its shape is fuzzed all the same.
      bases.set(operationId, await recipe.valid(world));
    }
  });
  after(() => h.close());

  function build(fuzz: FuzzCase): ApiCall {
    const base = bases.get(fuzz.operationId)!;
    const token = fuzz.token === 'keep' ? base.token : fuzz.token === 'none' ? null : 'not-a-token';
    const remoteAddress = `10.${(fuzz.address >> 16) & 255}.${(fuzz.address >> 8) & 255}.${fuzz.address & 255}`;
    if (base.method === 'GET') return { ...base, url: mutateUrl(base, fuzz.url), token, remoteAddress };
    if (base.parts) return { ...base, ...mutateMultipart(base.parts, fuzz.multipart), token, remoteAddress };
    const json = JSON.parse(String(base.payload)) as Json;
    return { ...base, ...mutateJsonBody(json, fuzz.body), token, remoteAddress };
  }

  test('no 5xx, answers as the contract says, nothing stored when refused', async (t) => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          operationId: fc.constantFrom(...Object.keys(operationRecipes)),
          body: bodyMutation,
          multipart: multipartMutation,
          url: urlMutation,
          token: fc.constantFrom<TokenMutation>(
            'keep',
            'keep',
            'keep',
            'keep',
            'keep',
            'keep',
            'none',
            'garbage',
          ),
          address: fc.nat({ max: 2 ** 24 - 1 }),
        }),
        async (fuzz) => {
          const call = build(fuzz);
          const before = await allRowCounts(h, attemptTables);
          const response = await sendCall(h, call);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          assert.ok(
            response.statusCode < 500,
            `${fuzz.operationId}: ${response.statusCode} ${response.body.slice(0, 300)}`,
          );
          await assertContractResponse(call.method, call.template, response);
          if (response.statusCode >= 400) {
            assert.deepEqual(
              await allRowCounts(h, attemptTables),
              before,
              `${fuzz.operationId} ${response.statusCode} stored rows`,
            );
          }
        },
      ),
      { numRuns: fuzzRuns(1500), seed: fuzzSeed, endOnFailure: true, includeErrorInReport: true },
    );
    t.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    // The fuzzer must get past the front door: some cases succeed, most are refused for a reason.
    assert.ok(
      (statuses.get(400) ?? 0) > 0 && [...statuses.keys()].some((s) => s < 300),
      JSON.stringify([...statuses]),
    );
  });
});
