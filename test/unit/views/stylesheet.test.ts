import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stylesheet } from '../../../src/http/views/stylesheet.js';
import { render } from './render.js';
import { samplePages } from './sample-pages.js';

/** The text of one `@layer name { … }` block, found by matching braces. */
function layer(name: string): string {
  const start = stylesheet.indexOf(`@layer ${name} {`);
  assert.ok(start >= 0, `layer ${name} present`);
  let depth = 0;
  for (let i = stylesheet.indexOf('{', start); i < stylesheet.length; i++) {
    if (stylesheet[i] === '{') depth++;
    if (stylesheet[i] === '}' && --depth === 0) return stylesheet.slice(start, i + 1);
  }
  throw new Error(`layer ${name} is not closed`);
}

function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** Class names that some rule's selector names (the text before each `{`, comments removed). */
function classesWithRules(css: string): Set<string> {
  const selectors = withoutComments(css).match(/[^{}]+(?=\{)/g) ?? [];
  return new Set(
    selectors.flatMap((selector) => [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!)),
  );
}

/** Colour values written out rather than taken from a custom property. */
const colourLiteral =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|:\s*(?:[^;{}]*\s)?(?:white|black|red|green|blue|gray|grey|orange|yellow|silver|navy|maroon|purple|teal)\b/i;

describe('stylesheet', () => {
  test('is layered tokens, then base, then components', () => {
    assert.ok(stylesheet.startsWith('@layer tokens, base, components;'));
    const order = ['tokens', 'base', 'components'].map((name) => stylesheet.indexOf(`@layer ${name} {`));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
  });

  test('colours are written only in the tokens layer; the others take them from custom properties', () => {
    assert.match(layer('tokens'), /hsl\(/);
    for (const name of ['base', 'components']) {
      const offending = withoutComments(layer(name))
        .split('\n')
        .filter((line) => colourLiteral.test(line));
      assert.deepEqual(offending, [], `${name} layer`);
    }
  });

  test('every custom property used is defined in the tokens layer', () => {
    const defined = new Set([...layer('tokens').matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
    const used = new Set([...stylesheet.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]));
    assert.deepEqual(
      [...used].filter((name) => !defined.has(name)),
      [],
    );
  });

  test('every class in the markup of every page has a rule', () => {
    const styled = classesWithRules(stylesheet);
    const missing = new Set<string>();
    for (const { name, page } of samplePages()) {
      for (const match of render(page).matchAll(/\sclass="([^"]*)"/g)) {
        for (const className of match[1]!.split(/\s+/).filter(Boolean)) {
          if (!styled.has(className)) missing.add(`${className} (${name})`);
        }
      }
    }
    assert.deepEqual([...missing], []);
  });

  test('the check sees the classes: a page renders the ones its sections style', () => {
    const html = samplePages()
      .map(({ page }) => render(page))
      .join('');
    for (const className of [
      'error-summary',
      'message-list__item--unread',
      'paging',
      'notice--success',
      'text-size-3',
    ]) {
      assert.match(html, new RegExp(`class="[^"]*\\b${className}\\b`), className);
    }
  });
});
