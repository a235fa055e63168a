import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree, printParseErrorCode, findNodeAtOffset, getNodePath } from 'jsonc-parser';
import type { Node as JsonNode, JSONPath, ParseError } from 'jsonc-parser';
import { isValidIdentityCode, parseIdentityCode } from '../../domain/identity-code.js';
import { normaliseEmail } from '../../domain/email.js';
import type { Language, PopulationRegister, PostalAddress, RegisteredPerson } from './population-register.js';

/**
 * A problem in a register file. The message is one line, `<file>:<line>: <field path>: <problem>`,
 * so an operator can jump straight to it. It never contains values from the file: the register
 * holds personal data, and start-up errors end up in logs.
 */
export class RegisterFileError extends Error {
  override name = 'RegisterFileError';

  constructor(
    readonly fileName: string,
    /** 1-based; undefined when the file could not be read at all. */
    readonly line: number | undefined,
    /** E.g. `persons[2].address.postalCode`; undefined when the problem is the file itself. */
    readonly fieldPath: string | undefined,
    readonly problem: string,
  ) {
    super(
      `${fileName}${line === undefined ? '' : `:${line}`}: ${fieldPath === undefined ? '' : `${fieldPath}: `}${problem}`,
    );
  }
}

const languages: readonly Language[] = ['fi', 'sv', 'en'];
const personFields = [
  'identityCode',
  'firstNames',
  'lastName',
  'birthDate',
  'email',
  'address',
  'language',
  'addressProtection',
  'deceased',
] as const;
const addressFields = ['streetAddress', 'postalCode', 'city', 'countryCode'] as const;

/** Longest name, street or city we accept; far beyond real data, short enough to catch pasted junk. */
const maxTextLength = 200;

/** Countries whose postal codes are five digits (Åland uses Finland's postal code system). */
const fiveDigitPostalCountries = new Set(['FI', 'AX']);

/** Intl knows these as regions, but they are groupings or placeholders, not countries. */
const nonCountryRegions = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || nonCountryRegions.has(code)) return false;
  try {
    return regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

/** Human wording for jsonc-parser's error codes; the raw names mean little to an operator. */
const syntaxProblems: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'field name expected (is there a trailing comma?)',
  ValueExpected: 'value expected (is there a trailing comma?)',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing } expected',
  CloseBracketExpected: 'closing ] expected',
  EndOfFileExpected: 'unexpected content after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'control character in string (use an escape sequence)',
};

/** `persons[2].address.postalCode`; the empty path is the whole document. */
function formatPath(jsonPath: JSONPath): string {
  let out = '';
  for (const segment of jsonPath) {
    if (typeof segment === 'number') out += `[${segment}]`;
    // Field names come from the file; print only ones that look like identifiers so that a
    // misplaced value (say an identity code used as a key) is not echoed into the logs.
    else if (/^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += out === '' ? '<field>' : '.<field>';
  }
  return out === '' ? '(root)' : out;
}

function typeName(node: JsonNode): string {
  if (node.type === 'null') return 'null';
  return node.type === 'object' || node.type === 'array' ? `an ${node.type}` : `a ${node.type}`;
}

interface Field {
  key: JsonNode;
  value: JsonNode;
}

/** Walks one parsed document; every failure carries the node's line and path. */
class Reader {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly source: string,
    private readonly fileName: string,
  ) {
    // A lone CR counts as a line break too, matching what editors show.
    for (let i = 0; i < source.length; i++) {
      const ch = source.charCodeAt(i);
      if (ch === 0x0a || (ch === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) this.lineStarts.push(i + 1);
    }
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  fail(offset: number, jsonPath: JSONPath | undefined, problem: string): never {
    throw new RegisterFileError(
      this.fileName,
      this.lineOf(offset),
      jsonPath === undefined ? undefined : formatPath(jsonPath),
      problem,
    );
  }

  parse(): JsonNode {
    // Caught here because the parser would call it a missing value, which sends people looking
    // for a stray comma.
    if (this.source.trim() === '') this.fail(0, undefined, 'the file is empty');
    const errors: ParseError[] = [];
    const root = parseTree(this.source, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first) {
      // Name the innermost value around the error when the partial tree has one; it tells the
      // operator which person to look at, not just which line.
      const near = root ? findNodeAtOffset(root, first.offset) : undefined;
      let nearPath: JSONPath = [];
      try {
        if (near) nearPath = getNodePath(near);
      } catch {
        // A broken partial tree only costs us the path; the line number is still right.
      }
      const problem = syntaxProblems[printParseErrorCode(first.error)] ?? 'invalid JSON';
      this.fail(first.offset, nearPath, `JSON syntax error: ${problem}`);
    }
    if (!root) this.fail(0, undefined, 'the file is empty');
    return root;
  }

  /** The fields of an object node, rejecting duplicates and names outside `allowed`. */
  fields(node: JsonNode, jsonPath: JSONPath, allowed: readonly string[]): Map<string, Field> {
    if (node.type !== 'object') this.fail(node.offset, jsonPath, `must be an object, not ${typeName(node)}`);
    const out = new Map<string, Field>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      // parseTree reports incomplete properties as syntax errors, so both halves exist here.
      if (!key || !value) this.fail(property.offset, jsonPath, 'incomplete field');
      const name = String(key.value);
      const fieldPath = [...jsonPath, name];
      if (!allowed.includes(name)) {
        this.fail(key.offset, fieldPath, `unknown field (allowed: ${allowed.join(', ')})`);
      }
      // JSON.parse would silently keep the last one; an operator editing by hand deserves to know.
      if (out.has(name)) this.fail(key.offset, fieldPath, 'field appears more than once');
      out.set(name, { key, value });
    }
    return out;
  }

  required(fields: Map<string, Field>, object: JsonNode, jsonPath: JSONPath, name: string): JsonNode {
    const field = fields.get(name);
    if (!field) this.fail(object.offset, [...jsonPath, name], 'required field is missing');
    return field.value;
  }

  string(node: JsonNode, jsonPath: JSONPath, expected = 'a string'): string {
    if (node.type !== 'string') {
      this.fail(node.offset, jsonPath, `must be ${expected}, not ${typeName(node)}`);
    }
    return node.value as string;
  }

  /** A human-readable text field: trimmed, non-empty, single line, bounded length. */
  plainText(node: JsonNode, jsonPath: JSONPath): string {
    const value = this.string(node, jsonPath).trim();
    if (value === '') this.fail(node.offset, jsonPath, 'must not be empty');
    if (value.length > maxTextLength) {
      this.fail(node.offset, jsonPath, `must be at most ${maxTextLength} characters`);
    }
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
      this.fail(node.offset, jsonPath, 'must not contain line breaks or control characters');
    }
    return value;
  }

  boolean(node: JsonNode | undefined, jsonPath: JSONPath, fallback: boolean): boolean {
    if (node === undefined) return fallback;
    if (node.type !== 'boolean') {
      this.fail(node.offset, jsonPath, `must be true or false, not ${typeName(node)}`);
    }
    return node.value as boolean;
  }
}

