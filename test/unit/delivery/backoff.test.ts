import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelayMs } from '../../../src/modules/delivery/backoff.js';

test('retry delays double from the base, stay under the cap, and are jittered within [½, 1] of it', () => {
  const base = 30_000;
  const max = 3600_000;
  assert.equal(
    retryDelayMs(1, base, max, () => 0),
    15_000,
  );
  assert.equal(
    retryDelayMs(1, base, max, () => 1 - Number.EPSILON),
    30_000,
  );
  assert.equal(
    retryDelayMs(2, base, max, () => 0),
    30_000,
  );
  assert.equal(
    retryDelayMs(4, base, max, () => 0.5),
    180_000,
  );
  assert.equal(
    retryDelayMs(40, base, max, () => 1 - Number.EPSILON),
    max,
  );
  assert.equal(
    retryDelayMs(1000, base, max, () => 0),
    max / 2,
  );
  for (let attempt = 1; attempt < 50; attempt++) {
    const delay = retryDelayMs(attempt, base, max, Math.random);
    assert.ok(delay >= 15_000 && delay <= max, `${attempt}: ${delay}`);
  }
});
