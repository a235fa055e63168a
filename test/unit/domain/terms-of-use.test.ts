import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentTerms, termsAcceptanceDue } from '../../../src/domain/terms-of-use.js';

test('the version in force is dotted numbers and its date a calendar date', () => {
  assert.match(currentTerms.version, /^\d+(\.\d+)*$/);
  assert.match(currentTerms.effectiveFrom, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(termsAcceptanceDue(currentTerms.version), false);
});

test('acceptance is due for older versions only, compared by number part by part', () => {
  const cases: Array<[accepted: string, current: string, due: boolean]> = [
    ['1.0', '1.1', true],
    ['1.1', '1.1', false],
    ['1.1.0', '1.1', false],
    ['1', '1.1', true],
    ['1.9', '1.10', true],
    ['1.10', '1.9', false],
    ['2.0', '1.9', false],
    ['0.9', '1.0', true],
    ['', '1.0', true],
    ['2026-1', '1.0', true],
    ['1.x', '1.0', true],
  ];
  for (const [accepted, current, due] of cases) {
    assert.equal(termsAcceptanceDue(accepted, current), due, `${accepted} against ${current}`);
  }
});