function readPerson(reader: Reader, node: JsonNode, index: number): RegisteredPerson {
  const at: JSONPath = ['persons', index];
  const fields = reader.fields(node, at, personFields);
  const need = (name: string): JsonNode => reader.required(fields, node, at, name);

  const codeNode = need('identityCode');
  // Taken exactly as written, like the domain rules: no case folding or trimming, so one person
  // cannot hide under two spellings and slip past the duplicate check.
  const identityCode = reader.string(codeNode, [...at, 'identityCode']);
  const parsed = isValidIdentityCode(identityCode) ? parseIdentityCode(identityCode) : null;
  if (!parsed) reader.fail(codeNode.offset, [...at, 'identityCode'], 'not a valid personal identity code');

  const firstNames = reader.plainText(need('firstNames'), [...at, 'firstNames']);
  const lastName = reader.plainText(need('lastName'), [...at, 'lastName']);

  const birthNode = need('birthDate');
  const birthDate = reader.string(birthNode, [...at, 'birthDate']);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    reader.fail(birthNode.offset, [...at, 'birthDate'], 'must be a date in the form YYYY-MM-DD');
  }
  // The code encodes the birth date, so a mismatch means one of the two was typed wrong.
  if (birthDate !== parsed.birthDate) {
    reader.fail(birthNode.offset, [...at, 'birthDate'], 'does not match the birth date in identityCode');
  }

  let email: string | null = null;
  const emailNode = fields.get('email')?.value;
  if (emailNode && emailNode.type !== 'null') {
    email = normaliseEmail(reader.string(emailNode, [...at, 'email'], 'a string or null'));
    if (email === null) reader.fail(emailNode.offset, [...at, 'email'], 'not a valid email address');
  }

  let address: PostalAddress | null = null;
  const addressNode = fields.get('address')?.value;
  if (addressNode && addressNode.type !== 'null') {
    if (addressNode.type !== 'object') {
      reader.fail(
        addressNode.offset,
        [...at, 'address'],
        `must be an object or null, not ${typeName(addressNode)}`,
      );
    }
    address = readAddress(reader, addressNode, [...at, 'address']);
  }

  let language: Language = 'fi';
  const languageNode = fields.get('language')?.value;
  if (languageNode) {
    const value = reader.string(languageNode, [...at, 'language']);
    if (!(languages as readonly string[]).includes(value)) {
      reader.fail(languageNode.offset, [...at, 'language'], `must be one of ${languages.join(', ')}`);
    }
    language = value as Language;
  }

  return Object.freeze({
    identityCode,
    firstNames,
    lastName,
    birthDate,
    email,
    address,
    language,
    addressProtection: reader.boolean(
      fields.get('addressProtection')?.value,
      [...at, 'addressProtection'],
      false,
    ),
    deceased: reader.boolean(fields.get('deceased')?.value, [...at, 'deceased'], false),
  });
}

