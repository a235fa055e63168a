import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { isValidIdentityCode } from '../../src/domain/identity-code.js';
import type { SecretKind } from './leak-scanner.js';

/**
 * The recording half of the leak scan (issue 14 §4; scripts/leak-scan.ts is the scanning half).
 * When LEAK_SCAN_DIR is set (scripts/run-tests.mjs sets it for the database and browser phases),
 * every log line the test helpers capture is appended to `logs-<pid>.log` there, and every sensitive
 * value the helpers send or are issued (identity codes, message titles, bodies and attachment names,
 * passwords, API tokens, session cookies, CSRF tokens) to `secrets-<pid>.jsonl`. Without the
 * variable nothing is written and nothing changes.
 *
 * Recording happens in the few helpers everything passes through (the harness's log stream and its
 * `inject`, the fixtures, the session helpers, the CLI runners), not in individual tests. Writes are
 * synchronous appends so that a test process killed by the runner loses nothing already recorded.
 */
export const leakScanDir: string | undefined = process.env.LEAK_SCAN_DIR || undefined;

let logFd: number | undefined;
let secretFd: number | undefined;
const recorded = new Set<string>();

function open(kind: 'logs' | 'secrets'): number {
  fs.mkdirSync(leakScanDir!, { recursive: true });
  const name = kind === 'logs' ? `logs-${process.pid}.log` : `secrets-${process.pid}.jsonl`;
  return fs.openSync(path.join(leakScanDir!, name), 'a');
}

/** Appends log lines (text split at newlines) tagged with where they came from ("app", "cli serve"…). */
export function recordLogLines(source: string, text: string): void {
  if (!leakScanDir || !text) return;
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return;
  logFd ??= open('logs');
  fs.writeSync(logFd, lines.map((line) => `${source}\t${line}\n`).join(''));
}

/**
 * A log destination for contexts whose logger is otherwise silent (contexts shared with child
 * processes): under the leak scan they log at info level into the scan, so what they would tell an
 * operator is scanned too.
 */
export function leakScanLogger(source: string): { level: 'info'; destination: Writable } | undefined {
  if (!leakScanDir) return undefined;
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      recordLogLines(source, chunk.toString('utf8'));
      done();
    },
  });
  return { level: 'info', destination };
}

/** Records a value the logs must never contain. Repeats are written once per process. */
export function recordSecret(kind: SecretKind, value: string | null | undefined): void {
  if (!leakScanDir || typeof value !== 'string' || value === '') return;
  const key = `${kind}\u0000${value}`;
  if (recorded.has(key)) return;
  recorded.add(key);
  secretFd ??= open('secrets');
  fs.writeSync(secretFd, JSON.stringify({ kind, value }) + '\n');
}

/** Field names whose string values are secrets of a kind, wherever they sit in a request or response. */
const kindByField: Readonly<Record<string, SecretKind>> = {
  password: 'password',
  newPassword: 'password',
  currentPassword: 'password',
  client_secret: 'password',
  access_token: 'token',
  accessToken: 'token',
  refresh_token: 'token',
  id_token: 'token',
  token: 'token',
  csrfToken: 'token',
  _csrf: 'token',
  title: 'message text',
  body: 'message text',
  fileName: 'attachment name',
  filename: 'attachment name',
};

/**
 * Records the secrets in a structured value (a request or response body, a command's JSON output):
 * strings under the fields above, and any string that is a valid identity code, at any depth.
 */
export function recordSecretsIn(value: unknown, field?: string): void {
  if (!leakScanDir) return;
  if (typeof value === 'string') {
    // Own fields only: a fuzzed body's "constructor" or "__proto__" key must not reach Object's.
    const kind = field !== undefined && Object.hasOwn(kindByField, field) ? kindByField[field] : undefined;
    if (kind) recordSecret(kind, value);
    if (isValidIdentityCode(value)) recordSecret('identity code', value);
  } else if (Array.isArray(value)) {
    for (const item of value) recordSecretsIn(item, field);
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) recordSecretsIn(item, key);
  }
}

/** A body as text: JSON or a urlencoded form become a structure, anything else is left alone. */
export function recordSecretsInBody(payload: unknown, contentType: string | undefined): void {
  if (!leakScanDir || payload === undefined || payload === null) return;
  if (typeof payload === 'object' && !Buffer.isBuffer(payload)) return recordSecretsIn(payload);
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : String(payload);
  if (contentType?.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      recordSecretsIn(JSON.parse(text));
    } catch {
      // not JSON after all (a fuzzed or deliberately broken body): nothing structured to record
    }
  } else if (contentType?.includes('x-www-form-urlencoded')) {
    recordSecretsIn(Object.fromEntries(new URLSearchParams(text)));
  }
  // A page's forms carry the CSRF token the browser will send back.
  for (const match of text.matchAll(/name="_csrf" value="([^"]+)"/g)) recordSecret('token', match[1]);
}

/** Credentials in request headers: a bearer token, every cookie value. */
export function recordSecretsInHeaders(headers: Record<string, unknown> | undefined): void {
  if (!leakScanDir || !headers) return;
  for (const [name, raw] of Object.entries(headers)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    for (const value of values) {
      const lower = name.toLowerCase();
      if (lower === 'authorization') recordSecret('token', value.replace(/^Bearer\s+/i, ''));
      if (lower === 'cookie') for (const part of value.split(';')) recordCookie(part);
      // A Set-Cookie header: its first attribute pair is the cookie.
      if (lower === 'set-cookie') recordCookie(value.split(';')[0]!);
      if (lower === 'x-csrf-token') recordSecret('token', value);
    }
  }
}

/**
 * A `name=value` pair of the service's own cookies (sessions, login state: all named asiointitili…).
 * The bundled test IdP's cookies are left out: they carry its interaction id, which its own URLs
 * carry by design (/test-idp/interaction/<id>), so every request line of a sign-in would "leak" it.
 */
function recordCookie(pair: string): void {
  const at = pair.indexOf('=');
  if (at > 0 && pair.slice(0, at).includes('asiointitili')) recordSecret('token', pair.slice(at + 1).trim());
}

/**
 * For an app listening on a real socket (browser tests): the credentials of every request and the
 * cookies and CSRF tokens of every response. Request bodies are not read here (that would take the
 * stream from the app), so text a browser types is not recorded; fixtures record what they create.
 */
export function recordSecretsOfServer(server: Server): void {
  if (!leakScanDir) return;
  server.prependListener('request', (request, response) => {
    recordSecretsInHeaders(request.headers);
    const setHeader = response.setHeader.bind(response);
    response.setHeader = (name, value) => {
      recordSecretsInHeaders({ [name]: value });
      return setHeader(name, value);
    };
    // Fastify sends its headers in one writeHead call: (status, [message,] headers).
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => typeof response;
    response.writeHead = ((...args: unknown[]) => {
      for (const arg of args) {
        if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
          recordSecretsInHeaders(arg as Record<string, unknown>);
        }
      }
      return writeHead(...args);
    }) as typeof response.writeHead;
    const end = response.end.bind(response) as (...args: unknown[]) => typeof response;
    response.end = ((...args: unknown[]) => {
      const chunk = args[0];
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
        const type = response.getHeader('content-type');
        recordSecretsInBody(chunk, typeof type === 'string' ? type : undefined);
      }
      return end(...args);
    }) as typeof response.end;
  });
}
