import { settingsTableMarkdown } from './settings.js';

const begin = '<!-- settings table: generated from src/config/settings.ts by `npm run docs:config` -->';
const end = '<!-- end of settings table -->';

/** The README with its table of variables replaced by the one the settings table gives. */
export function readmeWithSettingsTable(readme: string): string {
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${begin} … ${end}`);
  return `${readme.slice(0, from)}${begin}\n${settingsTableMarkdown()}\n${readme.slice(to)}`;
}
