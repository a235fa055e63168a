import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KeyMismatchError, checkKeyRing, keyFingerprint } from '../../../src/crypto/key-fingerprint.js';
import { generateKeyRingText, parseKeyRing } from '../../../src/crypto/key-ring.js';

describe('master key fingerprints', () => {
  const k1 = parseKeyRing(generateKeyRingText('k1'));
  const otherK1 = parseKeyRing(generateKeyRingText('k1'));
  const k2 = parseKeyRing(generateKeyRingText('k2'));
  const known = (ring: ReturnType<typeof parseKeyRing>) =>
    new Map([...ring.keys].map(([id, key]) => [id, keyFingerprint(key)]));

  test('a fresh database learns every key; the same ring again adds nothing', () => {
    assert.deepEqual([...checkKeyRing(k1, new Map()).keys()], ['k1']);
    assert.equal(checkKeyRing(k1, known(k1)).size, 0);
  });

  test('another key under a known id is refused, naming the id', () => {
    assert.throws(
      () => checkKeyRing(otherK1, known(k1)),
      (error: unknown) => {
        assert.ok(error instanceof KeyMismatchError);
        assert.match(error.message, /master key "k1" is not the key "k1" this database was written with/);
        assert.ok(!error.message.includes('\n'));
        return true;
      },
    );
  });

  test('a ring sharing no key with the database is refused; a rotation keeping the old key is fine', () => {
    assert.throws(
      () => checkKeyRing(k2, known(k1)),
      /none of the master keys \(k2\) has written this database/,
    );
    const rotated = parseKeyRing(`${generateKeyRingText('k2')},k1:${k1.keys.get('k1')!.toString('base64')}`);
    assert.deepEqual([...checkKeyRing(rotated, known(k1)).keys()], ['k2']);
  });

  test('the fingerprint reveals nothing obvious and differs per key', () => {
    const key = k1.keys.get('k1')!;
    assert.match(keyFingerprint(key), /^[0-9a-f]{64}$/);
    assert.ok(!keyFingerprint(key).includes(key.toString('hex').slice(0, 16)));
    assert.notEqual(keyFingerprint(key), keyFingerprint(otherK1.keys.get('k1')!));
  });
});
