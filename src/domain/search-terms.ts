import { stemmer as finnishStem } from '@orama/stemmers/finnish';

/**
 * Search terms for the public catalogue: one rule for the indexed text and the visitor's query,
 * so that what matches does not depend on the database (SQLite FTS5 and PostgreSQL full-text search
 * are only asked for whole terms and term prefixes of what this file produced).
 *
 * 1. Fold: lower case, diacritics removed (ä → a, ö → o, å → a, é → e), anything but letters and
 *    digits separates words. `Sähköiset` and `sahkoiset` are the same word.
 * 2. Stem: the Snowball Finnish stemmer (@orama/stemmers, a maintained port of the published
 *    algorithm) removes case endings, plural and possessive suffixes: `Ylitornion`, `Ylitorniossa`
 *    and `ylitornio` all become `ylitornio`; `lomakkeet`, `lomakkeita` become `lomak`. It runs on the
 *    folded word, so a query typed without diacritics stems the same way as the indexed text.
 *    Swedish and English names are indexed with the same rule: it only has to be the same on both
 *    sides.
 * 3. A query term matches an indexed term it is a prefix of (`ylitor` finds `ylitornio`).
 * 4. A query term that matches nothing is compared with the indexed vocabulary: a term one edit
 *    away (one letter inserted, removed, changed, or two neighbours swapped) is used instead.
 */

/** Words shorter than this after stemming are not fuzzily corrected (too many neighbours). */
export const minimumFuzzyLength = 4;

/** Lower case without diacritics; only [a-z0-9] and spaces remain. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded words of a text, in order (duplicates kept). */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

/** The stem of one folded word. */
export function stem(word: string): string {
  const stemmed = finnishStem(word);
  return stemmed === '' ? word : stemmed;
}

/** A text's index terms: the distinct stems of its words, space-separated. */
export function indexTerms(...texts: Array<string | null | undefined>): string {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) terms.add(stem(word));
  }
  return [...terms].join(' ');
}

/** One word of a query: its stem (what is matched) and the folded word (also tried when correcting). */
export interface QueryTerm {
  stem: string;
  word: string;
}

/** A query's words with distinct stems, at most `limit` of them. */
export function queryTerms(query: string, limit = 8): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  for (const word of words(query)) {
    const stemmed = stem(word);
    if (!terms.has(stemmed)) terms.set(stemmed, { stem: stemmed, word });
  }
  return [...terms.values()].slice(0, limit);
}

/**
 * Whether `a` and `b` are at most one edit apart: one letter inserted, deleted or substituted, or
 * two adjacent letters swapped (restricted Damerau–Levenshtein distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthDifference = a.length - b.length;
  if (Math.abs(lengthDifference) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (lengthDifference === 0) {
    // Substitution at i, or a swap of i and i + 1.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One extra letter at i in the longer word.
  return lengthDifference > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Whether the query term `term` is one edit away from `indexed` or from one of its prefixes (a
 * misspelled beginning of a word: `ylitprn` for `ylitornio`).
 */
export function nearMatch(term: string, indexed: string): boolean {
  if (term.length < minimumFuzzyLength) return false;
  for (const length of [term.length - 1, term.length, term.length + 1]) {
    if (length <= 0 || length > indexed.length) continue;
    if (withinOneEdit(term, indexed.slice(0, length))) return true;
  }
  return false;
}
