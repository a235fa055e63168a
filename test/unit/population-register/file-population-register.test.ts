import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { identityCodeLikePattern, parseIdentityCode } from '../../../src/domain/identity-code.js';
import {
  FilePopulationRegister,
  RegisterFileError,
  demoRegisterFile,
} from '../../../src/modules/population-register/file-population-register.js';

const kimmo = {
  identityCode: '270570-901K',
  firstNames: 'Kimmo',
  lastName: 'Mäkinen',
  birthDate: '1970-05-27',
};
const maija = {
  identityCode: '010180-9026',
  firstNames: 'Maija',
  lastName: 'Meikäläinen',
  birthDate: '1980-01-01',
};
const address = { streetAddress: 'Kirkkotie 4', postalCode: '07500', city: 'Askola', countryCode: 'FI' };

/** A register document laid out the way operators write it: one field per line. */
function doc(...persons: unknown[]): string {
  return JSON.stringify({ persons }, null, 2) + '\n';
}

/** 1-based line of the `occurrence`-th (0-based) appearance of `needle`. */
function lineOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `test text lacks ${needle}`);
  }
  return text.slice(0, at).split('\n').length;
}

/** Asserts a one-line RegisterFileError at `line` / `fieldPath` that echoes no identity code. */
function assertRejects(text: string, line: number, fieldPath: string | undefined, problem: RegExp): void {
  assert.throws(
    () => FilePopulationRegister.fromText(text, 'register.json'),
    (error: unknown) => {
      assert.ok(error instanceof RegisterFileError, `expected RegisterFileError, got ${String(error)}`);
      const prefix = `register.json:${line}: ${fieldPath === undefined ? '' : `${fieldPath}: `}`;
      assert.ok(error.message.startsWith(prefix), `"${error.message}" should start with "${prefix}"`);
      assert.equal(error.line, line);
      assert.equal(error.fieldPath, fieldPath);
      assert.match(error.problem, problem);
      assert.doesNotMatch(error.message, /[\r\n]/);
      assert.doesNotMatch(
        error.message,
        new RegExp(identityCodeLikePattern.source),
        'echoes an identity code',
      );
      return true;
    },
  );
}

describe('demo population register', () => {
  const register = FilePopulationRegister.load(demoRegisterFile);
  const persons = register.list();

  it('is found at the repository root whichever directory the module runs from', () => {
    assert.ok(path.isAbsolute(demoRegisterFile));
    assert.equal(
      demoRegisterFile,
      fileURLToPath(new URL('../../../data-files/demo-population-register.json', import.meta.url)),
    );
  });

  it('holds at least 20 persons, all with valid temporary identity codes matching their birth dates', () => {
    assert.ok(persons.length >= 20, `only ${persons.length} persons`);
    for (const person of persons) {
      const parsed = parseIdentityCode(person.identityCode);
      assert.ok(parsed, `${person.lastName}: invalid identity code`);
      assert.ok(
        parsed.temporary,
        `${person.lastName}: individual number ${parsed.individualNumber} is not 900–999`,
      );
      assert.equal(parsed.birthDate, person.birthDate);
    }
  });

  it('covers every profile the demo needs', () => {
    const profiles: Record<string, (p: (typeof persons)[number]) => boolean> = {
      'address protection': (p) => p.addressProtection,
      deceased: (p) => p.deceased,
      'child with century sign A': (p) => p.birthDate >= '2015-01-01' && p.identityCode[6] === 'A',
      'no email': (p) => p.email === null,
      'Swedish-speaking': (p) => p.language === 'sv',
      'English-speaking': (p) => p.language === 'en',
      'century sign Y': (p) => p.identityCode[6] === 'Y',
      'century sign B': (p) => p.identityCode[6] === 'B',
      'address abroad': (p) => p.address !== null && p.address.countryCode !== 'FI',
      'no address': (p) => p.address === null,
    };
    for (const [profile, test] of Object.entries(profiles)) {
      assert.ok(persons.some(test), `nobody in the demo register has: ${profile}`);
    }
    const cities = new Set(persons.map((p) => p.address?.city));
    for (const city of ['Ylitornio', 'Askola', 'Savitaipale', 'Kankaanpää', 'Ylivieska']) {
      assert.ok(cities.has(city), `nobody lives in ${city}`);
    }
  });

  it('uses only reserved example e-mail domains', () => {
    for (const person of persons) {
      if (person.email !== null) assert.match(person.email, /@example\.(fi|com)$/);
    }
  });

  it('finds Kimmo Mäkinen and Maija Meikäläinen', async () => {
    const summary = async (identityCode: string) => {
      const person = await register.findByIdentityCode(identityCode);
      assert.ok(person, identityCode);
      const { firstNames, lastName, birthDate, email, language } = person;
      return { firstNames, lastName, birthDate, email, language, city: person.address?.city };
    };
    assert.deepEqual(await summary('270570-901K'), {
      firstNames: 'Kimmo',
      lastName: 'Mäkinen',
      birthDate: '1970-05-27',
      email: 'kimmo.makinen@example.fi',
      language: 'fi',
      city: 'Ylivieska',
    });
    assert.deepEqual(await summary('010180-9026'), {
      firstNames: 'Maija',
      lastName: 'Meikäläinen',
      birthDate: '1980-01-01',
      email: 'mai.ja.meikalainen@example.fi',
      language: 'fi',
      city: 'Askola',
    });
  });

  it('answers undefined for a code it does not know, or a non-canonical spelling', async () => {
    assert.equal(await register.findByIdentityCode('010101-900R'), undefined);
    assert.equal(await register.findByIdentityCode('not a code'), undefined);
    assert.equal(await register.findByIdentityCode('270570-901k'), undefined);
  });

  it('does not let callers change the register', async () => {
    const listed = register.list();
    listed.pop();
    assert.equal(register.list().length, persons.length);
    const k = await register.findByIdentityCode('270570-901K');
    assert.ok(k && Object.isFrozen(k) && Object.isFrozen(k.address));
  });
});

