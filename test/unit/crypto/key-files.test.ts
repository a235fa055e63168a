import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { placeKeyFile, readKeyFileText } from '../../../src/crypto/key-files.js';

test('key file text: the text, or one line naming the setting, the file and why it cannot be read', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'key-file-text-'));
  try {
    const file = path.join(dir, 'keys.json');
    fs.writeFileSync(file, '{"keys":[]}');
    const problem = (message: string) => new RangeError(message);
    assert.equal(readKeyFileText(file, `KEY_FILE ${file}`, problem), '{"keys":[]}');
    const missing = path.join(dir, 'missing.json');
    assert.throws(() => readKeyFileText(missing, `KEY_FILE ${missing}`, problem), {
      name: 'RangeError',
      message: `KEY_FILE ${missing} does not exist`,
    });
    assert.throws(() => readKeyFileText(dir, `KEY_FILE ${dir}`, problem), {
      name: 'RangeError',
      message: `KEY_FILE ${dir} cannot be read (EISDIR)`,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('key file placing: whole and owner-only; an existing file is kept unless replaced', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'key-files-'));
  try {
    const file = path.join(dir, 'keys.json');
    assert.equal(placeKeyFile(file, 'first', false), true);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(placeKeyFile(file, 'second', false), false);
    assert.equal(fs.readFileSync(file, 'utf8'), 'first');
    assert.equal(placeKeyFile(file, 'third', true), true);
    assert.equal(fs.readFileSync(file, 'utf8'), 'third');
    assert.deepEqual(fs.readdirSync(dir), ['keys.json'], 'no temporary file is left behind');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
