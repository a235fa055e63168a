import fs from 'node:fs';
import path from 'node:path';
import { identityCodeLikePattern, isValidIdentityCode } from '../../src/domain/identity-code.js';

/**
 * The scanning half of the leak scan (issue 14 §4): reads the log lines and the recorded secrets a
 * test run left in a directory (test/helpers/leak-record.ts writes them) and names every line that
 * holds something a log must never hold:
 *
 * - a checksum-valid Finnish identity code, recorded or not (the logger masks the shape, so one that
 *   shows here went around it);
 * - a recorded secret (message title, body or attachment name, password, API token, session cookie,
 *   CSRF token, identity code), as sent or as it reads escaped inside a JSON line or a URL;
 * - a bearer credential or a JWT, recorded or not;
 * - a password field with a value ("password":"…", password=…), recorded or not.
 *
 * Which recorded values count: at least 8 characters, of which at least 5 different. Shorter or
 * monotonous values ("Test", "Hakemus", "xxxxxxxxxx", a locale cookie "fi") occur in legitimate log
 * lines by chance, so matching them would bury real findings in noise; the values tests send as
 * content and every issued credential are far longer. A finding never prints the secret: only its
 * kind, its first two characters and its length, inside the surrounding text.
 *
 * One more exclusion: a recorded value that is a single word of the application's own source (src/),
 * such as `__proto__`, which the fuzz test sends as a password and the API names in its refusals, is
 * the application's vocabulary, not a secret of the test's. Values with a space or punctuation
 * (titles, bodies, file names, generated credentials with "-") are never excluded this way.
 */

export type SecretKind = 'identity code' | 'message text' | 'attachment name' | 'password' | 'token';

export interface RecordedSecret {
  kind: SecretKind;
  value: string;
}

export interface Leak {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  /** Where the line came from (the helper's tag: "app", "cli serve", …). */
  source: string;
  kind: string;
  /** The surrounding text with the finding replaced by its kind, first two characters and length. */
  excerpt: string;
}

export const minimumSecretLength = 8;
export const minimumDistinctCharacters = 5;

/** Whether a recorded value is specific enough to look for (see the module comment). */
export function isScannable(value: string, vocabulary: ReadonlySet<string> = new Set()): boolean {
  return (
    value.length >= minimumSecretLength &&
    new Set(value).size >= minimumDistinctCharacters &&
    !vocabulary.has(value)
  );
}

const wordPattern = /[A-Za-z0-9_$]{8,}/g;

/** The single words (identifier-like, 8 characters or more) of every source file under `dir`. */
export function sourceVocabulary(dir: string): Set<string> {
  const words = new Set<string>();
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    const name = String(entry);
    if (!/\.(ts|tsx)$/.test(name)) continue;
    for (const match of fs.readFileSync(path.join(dir, name), 'utf8').matchAll(wordPattern))
      words.add(match[0]);
  }
  return words;
}

