import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { businessIdCheckDigit, isValidBusinessId, makeBusinessId } from '../../../src/domain/business-id.js';

// Independent restatement of the rule, used as the oracle for property tests.
function remainder(sevenDigits: string): number {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  return [...sevenDigits].reduce((sum, digit, i) => sum + Number(digit) * (weights[i] ?? 0), 0) % 11;
}

const sevenDigitsArb = fc.string({
  unit: fc.constantFrom(...'0123456789'.split('')),
  minLength: 7,
  maxLength: 7,
});

describe('isValidBusinessId', () => {
  test('accepts the known valid IDs', () => {
    assert.equal(isValidBusinessId('0245437-2'), true);
    assert.equal(isValidBusinessId('1572860-0'), true);
  });

  test('rejects every other check digit for the known IDs', () => {
    for (let digit = 0; digit <= 9; digit++) {
      if (digit !== 2) assert.equal(isValidBusinessId(`0245437-${digit}`), false, String(digit));
      if (digit !== 0) assert.equal(isValidBusinessId(`1572860-${digit}`), false, String(digit));
    }
  });

  test('requires the exact NNNNNNN-T form', () => {
    for (const id of [
      '02454372',
      '0245437 2',
      '0245437–2',
      '245437-2',
      '00245437-2',
      '0245437-22',
      '0245437-',
      '-2',
      ' 0245437-2',
      '0245437-2 ',
      'FI02454372',
      '024543A-2',
      '０245437-2',
      '',
    ]) {
      assert.equal(isValidBusinessId(id), false, JSON.stringify(id));
    }
  });

  test('rejects numbers whose remainder is 1, whatever the check digit', () => {
    assert.equal(remainder('0000006'), 1);
    for (let digit = 0; digit <= 9; digit++) assert.equal(isValidBusinessId(`0000006-${digit}`), false);
  });
});

describe('businessIdCheckDigit', () => {
  test('computes the check digit', () => {
    assert.equal(businessIdCheckDigit('0245437'), 2);
    assert.equal(businessIdCheckDigit('1572860'), 0);
    assert.equal(businessIdCheckDigit('0000000'), 0);
    assert.equal(businessIdCheckDigit('1000000'), 4, '7 mod 11 = 7, 11 − 7 = 4');
    assert.equal(businessIdCheckDigit('0000005'), 1, '10 mod 11 = 10, 11 − 10 = 1');
  });

  test('is null when no check digit exists', () => {
    assert.equal(businessIdCheckDigit('0000006'), null);
  });

  test('is null for anything but seven digits', () => {
    for (const input of ['', '024543', '02454370', '024543a', '0245437-2', ' 0245437', '٠٢٤٥٤٣٧']) {
      assert.equal(businessIdCheckDigit(input), null, JSON.stringify(input));
    }
  });
});

describe('makeBusinessId', () => {
  test('appends the check digit', () => {
    assert.equal(makeBusinessId('0245437'), '0245437-2');
    assert.equal(makeBusinessId('1572860'), '1572860-0');
  });

  test('throws RangeError when no valid ID exists', () => {
    assert.throws(() => makeBusinessId('0000006'), RangeError);
    assert.throws(() => makeBusinessId('024543'), RangeError);
    assert.throws(() => makeBusinessId('abcdefg'), RangeError);
  });

  test('every made ID validates and every other check digit fails', () => {
    fc.assert(
      fc.property(sevenDigitsArb, (digits) => {
        fc.pre(remainder(digits) !== 1);
        const id = makeBusinessId(digits);
        assert.equal(isValidBusinessId(id), true);
        const valid = Number(id.charAt(8));
        for (let digit = 0; digit <= 9; digit++) {
          if (digit !== valid) assert.equal(isValidBusinessId(`${digits}-${digit}`), false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('numbers with remainder 1 cannot be made and never validate', () => {
    fc.assert(
      fc.property(sevenDigitsArb, (digits) => {
        fc.pre(remainder(digits) === 1);
        assert.throws(() => makeBusinessId(digits), RangeError);
        for (let digit = 0; digit <= 9; digit++) assert.equal(isValidBusinessId(`${digits}-${digit}`), false);
      }),
    );
  });

  test('check digit matches the independent oracle', () => {
    fc.assert(
      fc.property(sevenDigitsArb, (digits) => {
        const r = remainder(digits);
        assert.equal(businessIdCheckDigit(digits), r === 1 ? null : r === 0 ? 0 : 11 - r);
      }),
    );
  });

  test('a single changed digit is always detected', () => {
    fc.assert(
      fc.property(
        sevenDigitsArb,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 9 }),
        (digits, position, replacement) => {
          fc.pre(remainder(digits) !== 1 && Number(digits.charAt(position)) !== replacement);
          const id = makeBusinessId(digits);
          const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
          assert.equal(isValidBusinessId(mutated), false, mutated);
        },
      ),
    );
  });
});
