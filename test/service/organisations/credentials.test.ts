import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAddressAllowed, normaliseCidr } from '../../../src/modules/organisations/ip-allowlist.js';
import { retryAfterSeconds } from '../../../src/modules/organisations/login-throttle.js';
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

  test('five failures within the window lock until the oldest of them leaves it', () => {
    const now = new Date('2026-03-02T08:10:00Z');
    const failures = ['08:00', '08:01', '08:02', '08:03', '08:04'].map((t) => `2026-03-02T${t}:00.000Z`);
    assert.equal(retryAfterSeconds(failures.slice(0, 4), now), 0);
    assert.equal(retryAfterSeconds(failures, now), 5 * 60);
  });
});