/** Patterns found without any recording, with the part of the match that is the secret (group 1). */
const shapePatterns: Array<{ kind: string; pattern: RegExp }> = [
  { kind: 'bearer token', pattern: /\bBearer\s+(?!\[redacted\])([A-Za-z0-9\-._~+/]{8,}=*)/g },
  { kind: 'jwt', pattern: /\b(eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)/g },
  {
    kind: 'password',
    pattern:
      /\\?"(?:password|newPassword|currentPassword|client_secret|passwd)\\?"\s*:\s*\\?"(?!\[redacted\])([^"\\]+)/gi,
  },
  { kind: 'password', pattern: /\b(?:password|passwd|pwd)=(?!\[redacted\])([^\s&"'\\]+)/gi },
];

interface Needle {
  kind: SecretKind;
  text: string;
}

/** A recorded secret as it may appear in a line: as is, escaped inside JSON text, or URL-encoded. */
function needlesOf(secret: RecordedSecret): Needle[] {
  const forms = new Set([secret.value, JSON.stringify(secret.value).slice(1, -1)]);
  forms.add(encodeURIComponent(secret.value));
  return [...forms].map((text) => ({ kind: secret.kind, text }));
}

/**
 * Finds recorded secrets in a line. Needles are indexed by their first `minimumSecretLength`
 * characters, so a line costs one map lookup per position however many secrets a run recorded
 * (thousands, against hundreds of thousands of lines).
 */
export class SecretIndex {
  private readonly byPrefix = new Map<string, Needle[]>();

  constructor(secrets: Iterable<RecordedSecret>, vocabulary: ReadonlySet<string> = new Set()) {
    for (const secret of secrets) {
      if (!isScannable(secret.value, vocabulary)) continue;
      for (const needle of needlesOf(secret)) {
        const prefix = needle.text.slice(0, minimumSecretLength);
        const list = this.byPrefix.get(prefix) ?? [];
        if (!list.some((n) => n.text === needle.text)) list.push(needle);
        this.byPrefix.set(prefix, list);
      }
    }
  }

  get size(): number {
    return this.byPrefix.size;
  }

  find(line: string): Array<{ kind: string; start: number; end: number }> {
    const found: Array<{ kind: string; start: number; end: number }> = [];
    for (let i = 0; i + minimumSecretLength <= line.length; i++) {
      const candidates = this.byPrefix.get(line.slice(i, i + minimumSecretLength));
      if (!candidates) continue;
      for (const needle of candidates) {
        if (line.startsWith(needle.text, i)) {
          found.push({ kind: needle.kind, start: i, end: i + needle.text.length });
        }
      }
    }
    return found;
  }
}

/**
 * The one place a person's code is printed on purpose: `serve --demo` tells the developer, on the
 * terminal (stderr, not the JSON log), which fictitious persons of the demo register to identify as
 * ("  010180-9026  Maija Meikäläinen – …"). Only that shape, from that command, is let through.
 */
const demoBannerLine = /^(?:asiointitili: )? {2}\d{6}[-+A-FU-Y]\d{3}[0-9A-Y] {2}\S/;

/** Every finding in one line of text, by kind and position. */
export function findingsInLine(
  line: string,
  index: SecretIndex,
  source = '',
): Array<{ kind: string; start: number; end: number }> {
  const found = index.find(line);
  for (const match of line.matchAll(new RegExp(identityCodeLikePattern.source, 'g'))) {
    if (isValidIdentityCode(match[0])) {
      found.push({ kind: 'identity code', start: match.index, end: match.index + match[0].length });
    }
  }
  for (const { kind, pattern } of shapePatterns) {
    for (const match of line.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const secret = match[1]!;
      const start = match.index + match[0].lastIndexOf(secret);
      found.push({ kind, start, end: start + secret.length });
    }
  }
  if (source.startsWith('cli serve') && demoBannerLine.test(line)) {
    return found.filter((finding) => finding.kind !== 'identity code');
  }
  return found;
}

/** The text around a finding, with the finding itself reduced to its kind, two characters and length. */
export function redactedExcerpt(line: string, finding: { kind: string; start: number; end: number }): string {
  const secret = line.slice(finding.start, finding.end);
  const before = line.slice(Math.max(0, finding.start - 40), finding.start);
  const after = line.slice(finding.end, finding.end + 40);
  // The context may hold another finding; identity-code shapes at least are masked there too.
  const mask = (text: string) => text.replace(new RegExp(identityCodeLikePattern.source, 'g'), '[hetu]');
  return `${mask(before)}[${finding.kind}: ${secret.slice(0, 2)}…, ${secret.length} chars]${mask(after)}`;
}

/** Reads the recorded secrets (secrets-*.jsonl) of a directory. */
export function readSecrets(dir: string): RecordedSecret[] {
  const secrets: RecordedSecret[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.startsWith('secrets-') && n.endsWith('.jsonl'))) {
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (line.trim()) secrets.push(JSON.parse(line) as RecordedSecret);
    }
  }
  return secrets;
}

/** Scans every log file (logs-*.log) of a directory against the secrets recorded there. */
export function scanDirectory(
  dir: string,
  vocabulary: ReadonlySet<string> = new Set(),
): { leaks: Leak[]; files: number; lines: number; secrets: number } {
  const secrets = readSecrets(dir);
  const index = new SecretIndex(secrets, vocabulary);
  const leaks: Leak[] = [];
  let lines = 0;
  const files = fs.readdirSync(dir).filter((n) => n.startsWith('logs-') && n.endsWith('.log'));
  for (const name of files.sort()) {
    const file = path.join(dir, name);
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (!text) return;
        lines += 1;
        const tab = text.indexOf('\t');
        const source = tab >= 0 ? text.slice(0, tab) : '';
        const line = tab >= 0 ? text.slice(tab + 1) : text;
        for (const finding of findingsInLine(line, index, source)) {
          leaks.push({
            file,
            line: i + 1,
            source,
            kind: finding.kind,
            excerpt: redactedExcerpt(line, finding),
          });
        }
      });
  }
  return {
    leaks,
    files: files.length,
    lines,
    secrets: secrets.filter((s) => isScannable(s.value, vocabulary)).length,
  };
}
