import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { domainToASCII } from 'node:url';
import { testAnswers, testRefusals } from '../../helpers/refusals.js';
import { normaliseEmail } from '../../../src/domain/email.js';

describe('normaliseEmail', () => {
  testAnswers(normaliseEmail, {
    'accepts ordinary addresses and normalises only the domain': [
      ['mai.ja.meikalainen@live.fi', 'mai.ja.meikalainen@live.fi'],
      ['matti@example.fi', 'matti@example.fi'],
      ['Matti.Meikalainen@Example.FI', 'Matti.Meikalainen@example.fi'],
      ['  matti@example.fi  ', 'matti@example.fi'],
      ['\tmatti@example.fi\n', 'matti@example.fi'],
      ['matti+asiointi@example.fi', 'matti+asiointi@example.fi'],
      ['matti+tag+more@example.fi', 'matti+tag+more@example.fi'],
      ['matti@mail.kunta.example.fi', 'matti@mail.kunta.example.fi'],
      ['matti@sub-domain.example.co.uk', 'matti@sub-domain.example.co.uk'],
      ["o'brien@example.com", "o'brien@example.com"],
      ['user_name-1@example.com', 'user_name-1@example.com'],
      ['1234@example.com', '1234@example.com'],
      ['a@b.fi', 'a@b.fi'],
      ['matti@123.example.fi', 'matti@123.example.fi'],
      ['info@example.museum', 'info@example.museum'],
    ],
    'accepts internationalised domains and stores them in lower-case Unicode': [
      ['matti@äänekoski.fi', 'matti@äänekoski.fi'],
      ['matti@ÄÄNEKOSKI.FI', 'matti@äänekoski.fi'],
      ['matti@xn--nekoski-4waa.fi', 'matti@äänekoski.fi'],
      ['matti@XN--NEKOSKI-4WAA.FI', 'matti@äänekoski.fi'],
      ['ivan@пример.рф', 'ivan@пример.рф'],
      ['matti@mölkky.example.fi', 'matti@mölkky.example.fi'],
    ],
    'keeps the case of the local part': [['MATTI@EXAMPLE.FI', 'MATTI@example.fi']],
  });

  testRefusals(normaliseEmail, null, {
    'rejects addresses without exactly one usable @': [
      'matti.example.fi',
      '@example.fi',
      'matti@',
      '@',
      'matti@@example.fi',
      'a@b@example.fi',
    ],
    'rejects spaces, commas, angle brackets and quoting': [
      'mat ti@example.fi',
      'matti@exa mple.fi',
      'matti @example.fi',
      'matti@ example.fi',
      'matti,maija@example.fi',
      'matti@example,fi',
      'matti@example.fi, maija@example.fi',
      '<matti@example.fi>',
      'Matti <matti@example.fi>',
      '"matti"@example.fi',
      '"mat ti"@example.fi',
      'matti(comment)@example.fi',
      'matti;@example.fi',
      'matti@example.fi;',
      'matti\\@example.fi',
      'matti@[192.0.2.1]',
    ],
    'rejects misplaced and doubled dots': [
      'matti..meikalainen@example.fi',
      '.matti@example.fi',
      'matti.@example.fi',
      'matti@example..fi',
      'matti@.example.fi',
      'matti@example.fi.',
      'matti@example.',
    ],
    'rejects hosts without a proper top-level domain': [
      'matti@localhost',
      'matti@example',
      'matti@192.0.2.1',
      'matti@example.f',
      'matti@example.f1',
      'matti@example.123',
      'matti@-example.fi',
      'matti@example-.fi',
      'matti@exa_mple.fi',
      'matti@example.-fi',
      `matti@${'a'.repeat(64)}.fi`,
      'matti@xn--zz.fi',
    ],
    'rejects control and invisible characters anywhere': [
      'mat\u0000ti@example.fi',
      'matti@exa\u0007mple.fi',
      'matti\n@example.fi',
      'matti@example.fi\r\nBcc: x@example.fi',
      'mat\u200Bti@example.fi',
      'matti@exam\u00ADple.fi',
      'matti@exa\u200Dmple.fi',
      'matti\u0085@example.fi',
      'matti\u00A0@example.fi',
    ],
    'rejects a non-ASCII local part, which would need SMTPUTF8': ['mäkinen@example.fi', 'ｍatti@example.fi'],
    'rejects empty input': ['', '   '],
  });

  test('enforces the 64-character local part and 254-character address limits', () => {
    const local64 = 'a'.repeat(64);
    assert.equal(normaliseEmail(`${local64}@example.fi`), `${local64}@example.fi`);
    assert.equal(normaliseEmail(`${local64}a@example.fi`), null);

    const domainOf = (length: number): string => {
      const labels: string[] = [];
      let remaining = length - 3;
      while (remaining > 0) {
        const size = Math.min(63, remaining);
        labels.push('b'.repeat(size));
        remaining -= size + 1;
      }
      return `${labels.join('.')}.fi`;
    };
    const at254 = `${local64}@${domainOf(254 - 65)}`;
    assert.equal(at254.length, 254);
    assert.equal(normaliseEmail(at254), at254);
    const at255 = `${local64}@${domainOf(255 - 65)}`;
    assert.equal(at255.length, 255);
    assert.equal(normaliseEmail(at255), null);
  });

  test('counts the length of an internationalised domain in its punycode form', () => {
    const local = 'a'.repeat(64);
    const label = 'äöåéü'.repeat(9);
    const domain = `${[label, label, label, label].join('.')}.fi`;
    const address = `${local}@${domain}`;
    assert.ok(address.length <= 254, 'short enough as typed');
    assert.ok(local.length + 1 + domainToASCII(domain).length > 254, 'too long as punycode');
    assert.equal(normaliseEmail(address), null);
    assert.equal(normaliseEmail(`${'a'.repeat(20)}@${domain}`), `${'a'.repeat(20)}@${domain}`);
  });

  test('accepts generated ordinary addresses and is idempotent on them', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const normalised = normaliseEmail(address);
        assert.notEqual(normalised, null, address);
        assert.equal(normaliseEmail(normalised ?? ''), normalised);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws, and whatever it returns is stable and free of whitespace', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const normalised = normaliseEmail(input);
        if (normalised === null) return;
        assert.doesNotMatch(normalised, /[\s,<>]/u);
        assert.equal(normaliseEmail(normalised), normalised);
      }),
    );
  });
});
