import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  deceptiveCharacterProblem,
  findDeceptiveCharacter,
  stripDeceptiveCharacters,
} from '../../../src/domain/deceptive-characters.js';

const bidiControls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

describe('deceptive characters', () => {
  test('every bidirectional control is found, in single-line and multiline text', () => {
    for (const code of bidiControls) {
      const text = `Lasku ${String.fromCodePoint(code)}fdp.exe`;
      for (const multiline of [false, true]) {
        const found = findDeceptiveCharacter(text, { multiline });
        assert.equal(found?.kind, 'bidirectional control character');
        assert.equal(found?.codePoint, `U+${code.toString(16).toUpperCase()}`);
      }
    }
  });

  test('line breaks are allowed only in multiline text; tab everywhere', () => {
    assert.equal(findDeceptiveCharacter('a\tb', { multiline: false }), undefined);
    assert.equal(findDeceptiveCharacter('a\r\nb\nc', { multiline: true }), undefined);
    assert.equal(findDeceptiveCharacter('a\nb', { multiline: false })?.codePoint, 'U+000A');
    assert.equal(findDeceptiveCharacter('a\u0000b', { multiline: true })?.kind, 'control character');
    assert.equal(findDeceptiveCharacter('a\u001bb', { multiline: true })?.codePoint, 'U+001B');
    assert.equal(findDeceptiveCharacter('a\u0085b', { multiline: true })?.codePoint, 'U+0085');
  });

  test('ordinary Finnish, Swedish and Sámi text and right-to-left marks pass', () => {
    for (const text of ['Päätös ÅÄÖ åäö', 'Beslut om bostadsbidrag', 'Mearrádus', 'שלום \u200f', '€ – “ ”']) {
      assert.equal(findDeceptiveCharacter(text, { multiline: false }), undefined, text);
    }
  });

  test('the problem text names the code point', () => {
    const found = findDeceptiveCharacter('x\u202ey', { multiline: false })!;
    assert.match(deceptiveCharacterProblem(found), /bidirectional control character \(U\+202E\)/);
  });

  test('stripping leaves text in which nothing deceptive is found', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const stripped = stripDeceptiveCharacters(text);
        assert.equal(findDeceptiveCharacter(stripped, { multiline: false }), undefined);
      }),
      { numRuns: 500, seed: 8 },
    );
    assert.equal(stripDeceptiveCharacters('Lasku \u202efdp.exe'), 'Lasku fdp.exe');
  });
});
