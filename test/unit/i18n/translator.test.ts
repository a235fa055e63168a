import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import i18next from 'i18next';
import { locales, translator } from '../../../src/i18n/i18n.js';
import { en } from '../../../src/i18n/locales/en.js';
import { fi } from '../../../src/i18n/locales/fi.js';
import { sv } from '../../../src/i18n/locales/sv.js';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'string' ? [prefix + key] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('translator', () => {
  test('answers exactly as plain i18next, with and without interpolation values', async () => {
    const reference = i18next.createInstance();
    await reference.init({
      resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
      lng: 'fi',
      fallbackLng: 'fi',
      supportedLngs: [...locales],
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    const optionSets: Array<Record<string, unknown> | undefined> = [
      undefined,
      { name: 'Matti Meikäläinen' },
      { page: 3 },
      { date: '1.2.2025', version: 2 },
      { file: 'a{{b}}.pdf' },
      { file: '$t(meta.serviceName)' },
      { date: '1.2.2025', count: 2 },
      { folder: 'Saapuneet', extra: 'x' },
      { method: '' },
      // A count alone (remembered by key and count), as the navigation's unread count gives it.
      { count: 0 },
      { count: 1 },
      { count: 2 },
      { count: 21 },
      { count: 1.5 },
    ];
    for (const locale of locales) {
      const ours = translator(locale) as unknown as (...args: unknown[]) => unknown;
      const theirs = reference.getFixedT(locale) as unknown as (...args: unknown[]) => unknown;
      for (const key of [...keys(fi), 'no.such.key']) {
        for (const options of optionSets) {
          // Twice: the second answer may come from what the first remembered.
          for (let round = 0; round < 2; round++) {
            const args = options ? [key, options] : [key];
            assert.equal(ours(...args), theirs(...args), `${locale} ${key} ${JSON.stringify(options)}`);
          }
        }
      }
    }
  });
});
