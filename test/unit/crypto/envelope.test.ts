import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { DecryptionError, Envelope } from '../../../src/crypto/envelope.js';
import { KeyRingError, parseKeyRing, type KeyRing } from '../../../src/crypto/key-ring.js';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const ringA = parseKeyRing(`a:${keyA}`);
const ringBA = parseKeyRing(`b:${keyB}\na:${keyA}`);
const ringB = parseKeyRing(`b:${keyB}`);
const ctx = 'message:42:body';

describe('Envelope', () => {
  const envelope = new Envelope(ringA);

  it('round-trips an empty payload', () => {
    const blob = envelope.encrypt('', ctx);
    assert.equal(envelope.decrypt(blob, ctx).length, 0);
    assert.equal(envelope.decryptText(blob, ctx), '');
    assert.equal(envelope.decrypt(envelope.encrypt(Buffer.alloc(0), ctx), ctx).length, 0);
  });

  it('round-trips unicode text', () => {
    const text = 'Päätös 🇫🇮 — Hyvä asiakas, ÅÄÖ åäö, 日本語, \u0000 end';
    const blob = envelope.encrypt(text, ctx);
    assert.equal(envelope.decryptText(blob, ctx), text);
    assert.ok(envelope.decrypt(blob, ctx).equals(Buffer.from(text, 'utf8')));
    assert.ok(!blob.includes(Buffer.from('Päätös', 'utf8')), 'plaintext visible in blob');
  });

  it('round-trips a 5 MB binary payload', () => {
    const data = randomBytes(5 * 1024 * 1024);
    const blob = envelope.encrypt(data, 'attachment:7');
    assert.ok(envelope.decrypt(blob, 'attachment:7').equals(data));
  });

  it('produces a different blob each time for the same plaintext', () => {
    const first = envelope.encrypt('same', ctx);
    const second = envelope.encrypt('same', ctx);
    assert.ok(!first.equals(second));
    assert.equal(envelope.decryptText(first, ctx), 'same');
    assert.equal(envelope.decryptText(second, ctx), 'same');
  });

  it('writes the documented layout: version, key id, 12+16+32 wrap, 12+16 payload, ciphertext', () => {
    const blob = envelope.encrypt('hello', ctx);
    assert.equal(blob[0], 1);
    assert.equal(blob[1], 1);
    assert.equal(blob.subarray(2, 3).toString('ascii'), 'a');
    assert.equal(blob.length, 3 + 12 + 16 + 32 + 12 + 16 + 5);
    assert.equal(envelope.keyIdOf(blob), 'a');
  });

  it('throws DecryptionError when any single byte is flipped', () => {
    const blob = envelope.encrypt('tamper me', ctx);
    for (let i = 0; i < blob.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const tampered = Buffer.from(blob);
        tampered[i] = (tampered[i] ?? 0) ^ mask;
        assert.throws(() => envelope.decrypt(tampered, ctx), DecryptionError, `byte ${i} ^ ${mask}`);
      }
    }
  });

  it('throws DecryptionError on truncation at every length', () => {
    const blob = envelope.encrypt('truncate me', ctx);
    for (let length = 0; length < blob.length; length++) {
      assert.throws(
        () => envelope.decrypt(blob.subarray(0, length), ctx),
        DecryptionError,
        `length ${length}`,
      );
    }
  });

  it('throws DecryptionError when bytes are appended', () => {
    const blob = envelope.encrypt('extend me', ctx);
    assert.throws(() => envelope.decrypt(Buffer.concat([blob, Buffer.from([0])]), ctx), DecryptionError);
  });

  it('throws DecryptionError for the wrong context', () => {
    const blob = envelope.encrypt('secret', 'message:42:body');
    assert.throws(() => envelope.decrypt(blob, 'message:42:title'), DecryptionError);
    assert.throws(() => envelope.decrypt(blob, 'message:43:body'), DecryptionError);
    assert.throws(() => envelope.rewrap(blob, 'message:43:body'), DecryptionError);
  });

  it('does not accept a payload spliced onto another blob of the same context', () => {
    const first = envelope.encrypt('first', ctx);
    const second = envelope.encrypt('other', ctx);
    const payloadStart = 3 + 12 + 16 + 32;
    const spliced = Buffer.concat([first.subarray(0, payloadStart), second.subarray(payloadStart)]);
    assert.throws(() => envelope.decrypt(spliced, ctx), DecryptionError);
  });

  it('throws DecryptionError for an unknown key id, naming the id', () => {
    const blob = new Envelope(ringB).encrypt('secret', ctx);
    assert.throws(
      () => envelope.decrypt(blob, ctx),
      (error: unknown) => {
        assert.ok(error instanceof DecryptionError);
        assert.match(error.message, /unknown master key id "b"/);
        return true;
      },
    );
  });

  it('throws DecryptionError when the same key id holds a different key', () => {
    const blob = envelope.encrypt('secret', ctx);
    const impostor = new Envelope(parseKeyRing(`a:${keyB}`));
    assert.throws(() => impostor.decrypt(blob, ctx), DecryptionError);
  });

  it('throws DecryptionError for garbage and non-Buffer input', () => {
    assert.throws(() => envelope.decrypt(Buffer.from('not encrypted at all'), ctx), DecryptionError);
    assert.throws(() => envelope.keyIdOf(Buffer.alloc(0)), DecryptionError);
    assert.throws(() => envelope.decrypt('text' as unknown as Buffer, ctx), DecryptionError);
  });

  it('throws DecryptionError from decryptText for a non-UTF-8 payload', () => {
    const blob = envelope.encrypt(Buffer.from([0xff, 0xfe, 0x00]), ctx);
    assert.throws(() => envelope.decryptText(blob, ctx), DecryptionError);
  });

  it('refuses to encrypt with an empty context', () => {
    assert.throws(() => envelope.encrypt('x', ''), TypeError);
  });

  it('rotates: old blobs decrypt with the new ring and rewrap moves them to the active key', () => {
    const plaintext = randomBytes(1000);
    const oldBlob = envelope.encrypt(plaintext, ctx);
    assert.equal(envelope.keyIdOf(oldBlob), 'a');

    const rotated = new Envelope(ringBA);
    assert.ok(rotated.decrypt(oldBlob, ctx).equals(plaintext));
    assert.equal(rotated.keyIdOf(rotated.encrypt('new', ctx)), 'b');

    const rewrapped = rotated.rewrap(oldBlob, ctx);
    assert.equal(rotated.keyIdOf(rewrapped), 'b');
    // The payload part (iv, tag, ciphertext) is carried over byte for byte.
    assert.ok(rewrapped.subarray(3 + 60).equals(oldBlob.subarray(3 + 60)));

    const onlyB = new Envelope(ringB);
    assert.ok(onlyB.decrypt(rewrapped, ctx).equals(plaintext));
    assert.throws(() => onlyB.decrypt(oldBlob, ctx), DecryptionError);
    assert.throws(() => new Envelope(ringA).decrypt(rewrapped, ctx), DecryptionError);
    // The rewrapped blob stays bound to its context.
    assert.throws(() => onlyB.decrypt(rewrapped, 'message:42:title'), DecryptionError);
  });

  it('rejects a key ring whose active key is missing or malformed', () => {
    const noActive: KeyRing = { activeKeyId: 'x', keys: ringA.keys };
    assert.throws(() => new Envelope(noActive), KeyRingError);
    const shortKey: KeyRing = { activeKeyId: 'a', keys: new Map([['a', Buffer.alloc(16)]]) };
    assert.throws(() => new Envelope(shortKey), KeyRingError);
  });
});
