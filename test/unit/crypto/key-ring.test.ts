import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { KeyRingError, generateKeyRingText, parseKeyRing } from '../../../src/crypto/key-ring.js';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const b64A = keyA.toString('base64');
const b64B = keyB.toString('base64');

/** Asserts a KeyRingError whose message is one line and contains none of the given secrets. */
function assertRejects(text: string, pattern: RegExp, secrets: string[] = []): void {
  assert.throws(
    () => parseKeyRing(text),
    (error: unknown) => {
      assert.ok(error instanceof KeyRingError, `expected KeyRingError, got ${String(error)}`);
      assert.match(error.message, pattern);
      assert.doesNotMatch(error.message, /\n/);
      for (const secret of [...secrets, b64A, b64B]) {
        assert.ok(!error.message.includes(secret), `message "${error.message}" echoes key material`);
      }
      return true;
    },
  );
}

describe('parseKeyRing', () => {
  it('accepts a bare base64 key and derives its id from sha256', () => {
    const ring = parseKeyRing(`  ${b64A}\n`);
    const expectedId = 'k' + createHash('sha256').update(keyA).digest('hex').slice(0, 8);
    assert.equal(ring.activeKeyId, expectedId);
    assert.deepEqual([...ring.keys.keys()], [expectedId]);
    assert.ok(ring.keys.get(expectedId)?.equals(keyA));
  });

  it('accepts comma and newline separated id:base64 entries, first one active', () => {
    const ring = parseKeyRing(`new-2025:${b64B},\r\nold_1 : ${b64A}\n\n`);
    assert.equal(ring.activeKeyId, 'new-2025');
    assert.deepEqual([...ring.keys.keys()], ['new-2025', 'old_1']);
    assert.ok(ring.keys.get('new-2025')?.equals(keyB));
    assert.ok(ring.keys.get('old_1')?.equals(keyA));
  });

  it('accepts a single id:base64 entry', () => {
    const ring = parseKeyRing(`a:${b64A}`);
    assert.equal(ring.activeKeyId, 'a');
    assert.equal(ring.keys.size, 1);
  });

  it('rejects empty text', () => {
    assertRejects('', /empty/);
    assertRejects(' \n , \n', /empty/);
  });

  it('rejects bad base64 without echoing it', () => {
    const bad = b64A.slice(0, 20) + '!' + b64A.slice(21);
    assertRejects(bad, /not valid base64/, [bad]);
    assertRejects(`a:${bad}`, /entry 1 \("a"\): key is not valid base64/, [bad]);
    // Missing padding would otherwise decode leniently to the same 32 bytes.
    const unpadded = b64A.replace(/=+$/, '');
    assertRejects(unpadded, /not valid base64/, [unpadded]);
  });

  it('rejects keys of the wrong length without echoing them', () => {
    const short = randomBytes(16).toString('base64');
    const long = randomBytes(33).toString('base64');
    assertRejects(short, /must be 32 bytes, got 16/, [short]);
    assertRejects(`a:${b64A},b:${long}`, /entry 2 \("b"\): key must be 32 bytes, got 33/, [long]);
  });

  it('rejects duplicate ids', () => {
    assertRejects(`a:${b64A}\na:${b64B}`, /entry 2: duplicate key id "a"/);
  });

  it('rejects invalid ids without echoing them', () => {
    assertRejects(`bad id:${b64A}`, /entry 1: key id must match/, ['bad id']);
    assertRejects(`${'x'.repeat(33)}:${b64A}`, /key id must match/);
    assertRejects(`:${b64A}`, /key id must match/);
  });

  it('rejects a list mixing bare keys and id:base64 entries', () => {
    assertRejects(`a:${b64A},${b64B}`, /entry 2: expected id:base64/);
    assertRejects(`${b64A}\n${b64B}`, /entry 1: expected id:base64/);
  });
});

describe('generateKeyRingText', () => {
  it('produces a parseable id:base64 entry with the given id', () => {
    const text = generateKeyRingText('rot-3');
    assert.match(text, /^rot-3:[A-Za-z0-9+/]{43}=$/);
    const ring = parseKeyRing(text);
    assert.equal(ring.activeKeyId, 'rot-3');
    assert.equal(ring.keys.get('rot-3')?.length, 32);
  });

  it('derives the id from the key when none is given, and uses a fresh key each time', () => {
    const first = generateKeyRingText();
    const second = generateKeyRingText();
    assert.notEqual(first, second);
    const ring = parseKeyRing(first);
    const key = ring.keys.get(ring.activeKeyId);
    assert.ok(key);
    assert.equal(ring.activeKeyId, 'k' + createHash('sha256').update(key).digest('hex').slice(0, 8));
  });

  it('rejects an invalid id', () => {
    assert.throws(() => generateKeyRingText('no spaces'), KeyRingError);
  });
});
