import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readKeyFileText } from '../../../src/crypto/key-file-text.js';

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