describe('FilePopulationRegister.fromText', () => {
  it('applies defaults for the optional fields', async () => {
    const register = FilePopulationRegister.fromText(doc(kimmo), 'register.json');
    assert.deepEqual(await register.findByIdentityCode(kimmo.identityCode), {
      ...kimmo,
      email: null,
      address: null,
      language: 'fi',
      addressProtection: false,
      deceased: false,
    });
  });

  it('accepts explicit nulls, normalises e-mail, and keeps file order', () => {
    const text = doc(
      {
        ...maija,
        email: ' Maija@EXAMPLE.FI ',
        address: { ...address, countryCode: 'AX', postalCode: '22100' },
      },
      { ...kimmo, email: null, address: null, language: 'sv', addressProtection: true, deceased: true },
    );
    const [m, k] = FilePopulationRegister.fromText(text, 'register.json').list();
    assert.equal(m?.email, 'Maija@example.fi');
    assert.equal(m?.address?.countryCode, 'AX');
    assert.equal(k?.email, null);
    assert.equal(k?.address, null);
    assert.equal(k?.language, 'sv');
    assert.equal(k?.addressProtection, true);
    assert.equal(k?.deceased, true);
  });

  it('accepts foreign postal code formats', () => {
    const text = doc({
      ...kimmo,
      address: { ...address, postalCode: 'SW1A 1AA', city: 'London', countryCode: 'GB' },
    });
    assert.equal(
      FilePopulationRegister.fromText(text, 'register.json').list()[0]?.address?.postalCode,
      'SW1A 1AA',
    );
  });

  it('accepts an empty register, a byte order mark and CRLF line ends', () => {
    assert.equal(FilePopulationRegister.fromText('{ "persons": [] }', 'register.json').list().length, 0);
    const text = '\uFEFF' + doc(kimmo, { ...maija, lastName: 7 }).replaceAll('\n', '\r\n');
    assertRejects(
      text,
      lineOf(doc(kimmo, maija), '"Meikäläinen"'),
      'persons[1].lastName',
      /must be a string/,
    );
  });

  describe('rejects, naming the line and field', () => {
    it('JSON syntax errors', () => {
      const missingComma = doc(kimmo, maija).replace('"Maija",', '"Maija"');
      assertRejects(
        missingComma,
        lineOf(missingComma, '"lastName"', 1),
        'persons[1].lastName',
        /comma expected/,
      );

      const trailingComma = doc(kimmo).replace('"1970-05-27"', '"1970-05-27",');
      assertRejects(
        trailingComma,
        lineOf(trailingComma, '"1970-05-27"') + 1,
        'persons[0]',
        /field name expected/,
      );

      const comment = doc(kimmo).replace('"persons"', '// people\n  "persons"');
      assertRejects(comment, 2, '(root)', /comments are not allowed/);

      const unterminated = '{\n  "persons": [\n    {\n      "identityCode": "270570-901K\n    }\n  ]\n}\n';
      assertRejects(unterminated, 4, 'persons[0].identityCode', /unterminated string/);

      assertRejects('{ "persons": [] }\n{}\n', 2, '(root)', /after the end/);
      assertRejects('  \n', 1, undefined, /empty/);
    });

    it('the wrong document shape', () => {
      assertRejects('[]', 1, '(root)', /must be an object, not an array/);
      assertRejects('{\n  "people": []\n}', 2, 'people', /unknown field \(allowed: persons\)/);
      assertRejects('{\n}', 1, 'persons', /required field is missing/);
      assertRejects('{\n  "persons": {}\n}', 2, 'persons', /must be an array, not an object/);
      assertRejects(
        '{\n  "persons": [\n    "270570-901K"\n  ]\n}',
        3,
        'persons[0]',
        /must be an object, not a string/,
      );
    });

    it('unknown and repeated fields', () => {
      const unknown = doc(kimmo, { ...maija, nickname: 'Mara' });
      assertRejects(unknown, lineOf(unknown, '"nickname"'), 'persons[1].nickname', /unknown field/);

      const unknownInAddress = doc({ ...kimmo, address: { ...address, floor: 3 } });
      assertRejects(
        unknownInAddress,
        lineOf(unknownInAddress, '"floor"'),
        'persons[0].address.floor',
        /unknown/,
      );

      // A misplaced value used as a key must not be echoed through the field path.
      const codeAsKey = doc({ ...kimmo, '010180-9026': true });
      assertRejects(codeAsKey, lineOf(codeAsKey, '"010180-9026"'), 'persons[0].<field>', /unknown field/);

      const repeated = doc(kimmo).replace(
        '"firstNames": "Kimmo",',
        '"firstNames": "Kimmo",\n "firstNames": "K",',
      );
      assertRejects(repeated, lineOf(repeated, '"firstNames"', 1), 'persons[0].firstNames', /more than once/);
    });

    it('missing required fields, at the line where the person starts', () => {
      const { lastName: _omit, ...noLastName } = maija;
      const text = doc(kimmo, noLastName);
      assertRejects(
        text,
        lineOf(text, '"identityCode"', 1) - 1,
        'persons[1].lastName',
        /required field is missing/,
      );

      const { city: _city, ...noCity } = address;
      const text2 = doc({ ...kimmo, address: noCity });
      assertRejects(
        text2,
        lineOf(text2, '"address"'),
        'persons[0].address.city',
        /required field is missing/,
      );
    });

    it('wrong types', () => {
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ ...kimmo, firstNames: 42 }, 'persons[0].firstNames', /must be a string, not a number/],
        [{ ...kimmo, identityCode: null }, 'persons[0].identityCode', /must be a string, not null/],
        [{ ...kimmo, email: false }, 'persons[0].email', /must be a string or null, not a boolean/],
        [
          { ...kimmo, address: 'Kirkkotie 4' },
          'persons[0].address',
          /must be an object or null, not a string/,
        ],
        [{ ...kimmo, addressProtection: 'yes' }, 'persons[0].addressProtection', /must be true or false/],
        [{ ...kimmo, deceased: 1 }, 'persons[0].deceased', /must be true or false, not a number/],
        [{ ...kimmo, language: null }, 'persons[0].language', /must be a string, not null/],
        [
          { ...kimmo, address: { ...address, postalCode: 7500 } },
          'persons[0].address.postalCode',
          /a string/,
        ],
        [{ ...kimmo, lastName: '  ' }, 'persons[0].lastName', /must not be empty/],
        [{ ...kimmo, firstNames: 'Kim\tmo' }, 'persons[0].firstNames', /control characters/],
      ];
      for (const [person, fieldPath, problem] of cases) {
        const text = doc(person);
        const field = fieldPath.split('.').at(-1)!;
        assertRejects(text, lineOf(text, `"${field}"`), fieldPath, problem);
      }
    });

    it('invalid identity codes without echoing them', () => {
      for (const bad of [
        '270570-901L',
        '270570-901k',
        ' 270570-901K',
        '310270-901K',
        '270570-001K',
        '27057-0901K',
      ]) {
        const text = doc(maija, { ...kimmo, identityCode: bad });
        assertRejects(
          text,
          lineOf(text, '"identityCode"', 1),
          'persons[1].identityCode',
          /^not a valid personal identity code$/,
        );
      }
    });

    it('a birth date that does not match the identity code, or is badly written', () => {
      const mismatch = doc({ ...kimmo, birthDate: '1970-05-28' });
      assertRejects(mismatch, lineOf(mismatch, '"birthDate"'), 'persons[0].birthDate', /does not match/);
      const format = doc({ ...kimmo, birthDate: '27.05.1970' });
      assertRejects(format, lineOf(format, '"birthDate"'), 'persons[0].birthDate', /YYYY-MM-DD/);
    });

    it('duplicate identity codes, pointing at the second and naming the first by index', () => {
      const text = doc(kimmo, maija, { ...kimmo, firstNames: 'Kimmo Juhani' });
      assertRejects(
        text,
        lineOf(text, '"270570-901K"', 1),
        'persons[2].identityCode',
        /^same identity code as persons\[0\]$/,
      );
    });

    it('bad postal and country codes', () => {
      for (const postalCode of ['0750', '075000', '07 500', 'FI-07500']) {
        const text = doc({ ...kimmo, address: { ...address, postalCode } });
        assertRejects(text, lineOf(text, '"postalCode"'), 'persons[0].address.postalCode', /five digits.*FI/);
      }
      const foreign = doc({ ...kimmo, address: { ...address, countryCode: 'SE', postalCode: '#1' } });
      assertRejects(foreign, lineOf(foreign, '"postalCode"'), 'persons[0].address.postalCode', /not a valid/);
      for (const countryCode of ['FIN', 'fi', 'XX', 'EU', '']) {
        const text = doc({ ...kimmo, address: { ...address, countryCode } });
        assertRejects(text, lineOf(text, '"countryCode"'), 'persons[0].address.countryCode', /ISO 3166-1/);
      }
    });

    it('a language other than fi, sv or en', () => {
      for (const language of ['se', 'FI', 'suomi', '']) {
        const text = doc(kimmo, { ...maija, language });
        assertRejects(text, lineOf(text, '"language"'), 'persons[1].language', /must be one of fi, sv, en/);
      }
    });

    it('invalid e-mail addresses without echoing them', () => {
      for (const email of ['kimmo.makinen', 'kimmo@', 'kimmo makinen@example.fi', '@example.fi']) {
        const text = doc({ ...kimmo, email });
        assertRejects(text, lineOf(text, '"email"'), 'persons[0].email', /^not a valid email address$/);
      }
    });
  });
});

describe('FilePopulationRegister.load', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'population-register-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file and names it in errors', () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, doc(kimmo, maija));
    assert.equal(FilePopulationRegister.load(good).list().length, 2);

    const bad = path.join(dir, 'bad.json');
    const badText = doc(kimmo, { ...maija, language: 'de' });
    writeFileSync(bad, badText);
    assert.throws(() => FilePopulationRegister.load(bad), {
      name: 'RegisterFileError',
      message: `${bad}:${lineOf(badText, '"language"')}: persons[1].language: must be one of fi, sv, en`,
    });
  });

  it('reports a missing file or one that is not UTF-8 without a line number', () => {
    const missing = path.join(dir, 'missing.json');
    assert.throws(() => FilePopulationRegister.load(missing), {
      name: 'RegisterFileError',
      message: `${missing}: cannot read the file (ENOENT)`,
    });
    const latin1 = path.join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from(doc(kimmo), 'latin1'));
    assert.throws(() => FilePopulationRegister.load(latin1), {
      message: `${latin1}: the file is not UTF-8 text`,
    });
  });
});