function readAddress(reader: Reader, node: JsonNode, at: JSONPath): PostalAddress {
  const fields = reader.fields(node, at, addressFields);
  const need = (name: string): JsonNode => reader.required(fields, node, at, name);

  const streetAddress = reader.plainText(need('streetAddress'), [...at, 'streetAddress']);

  // Country first: which postal code format is right depends on it.
  const countryNode = need('countryCode');
  const countryCode = reader.string(countryNode, [...at, 'countryCode']);
  if (!isCountryCode(countryCode)) {
    reader.fail(countryNode.offset, [...at, 'countryCode'], 'must be an ISO 3166-1 alpha-2 code such as FI');
  }

  const postalNode = need('postalCode');
  const postalCode = reader.string(postalNode, [...at, 'postalCode']);
  if (fiveDigitPostalCountries.has(countryCode)) {
    if (!/^\d{5}$/.test(postalCode)) {
      reader.fail(
        postalNode.offset,
        [...at, 'postalCode'],
        `must be five digits when countryCode is ${countryCode}`,
      );
    }
  } else if (!/^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,14}[A-Za-z0-9])?$/.test(postalCode)) {
    // Foreign formats vary too much to check exactly; this still stops blanks and stray punctuation.
    reader.fail(postalNode.offset, [...at, 'postalCode'], 'not a valid postal code');
  }

  const city = reader.plainText(need('city'), [...at, 'city']);
  return Object.freeze({ streetAddress, postalCode, city, countryCode });
}

/**
 * Population register read from a JSON file at start-up. Meant for demos, tests and small
 * deployments that receive a register extract; the whole file is validated before the service
 * starts so that a typo is caught by the operator rather than by a citizen.
 */
export class FilePopulationRegister implements PopulationRegister {
  private readonly byCode: ReadonlyMap<string, RegisteredPerson>;

  private constructor(private readonly persons: readonly RegisteredPerson[]) {
    this.byCode = new Map(persons.map((person) => [person.identityCode, person]));
  }

  /** Reads and validates the file; throws RegisterFileError on any problem. */
  static load(filePath: string): FilePopulationRegister {
    let bytes: Buffer;
    try {
      bytes = readFileSync(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new RegisterFileError(filePath, undefined, undefined, `cannot read the file (${code})`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new RegisterFileError(filePath, undefined, undefined, 'the file is not UTF-8 text');
    }
    return FilePopulationRegister.fromText(text, filePath);
  }

  /** Validates register text; `fileName` is used only in error messages. */
  static fromText(text: string, fileName: string): FilePopulationRegister {
    // Editors on Windows like to add a byte order mark; it is not a line break, so lines stay right.
    const reader = new Reader(text.startsWith('\uFEFF') ? text.slice(1) : text, fileName);
    const root = reader.parse();
    const rootFields = reader.fields(root, [], ['persons']);
    const list = reader.required(rootFields, root, [], 'persons');
    if (list.type !== 'array') {
      reader.fail(list.offset, ['persons'], `must be an array, not ${typeName(list)}`);
    }

    const persons: RegisteredPerson[] = [];
    const firstIndex = new Map<string, number>();
    (list.children ?? []).forEach((node, index) => {
      const person = readPerson(reader, node, index);
      const earlier = firstIndex.get(person.identityCode);
      if (earlier !== undefined) {
        // Point at the second occurrence and name the first by index only, never by value.
        const codeNode = node.children?.find((p) => p.children?.[0]?.value === 'identityCode')?.children?.[1];
        reader.fail(
          codeNode?.offset ?? node.offset,
          ['persons', index, 'identityCode'],
          `same identity code as persons[${earlier}]`,
        );
      }
      firstIndex.set(person.identityCode, index);
      persons.push(person);
    });
    return new FilePopulationRegister(persons);
  }

  findByIdentityCode(identityCode: string): Promise<RegisteredPerson | undefined> {
    // Exact match: codes in the file are canonical, and callers validate what a person typed.
    return Promise.resolve(this.byCode.get(identityCode));
  }

  /** Everyone in file order; used by the demo login page and administrative tools. */
  list(): RegisteredPerson[] {
    return [...this.persons];
  }
}

/**
 * The repository root: the nearest ancestor with package.json and data-files/. Walking up works
 * from src/modules/… under tsx and from dist/src/modules/… after tsc, which does not copy JSON.
 * The data-files check skips any package.json a build step might drop into dist/.
 */
function findRepositoryRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'data-files'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Absolute path of the bundled demo register. If the root cannot be found the path still points
 * where the source layout would put it, so loading fails with a clear "cannot read" error rather
 * than this module failing to import.
 */
export const demoRegisterFile: string = path.join(
  findRepositoryRoot(moduleDir) ?? path.resolve(moduleDir, '..', '..', '..'),
  'data-files',
  'demo-population-register.json',
);
