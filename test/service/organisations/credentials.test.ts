import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAddressAllowed, normaliseCidr } from '../../../src/modules/organisations/ip-allowlist.js';
import {
  addressRetryAfter,
  backoffCutoffs,
  backoffRetryAfter,
  backoffSeconds,
  succeededRecently,
} from '../../../src/modules/organisations/login-throttle.js';
import {
  generatePassword,
  hashPassword,
  passwordPolicyProblem,
  verifyPassword,
} from '../../../src/modules/organisations/password-hashing.js';

describe('credential building blocks', () => {
  test('generated passwords meet the contract policy and avoid characters that need escaping', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      assert.equal(passwordPolicyProblem(password), undefined, password);
      assert.ok(!/[\\"'`$ ]/.test(password));
    }
  });

  test('hashes verify only the right password and carry their own cost', async () => {
    const hash = await hashPassword('Correct-Horse-Battery-Staple-1234!', { N: 1024, r: 8, p: 1 });
    assert.match(hash, /^scrypt\$1024\$8\$1\$/);
    assert.equal(await verifyPassword('Correct-Horse-Battery-Staple-1234!', hash), true);
    assert.equal(await verifyPassword('Correct-Horse-Battery-Staple-1234?', hash), false);
    assert.equal(await verifyPassword('x', 'garbage'), false);
  });

  test('allowlists match IPv4, IPv6 and IPv4-mapped addresses; an empty list allows all', () => {
    const cidrs = [normaliseCidr('192.0.2.0/24')!, normaliseCidr('2001:db8::1')!];
    assert.deepEqual(cidrs, ['192.0.2.0/24', '2001:db8::1/128']);
    assert.equal(isAddressAllowed('192.0.2.9', cidrs), true);
    assert.equal(isAddressAllowed('::ffff:192.0.2.9', cidrs), true);
    assert.equal(isAddressAllowed('192.0.3.9', cidrs), false);
    assert.equal(isAddressAllowed('2001:db8::1', cidrs), true);
    assert.equal(isAddressAllowed('2001:db8::2', cidrs), false);
    assert.equal(isAddressAllowed('198.51.100.1', null), true);
    for (const bad of ['300.1.1.1', '10.0.0.0/33', 'example.com', '10.0.0.0/8/8', '']) {
      assert.equal(normaliseCidr(bad), undefined, bad);
    }
  });

  test('an address that reached the limit waits until fifteen minutes after its window started', () => {
    const now = new Date('2026-03-02T08:10:00Z');
    assert.equal(addressRetryAfter('2026-03-02T08:00:00.000Z', now), 5 * 60);
    assert.equal(addressRetryAfter('2026-03-02T07:50:00.000Z', now), 1, 'never less than a second');
  });

  test('the backoff doubles from one second up to five minutes', () => {
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => backoffSeconds(i + 1)),
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300],
    );
    const now = new Date('2026-03-02T08:00:10Z');
    assert.equal(backoffRetryAfter(4, '2026-03-02T08:00:09.500Z', now), 8);
    // The cut-offs the atomic claim compares with say the same: one per count, the last open-ended.
    const cutoffs = backoffCutoffs(now);
    for (const cutoff of cutoffs) {
      const wait = (now.getTime() - Date.parse(cutoff.lastAttemptBefore)) / 1000;
      assert.equal(wait, backoffSeconds(cutoff.attempts));
    }
    assert.deepEqual(
      cutoffs
        .filter((cutoff) => cutoff.orMore)
        .map((cutoff) => [cutoff.attempts, backoffSeconds(cutoff.attempts)]),
      [[10, 300]],
    );
  });

  test('an address counts as trusted for 30 days after a successful login', () => {
    const now = new Date('2026-03-31T08:00:00Z');
    assert.equal(succeededRecently('2026-03-02T08:00:01.000Z', now), true);
    assert.equal(succeededRecently('2026-03-01T08:00:00.000Z', now), false);
    assert.equal(succeededRecently(null, now), false);
    assert.equal(succeededRecently(undefined, now), false);
  });
});
