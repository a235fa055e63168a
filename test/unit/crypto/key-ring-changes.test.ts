import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DecryptionError, Envelope, keyPartMaxBytes } from '../../../src/crypto/envelope.js';
import {
  KeyRingError,
  formatKeyRing,
  parseKeyRing,
  withActiveKey,
  withNewKey,
  withoutKey,
} from '../../../src/crypto/key-ring.js';
import { loadKeyRing, writeKeyFile } from '../../../src/crypto/master-key.js';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const ringBA = parseKeyRing(`b:${keyB},a:${keyA}`);
const ctx = 'attachments.content:1';

describe('changing the key ring', () => {
  it('formats a ring as it parses: one id:base64 a line, the active key first', () => {
    assert.equal(formatKeyRing(ringBA), `b:${keyB}\na:${keyA}\n`);
    // A bare key keeps the id derived from it, so what it wrapped still resolves.
    const bare = parseKeyRing(keyA);
    assert.deepEqual(parseKeyRing(formatKeyRing(bare)), bare);
  });

  it('adds a new key first (active) or last (only to unwrap), keeping the others in their order', () => {
    const rotated = withNewKey(ringBA, { id: 'c', active: true });
    assert.equal(rotated.activeKeyId, 'c');
    assert.deepEqual([...rotated.keys.keys()], ['c', 'b', 'a']);
    assert.equal(rotated.keys.get('a')?.toString('base64'), keyA);
    assert.equal(rotated.keys.get('c')?.length, 32);
    const staged = withNewKey(ringBA, { id: 'c', active: false });
    assert.equal(staged.activeKeyId, 'b');
    assert.deepEqual([...staged.keys.keys()], ['b', 'a', 'c']);
    assert.match(withNewKey(ringBA, { active: true }).activeKeyId, /^k[0-9a-f]{8}$/);
    assert.throws(() => withNewKey(ringBA, { id: 'a', active: true }), /already has a key "a"/);
    assert.throws(() => withNewKey(ringBA, { id: 'no spaces', active: false }), KeyRingError);
  });

  it('makes a key of the ring the active one', () => {
    const ring = withActiveKey(ringBA, 'a');
    assert.equal(ring.activeKeyId, 'a');
    assert.equal(formatKeyRing(ring), `a:${keyA}\nb:${keyB}\n`);
    assert.throws(() => withActiveKey(ringBA, 'x'), /has no key "x"/);
  });

  it('removes only a key that is in the ring and not active', () => {
    assert.deepEqual([...withoutKey(ringBA, 'a').keys.keys()], ['b']);
    assert.throws(() => withoutKey(ringBA, 'b'), /"b" is the current key/);
    assert.throws(() => withoutKey(ringBA, 'x'), /has no key "x"/);
  });

  it('rewraps from a prefix as rewrap() does from the whole value', () => {
    const old = new Envelope(parseKeyRing(`a:${keyA}`)).encrypt(randomBytes(5000), ctx);
    const rotated = new Envelope(ringBA);
    const { replace, with: part } = rotated.rewrapPrefix(old.subarray(0, keyPartMaxBytes), ctx);
    const spliced = Buffer.concat([part, old.subarray(replace)]);
    assert.equal(rotated.keyIdOf(spliced), 'b');
    assert.deepEqual(rotated.decrypt(spliced, ctx), rotated.decrypt(old, ctx));
    assert.deepEqual(old.subarray(replace), spliced.subarray(part.length), 'the payload part is untouched');
    // A short value's whole blob is its own prefix; the context is still checked.
    const small = new Envelope(parseKeyRing(`a:${keyA}`)).encrypt('', ctx);
    assert.equal(rotated.rewrapPrefix(small, ctx).replace, small.length - 28);
    assert.throws(() => rotated.rewrapPrefix(old.subarray(0, keyPartMaxBytes), 'other'), DecryptionError);
    assert.throws(() => rotated.rewrapPrefix(old.subarray(0, 20), ctx), /truncated/);
    assert.deepEqual(rotated.keyIds, ['b', 'a']);
    assert.equal(rotated.activeKeyId, 'b');
  });

  it('writes the key file whole, with mode 0600, and reads back the same ring', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-key-file-'));
    try {
      const file = path.join(dir, 'master.key');
      fs.writeFileSync(file, `a:${keyA}\n`, { mode: 0o600 });
      writeKeyFile(file, ringBA);
      if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(fs.readdirSync(dir), ['master.key'], 'no temporary file is left behind');
      assert.deepEqual(
        loadKeyRing({ masterKey: undefined, masterKeyFile: file, dataDir: dir }, { demo: false }),
        ringBA,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
