import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { KeyRingError } from '../../../src/crypto/key-ring.js';
import { MasterKeyMissingError, loadKeyRing } from '../../../src/crypto/master-key.js';

// POSIX permission bits are not enforced on Windows, so the mode assertions only hold elsewhere.
const posix = process.platform !== 'win32';

describe('loadKeyRing', () => {
  let tmp: string;
  const none = { masterKey: undefined, masterKeyFile: undefined };

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-master-key-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function writeKeyFile(text: string, mode: number): string {
    const file = path.join(tmp, 'key.txt');
    fs.writeFileSync(file, text, { mode });
    fs.chmodSync(file, mode);
    return file;
  }

  it('parses MASTER_KEY text', () => {
    const key = randomBytes(32);
    const ring = loadKeyRing(
      { ...none, masterKey: `live:${key.toString('base64')}`, dataDir: tmp },
      { demo: false },
    );
    assert.equal(ring.activeKeyId, 'live');
    assert.ok(ring.keys.get('live')?.equals(key));
  });

  it('reports MASTER_KEY parse errors with the source and without the key', () => {
    const short = randomBytes(16).toString('base64');
    assert.throws(
      () => loadKeyRing({ ...none, masterKey: short, dataDir: tmp }, { demo: false }),
      (error: unknown) => {
        assert.ok(error instanceof KeyRingError);
        assert.match(error.message, /^MASTER_KEY: /);
        assert.ok(!error.message.includes(short));
        return true;
      },
    );
  });

  it('reads MASTER_KEY_FILE with mode 0600', () => {
    const file = writeKeyFile(
      `one:${randomBytes(32).toString('base64')}\ntwo:${randomBytes(32).toString('base64')}\n`,
      0o600,
    );
    const ring = loadKeyRing({ ...none, masterKeyFile: file, dataDir: tmp }, { demo: false });
    assert.equal(ring.activeKeyId, 'one');
    assert.deepEqual([...ring.keys.keys()], ['one', 'two']);
  });

  it('rejects a key file readable by group or others outside demo, naming the file', { skip: !posix }, () => {
    for (const mode of [0o640, 0o604, 0o644, 0o660]) {
      const file = writeKeyFile(randomBytes(32).toString('base64'), mode);
      assert.throws(
        () => loadKeyRing({ ...none, masterKeyFile: file, dataDir: tmp }, { demo: false }),
        (error: unknown) => {
          assert.ok(error instanceof Error);
          assert.ok(error.message.includes(file), error.message);
          assert.match(error.message, /group or others/);
          return true;
        },
      );
    }
  });

  it('tolerates a loose key file in demo mode', { skip: !posix }, () => {
    const file = writeKeyFile(randomBytes(32).toString('base64'), 0o644);
    const ring = loadKeyRing({ ...none, masterKeyFile: file, dataDir: tmp }, { demo: true });
    assert.equal(ring.keys.size, 1);
  });

  it('reports a missing MASTER_KEY_FILE by name', () => {
    const file = path.join(tmp, 'nope.key');
    assert.throws(
      () => loadKeyRing({ ...none, masterKeyFile: file, dataDir: tmp }, { demo: false }),
      (error: unknown) => error instanceof MasterKeyMissingError && error.message.includes(file),
    );
  });

  it('reports key file parse errors naming the file', () => {
    const file = writeKeyFile('not a key', 0o600);
    assert.throws(
      () => loadKeyRing({ ...none, masterKeyFile: file, dataDir: tmp }, { demo: false }),
      (error: unknown) =>
        error instanceof KeyRingError && error.message.startsWith(`MASTER_KEY_FILE ${file}: `),
    );
  });

  it('throws MasterKeyMissingError when nothing is configured outside demo', () => {
    const notes: string[] = [];
    assert.throws(
      () => loadKeyRing({ ...none, dataDir: tmp }, { demo: false, notify: (m) => notes.push(m) }),
      (error: unknown) =>
        error instanceof MasterKeyMissingError &&
        error.message.startsWith('MASTER_KEY or MASTER_KEY_FILE must be set ('),
    );
    assert.deepEqual(notes, []);
    // Outside demo no key is invented, not even a file.
    assert.deepEqual(fs.readdirSync(tmp), []);
  });

  it('does not pick up a leftover demo key outside demo', () => {
    loadKeyRing({ ...none, dataDir: tmp }, { demo: true });
    assert.throws(() => loadKeyRing({ ...none, dataDir: tmp }, { demo: false }), MasterKeyMissingError);
  });

  it('creates a 0600 demo key in a new data dir, notifies once, and reuses it', () => {
    const dataDir = path.join(tmp, 'nested', 'data');
    const notes: string[] = [];
    const notify = (message: string): void => {
      notes.push(message);
    };

    const first = loadKeyRing({ ...none, dataDir }, { demo: true, notify });
    const file = path.join(dataDir, 'master.key');
    assert.ok(fs.existsSync(file));
    if (posix) assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(notes.length, 1);
    assert.ok(notes[0]?.includes(file), notes[0]);

    const second = loadKeyRing({ ...none, dataDir }, { demo: true, notify });
    assert.equal(notes.length, 1, 'notify is only called when the key is created');
    assert.equal(second.activeKeyId, first.activeKeyId);
    const firstKey = first.keys.get(first.activeKeyId);
    assert.ok(firstKey && second.keys.get(second.activeKeyId)?.equals(firstKey));
  });

  describe('operator commands in a data directory that demo mode set up', () => {
    const operator = (notify?: (message: string) => void) => ({ demo: false, demoDataDirKey: true, notify });

    it('use the key demo mode created there, and say so once', () => {
      const created = loadKeyRing({ ...none, dataDir: tmp }, { demo: true });
      const notes: string[] = [];
      const ring = loadKeyRing(
        { ...none, dataDir: tmp },
        operator((m) => notes.push(m)),
      );
      assert.equal(ring.activeKeyId, created.activeKeyId);
      assert.ok(ring.keys.get(ring.activeKeyId)?.equals(created.keys.get(created.activeKeyId)!));
      assert.deepEqual(notes, [
        `using the demo master key ${path.join(tmp, 'master.key')} (this DATA_DIR was set up by serve --demo)`,
      ]);
      if (posix) assert.equal(fs.statSync(path.join(tmp, 'master.key.demo.json')).mode & 0o777, 0o600);
    });

    it('refuse a master.key that demo mode did not create, pointing at MASTER_KEY_FILE', () => {
      fs.writeFileSync(path.join(tmp, 'master.key'), randomBytes(32).toString('base64'), { mode: 0o600 });
      const notes: string[] = [];
      assert.throws(
        () =>
          loadKeyRing(
            { ...none, dataDir: tmp },
            operator((m) => notes.push(m)),
          ),
        (error: unknown) =>
          error instanceof MasterKeyMissingError &&
          error.message.startsWith('MASTER_KEY or MASTER_KEY_FILE must be set (') &&
          error.message.includes('was not created by serve --demo'),
      );
      assert.deepEqual(notes, []);
    });

    it('refuse a demo key that was replaced afterwards', () => {
      loadKeyRing({ ...none, dataDir: tmp }, { demo: true });
      fs.writeFileSync(path.join(tmp, 'master.key'), randomBytes(32).toString('base64'), { mode: 0o600 });
      assert.throws(
        () => loadKeyRing({ ...none, dataDir: tmp }, operator()),
        (error: unknown) =>
          error instanceof MasterKeyMissingError && /is not the key serve --demo created/.test(error.message),
      );
    });

    it('refuse as before when the directory has no key at all', () => {
      assert.throws(
        () => loadKeyRing({ ...none, dataDir: tmp }, operator()),
        (error: unknown) =>
          error instanceof MasterKeyMissingError &&
          error.message.startsWith('MASTER_KEY or MASTER_KEY_FILE must be set (') &&
          error.message.endsWith(')'),
      );
    });

    it('still prefer MASTER_KEY when it is set', () => {
      loadKeyRing({ ...none, dataDir: tmp }, { demo: true });
      const key = randomBytes(32);
      const notes: string[] = [];
      const ring = loadKeyRing(
        { ...none, masterKey: `ops:${key.toString('base64')}`, dataDir: tmp },
        operator((m) => notes.push(m)),
      );
      assert.equal(ring.activeKeyId, 'ops');
      assert.deepEqual(notes, []);
    });
  });

  it('rejects setting both MASTER_KEY and MASTER_KEY_FILE', () => {
    const file = writeKeyFile(randomBytes(32).toString('base64'), 0o600);
    assert.throws(
      () =>
        loadKeyRing(
          { masterKey: randomBytes(32).toString('base64'), masterKeyFile: file, dataDir: tmp },
          { demo: false },
        ),
      KeyRingError,
    );
  });
});
