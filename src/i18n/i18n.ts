import i18next, { type TFunction } from 'i18next';
import { en } from './locales/en.js';
import { fi } from './locales/fi.js';
import type { Strings } from './locales/strings.js';
import { sv } from './locales/sv.js';

export const locales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fi';

/** Finnish is the source language; the other locales must have exactly its keys (checked by tsc). */
export type Messages = Strings<typeof fi>;

/** The dotted path of every string in a resource tree: "mailbox.folder.inbox". */
type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the Finnish source: a missing or misspelled key fails the type check where it is used. */
export type TranslationKey = KeyPaths<Messages>;

/** Values for the string's {{placeholders}}, or i18next's own options (defaultValue, count). */
export type TranslationValues = Record<string, string | number>;

export type Translate = (key: TranslationKey, values?: TranslationValues) => string;

const instance = i18next.createInstance();
void instance.init({
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  initAsync: false,
  // Views escape on output (Preact), so i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

// getFixedT builds a new function on every call; one per locale is enough (hot path: every request).
const translators = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = fastTranslator(locale, instance.getFixedT(locale));
    translators.set(locale, t);
  }
  return t;
}

/** Options that mean something to i18next besides an interpolation value (plurals, context…). */
const i18nextOptions = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'ns',
  'keyPrefix',
  'defaultValue',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'nsSeparator',
  'keySeparator',
]);
const pluralCacheSize = 1000;
const placeholderPattern = /\{\{([^{}]*)\}\}/g;
const simpleVariable = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** The template's variable names if it has only plain `{{name}}` placeholders; otherwise undefined. */
function simpleTemplateVariables(template: string): Set<string> | undefined {
  if (template.includes('$t(')) return undefined;
  const names = new Set<string>();
  for (const match of template.matchAll(placeholderPattern)) {
    const name = simpleVariable.exec(match[1] ?? '')?.[1];
    if (name === undefined) return undefined; // formatting, unescaping or object paths: i18next's job
    names.add(name);
  }
  // Stray braces the pattern did not take as a placeholder: leave them to i18next too.
  return template.replace(placeholderPattern, '').includes('{{') ? undefined : names;
}

/**
 * i18next resolves every key afresh (it copies its whole options object, splits the key, walks the
 * fallbacks, scans for nesting and interpolation), which a page with a list of messages does
 * hundreds of times. The resources are fixed at start, so:
 * - a lookup by key alone always gives the same string: it is remembered;
 * - a template with only plain `{{name}}` placeholders, given exactly those names as string or
 *   number values, is filled in directly (escaping is off, so i18next would insert the same text).
 *   The first such call of each key is also checked against i18next, and a key that came out
 *   differently is left to i18next from then on.
 * Everything else (missing keys, plurals, context, formatting, nesting) goes to i18next as before.
 */
function fastTranslator(locale: Locale, t: TFunction): Translate {
  const plain = new Map<string, string>();
  const templates = new Map<string, { template: string; variables: Set<string>; verified: boolean } | null>();
  const slow = t as unknown as (...args: unknown[]) => unknown;
  const plurals = new Map<string, string>();

  function template(key: string) {
    let entry = templates.get(key);
    if (entry === undefined) {
      const raw: unknown = instance.getResource(locale, 'translation', key);
      const variables = typeof raw === 'string' ? simpleTemplateVariables(raw) : undefined;
      entry = typeof raw === 'string' && variables ? { template: raw, variables, verified: false } : null;
      templates.set(key, entry);
    }
    return entry;
  }

  function interpolate(key: string, options: Record<string, unknown>): string | undefined {
    const entry = template(key);
    if (!entry) return undefined;
    const names = Object.keys(options);
    if (names.length !== entry.variables.size) return undefined;
    for (const name of names) {
      const value = options[name];
      if (!entry.variables.has(name) || i18nextOptions.has(name)) return undefined;
      if (
        typeof value !== 'number' &&
        (typeof value !== 'string' || value.includes('{{') || value.includes('$t('))
      ) {
        return undefined;
      }
    }
    const text = entry.template.replace(placeholderPattern, (_match, inner: string) =>
      String(options[inner.trim()]),
    );
    if (!entry.verified) {
      if (slow(key, options) !== text) {
        templates.set(key, null);
        return undefined;
      }
      entry.verified = true;
    }
    return text;
  }

  const fast = function (...args: unknown[]): unknown {
    const key = args[0];
    if (typeof key === 'string' && args.length === 1) {
      const known = plain.get(key);
      if (known !== undefined) return known;
      const value = slow(key);
      if (typeof value === 'string') plain.set(key, value);
      return value;
    }
    const options = args[1];
    if (
      typeof key === 'string' &&
      args.length === 2 &&
      typeof options === 'object' &&
      options !== null &&
      Object.getPrototypeOf(options) === Object.prototype
    ) {
      const text = interpolate(key, options as Record<string, unknown>) ?? counted(key, options);
      if (text !== undefined) return text;
    }
    return slow(...args);
  };

  /**
   * A key given only a whole `count` (the navigation's unread count is on every page) goes to
   * i18next, which looks for plural forms and interpolates: about 100 µs a call. The resources are
   * fixed, so the same key and count always give the same text: it is remembered. Counts are
   * open-ended, so the set is emptied when full.
   */
  function counted(key: string, options: object): string | undefined {
    const names = Object.keys(options);
    const count = (options as { count?: unknown }).count;
    if (names.length !== 1 || names[0] !== 'count' || !Number.isSafeInteger(count)) return undefined;
    const id = `${key}\0${count as number}`;
    let text = plurals.get(id);
    if (text === undefined) {
      const value = slow(key, { count });
      if (typeof value !== 'string') return undefined;
      if (plurals.size >= pluralCacheSize) plurals.clear();
      text = value;
      plurals.set(id, text);
    }
    return text;
  }
  // Keep the rest of the TFunction surface (lng, ns, keyPrefix) intact.
  return Object.assign(fast, t) as unknown as Translate;
}

/** Picks the best supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale);
}
