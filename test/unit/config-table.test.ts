import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { readmeWithSettingsTable } from '../../src/config/settings-readme.js';
import { settings, settingsTableMarkdown } from '../../src/config/settings.js';

describe('the settings table is the one list of variables', () => {
  test("the README's table is the one the settings give (npm run docs:config rewrites it)", () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    assert.equal(readme, readmeWithSettingsTable(readme), 'README.md is stale: run npm run docs:config');
  });

  test('every variable appears once, with a description', () => {
    const names = Object.values(settings).map((setting) => setting.env);
    assert.equal(new Set(names).size, names.length);
    for (const setting of Object.values(settings)) assert.ok(setting.description.length >= 9, setting.env);
    for (const name of names) assert.match(settingsTableMarkdown(), new RegExp(`\\| \`${name}\` \\|`));
  });

  test('no code outside the configuration reads the environment', () => {
    const readers: string[] = [];
    const walk = (dir: URL) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const child = new URL(`${entry.name}${entry.isDirectory() ? '/' : ''}`, dir);
        if (entry.isDirectory()) walk(child);
        else if (/\.tsx?$/.test(entry.name) && /process\.env\b/.test(fs.readFileSync(child, 'utf8')))
          readers.push(child.pathname.replace(/^.*\/src\//, 'src/'));
      }
    };
    walk(new URL('../../src/', import.meta.url));
    assert.deepEqual(readers.sort(), ['src/config/config.ts'].sort());
  });

  test('every default in the table loads', () => {
    const config = loadConfig({});
    for (const key of Object.keys(settings)) assert.ok(key in config, key);
  });
});
