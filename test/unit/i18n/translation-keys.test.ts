import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { translator, type Translate } from '../../../src/i18n/i18n.js';
import { en } from '../../../src/i18n/locales/en.js';
import { fi } from '../../../src/i18n/locales/fi.js';
import { sv } from '../../../src/i18n/locales/sv.js';
import { projectRoot } from '../../../src/project-root.js';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'string' ? [prefix + key] : keys(value as object, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('translation keys', () => {
  test('Swedish and English have exactly the Finnish keys', () => {
    const source = keys(fi).sort();
    assert.deepEqual(keys(sv).sort(), source);
    assert.deepEqual(keys(en).sort(), source);
  });

  // Named in full: in quotes in code, or as a JSX attribute's string ("key").
  test('every key is used: the sources name each one in full (keys are never built from parts)', () => {
    const locales = path.join(projectRoot, 'src', 'i18n');
    const sources = sourceFiles(path.join(projectRoot, 'src'))
      .filter((file) => !file.startsWith(locales))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    const unused = keys(fi).filter((key) => !sources.includes(`'${key}'`) && !sources.includes(`"${key}"`));
    assert.deepEqual(unused, []);
  });

  test('a key that is not in the Finnish resources fails the type check', () => {
    const t: Translate = translator('fi');
    // @ts-expect-error: misspelled key (tsc fails if this line ever type-checks)
    assert.equal(t('mailbox.folder.inbx'), 'mailbox.folder.inbx');
    // @ts-expect-error: a branch of the tree is not a string
    assert.equal(typeof t('mailbox.folder'), 'string');
    assert.equal(t('mailbox.folder.inbox'), 'Saapuneet');
  });
});
