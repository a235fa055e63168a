import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { testAnswers, testRefusals } from '../../helpers/refusals.js';
import { normaliseFinnishMobile } from '../../../src/domain/mobile-number.js';

describe('normaliseFinnishMobile', () => {
  testAnswers(normaliseFinnishMobile, {
    'accepts the usual ways of writing a Finnish mobile number': [
      ['050 123 4567', '+358501234567'],
      ['0501234567', '+358501234567'],
      ['+358 50 1234567', '+358501234567'],
      ['+358501234567', '+358501234567'],
      ['+358 50 123 4567', '+358501234567'],
      ['00358 50 123 4567', '+358501234567'],
      ['+358 (0) 50 123 4567', '+358501234567'],
      ['(050) 123-4567', '+358501234567'],
      ['050-123 4567', '+358501234567'],
      ['050.123.4567', '+358501234567'],
      ['050/1234567', '+358501234567'],
      ['0401234567', '+358401234567'],
      ['+358-40-123 4567', '+358401234567'],
      ['041 234 5678', '+358412345678'],
      ['044 123 4567', '+358441234567'],
      ['045 78 12345', '+358457812345'],
      ['0457 123 4567', '+3584571234567'],
      ['046 123 4567', '+358461234567'],
      ['+358 400 123456', '+358400123456'],
      ['  050 123 4567\t', '+358501234567'],
    ],
  });

  testRefusals(normaliseFinnishMobile, null, {
    'rejects landlines and service numbers that cannot receive SMS': [
      '09 1234567',
      '+358 9 1234567',
      '03 1234567',
      '+358 18 12345',
      '020 123 4567',
      '0100 100',
      '075 3251000',
      '0800 123456',
      '0700 123456',
    ],
    'rejects foreign numbers, mobile or not': [
      '+46 70 123 45 67',
      '+47 412 34 567',
      '+372 5123 4567',
      '+1 202 555 0123',
      '+44 7700 900123',
    ],
    'rejects numbers of impossible length': ['050 123', '050', '0', '+358', '050 123 4567 8901 23'],
    'rejects garbage, empty input and numbers buried in text': [
      '',
      '   ',
      'garbage',
      '050 CALL ME',
      'call 050 123 4567 now',
      'puh. 050 123 4567',
      '050 123 4567 ext 12',
      '050 123 4567#',
      '050 123 4567, 040 123 4567',
      '+358 50 123 4567 / +358 40 123 4567',
      '++358501234567',
      '358+501234567',
      '０５０ １２３ ４５６７',
      'tel:+358501234567',
    ],
  });

  test('output is E.164 in a Finnish mobile range and normalises to itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('40', '41', '42', '43', '44', '45', '46', '49', '50'),
        fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 4, maxLength: 8 }),
        fc.constantFrom('0', '+358 ', '+358', '00358 '),
        fc.constantFrom('', ' ', '-'),
        (prefix, subscriber, trunk, separator) => {
          const result = normaliseFinnishMobile(`${trunk}${prefix}${separator}${subscriber}`);
          if (result === null) return;
          assert.equal(result, `+358${prefix}${subscriber}`);
          assert.match(result, /^\+358(4\d|50)\d{4,8}$/);
          assert.equal(normaliseFinnishMobile(result), result);
        },
      ),
    );
  });

  test('never throws and only ever returns Finnish mobile E.164', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const result = normaliseFinnishMobile(input);
        if (result !== null) assert.match(result, /^\+358(4\d|50)\d+$/);
      }),
    );
  });
});
