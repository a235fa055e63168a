// Rewrites the README's table of environment variables from src/config/settings.ts
// (`npm run docs:config`); test/unit/config-table.test.ts fails when they differ.
import fs from 'node:fs';
import { readmeWithSettingsTable } from '../src/config/settings-readme.js';

const file = new URL('../README.md', import.meta.url);
fs.writeFileSync(file, readmeWithSettingsTable(fs.readFileSync(file, 'utf8')));
