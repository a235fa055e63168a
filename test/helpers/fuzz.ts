import fc from 'fast-check';
import type { TestHarness } from './test-app.js';
import { tablesOfTestDatabase } from './test-database.js';

/**
 * Schema-aware fuzzing: valid requests, mutated one thing at a time (a field's value or type, a
 * missing or extra field, the whole body truncated, re-encoded or replaced, the media type, the
 * multipart framing), so each case gets past most checks and probes the next one. Seeded and
 * reproducible: FUZZ_SEED picks the sequence, FUZZ_RUNS scales the number of cases.
 */

export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261129);

/** The number of cases for a suite whose share of the default budget is `defaultRuns`. */
export function fuzzRuns(defaultRuns: number): number {
  const total = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(total) && total > 0
    ? Math.max(1, Math.round((defaultRuns * total) / 2000))
    : defaultRuns;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Values of every JSON type, and the strings that break naive code. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 0.5),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202efdp.exe',
    '\ud800',
    '../../etc/passwd',
    "'; drop table messages; --",
    '<script>alert(1)</script>',
    '270570-901K',
    '00000000-0000-0000-0000-000000000000',
    'NaN',
    '1e309',
    '__proto__',
  ),
  fc.constantFrom('x'.repeat(300), 'ä'.repeat(5000), '9'.repeat(100_000)),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constant<Json>([[[[[[[[[[]]]]]]]]]]),
);

function allPaths(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...allPaths(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...allPaths(item, [...prefix, key]));
  }
  return paths;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function parentOf(root: Json, path: Path): Json | undefined {
  let node: Json = root;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, Json>)[segment] as Json;
  }
  return node;
}

export type JsonMutation =
  | { kind: 'set'; pick: number; value: Json }
  | { kind: 'delete'; pick: number }
  | { kind: 'extra'; pick: number; key: string; value: Json }
  | { kind: 'duplicate-key'; pick: number };

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      pick: fc.nat(),
      key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype')),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), pick: fc.nat() }) },
);

/** Applies a field-level mutation and serialises the result (duplicate keys need raw text). */
export function mutateJson(base: Json, mutation: JsonMutation): string {
  const root = clone(base);
  const paths = allPaths(root);
  const path = paths[mutation.pick % paths.length]!;
  if (mutation.kind === 'set') {
    if (path.length === 0) return JSON.stringify(mutation.value);
    const parent = parentOf(root, path) as Record<string | number, Json>;
    parent[path[path.length - 1]!] = mutation.value;
    return JSON.stringify(root);
  }
  if (mutation.kind === 'delete') {
    if (path.length === 0) return '';
    const parent = parentOf(root, path);
    const key = path[path.length - 1]!;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, Json>)[key];
    return JSON.stringify(root);
  }
  // Objects only: the target itself when it is one, else its parent.
  const target = (() => {
    const node = path.reduce<Json | undefined>(
      (n, segment) =>
        n !== null && typeof n === 'object' ? (n as Record<string | number, Json>)[segment] : undefined,
      root,
    );
    return node !== null && typeof node === 'object' && !Array.isArray(node)
      ? node
      : (parentOf(root, path) as Record<string, Json> | undefined);
  })();
  if (!target || Array.isArray(target) || typeof target !== 'object') return JSON.stringify(root);
  if (mutation.kind === 'extra') {
    // Written as text: JSON.stringify drops a "__proto__" set through assignment.
    const text = JSON.stringify(target);
    const inserted = `{${JSON.stringify(mutation.key)}:${JSON.stringify(mutation.value)}${text.length > 2 ? ',' : ''}${text.slice(1)}`;
    return replaceSubtree(root, target, inserted);
  }
  const keys = Object.keys(target);
  if (keys.length === 0) return JSON.stringify(root);
  const key = keys[0]!;
  const text = JSON.stringify(target);
  const duplicated = `{${JSON.stringify(key)}:${JSON.stringify(target[key] === null ? 1 : null)},${text.slice(1)}`;
  return replaceSubtree(root, target, duplicated);
}

/** Serialises `root` with `target` (an object inside it) replaced by raw text. */
function replaceSubtree(root: Json, target: Json, raw: string): string {
  const marker = `__subtree_${Math.random().toString(36).slice(2)}__`;
  const text = JSON.stringify(root, (_key, value: unknown) => (value === target ? marker : value));
  return text.replace(JSON.stringify(marker), raw);
}

export type BodyMutation =
  | { kind: 'field'; mutation: JsonMutation }
  | { kind: 'truncate'; at: number }
  | { kind: 'random-bytes'; bytes: Uint8Array }
  | { kind: 'empty' }
  | { kind: 'latin1' }
  | { kind: 'invalid-utf8'; at: number }
  | { kind: 'deep-nesting'; depth: number }
  | { kind: 'content-type'; value: string };

export const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('field' as const), mutation: jsonMutation }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('random-bytes' as const),
      bytes: fc.uint8Array({ maxLength: 300 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'latin1' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalid-utf8' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep-nesting' as const),
      depth: fc.constantFrom(100, 5000, 200_000),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('content-type' as const),
      value: fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'application/jsonx',
        'APPLICATION/JSON',
        '*/*',
        ';;;',
        '',
      ),
    }),
  },
);

/** Applies a body mutation to a valid JSON request body; returns the bytes and the media type. */
export function mutateJsonBody(base: Json, mutation: BodyMutation): { payload: Buffer; contentType: string } {
  const json = 'application/json';
  const text = JSON.stringify(base);
  switch (mutation.kind) {
    case 'field':
      return { payload: Buffer.from(mutateJson(base, mutation.mutation)), contentType: json };
    case 'truncate':
      return {
        payload: Buffer.from(text.slice(0, mutation.at % Math.max(1, text.length))),
        contentType: json,
      };
    case 'random-bytes':
      return { payload: Buffer.from(mutation.bytes), contentType: json };
    case 'empty':
      return { payload: Buffer.alloc(0), contentType: json };
    case 'latin1':
      return { payload: Buffer.from(`${text.slice(0, -1)},"x":"päätös"}`, 'latin1'), contentType: json };
    case 'invalid-utf8': {
      const bytes = Buffer.from(text);
      const at = mutation.at % bytes.length;
      return {
        payload: Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]),
        contentType: json,
      };
    }
    case 'deep-nesting':
      return {
        payload: Buffer.from('['.repeat(mutation.depth) + ']'.repeat(mutation.depth)),
        contentType: json,
      };
    case 'content-type':
      return { payload: Buffer.from(text), contentType: mutation.value };
  }
}

export interface MultipartPart {
  name: string;
  fileName?: string;
  contentType?: string;
  content: Buffer;
}

export type MultipartMutation =
  | { kind: 'no-boundary' }
  | { kind: 'wrong-boundary' }
  | { kind: 'truncate'; at: number }
  | { kind: 'random-bytes'; bytes: Uint8Array }
  | { kind: 'proto-part'; asFile: boolean }
  | { kind: 'rename-part'; pick: number; name: string }
  | { kind: 'file-name'; pick: number; fileName: string }
  | { kind: 'part-type'; pick: number; contentType: string }
  | { kind: 'drop-part'; pick: number }
  | { kind: 'duplicate-part'; pick: number }
  | { kind: 'part-content'; pick: number; content: Uint8Array }
  | { kind: 'header-garbage'; pick: number; header: string }
  | { kind: 'content-type'; value: string };

export const multipartMutation: fc.Arbitrary<MultipartMutation> = fc.oneof(
  fc.constant({ kind: 'no-boundary' as const }),
  fc.constant({ kind: 'wrong-boundary' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('random-bytes' as const), bytes: fc.uint8Array({ maxLength: 400 }) }),
  fc.record({ kind: fc.constant('proto-part' as const), asFile: fc.boolean() }),
  fc.record({
    kind: fc.constant('rename-part' as const),
    pick: fc.nat(),
    name: fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('__proto__', 'constructor', 'file', 'metadata', ''),
    ),
  }),
  fc.record({
    kind: fc.constant('file-name' as const),
    pick: fc.nat(),
    fileName: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        '',
        '..',
        '../../x.pdf',
        'a\\b.pdf',
        'x'.repeat(5000),
        'Lasku \u202efdp.exe',
        'a"b.pdf',
        'ä.pdf',
      ),
    ),
  }),
  fc.record({
    kind: fc.constant('part-type' as const),
    pick: fc.nat(),
    contentType: fc.constantFrom(
      'text/html',
      'image/svg+xml',
      'application/pdf',
      'application/json',
      '',
      'x/y; a=b',
    ),
  }),
  fc.record({ kind: fc.constant('drop-part' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-part' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('part-content' as const),
    pick: fc.nat(),
    content: fc.uint8Array({ maxLength: 300 }),
  }),
  fc.record({
    kind: fc.constant('header-garbage' as const),
    pick: fc.nat(),
    header: fc.constantFrom(
      'Content-Disposition: form-data',
      'Content-Disposition: ;;;',
      'X: \u00ff\u00fe',
      ': :',
    ),
  }),
  fc.record({
    kind: fc.constant('content-type' as const),
    value: fc.constantFrom(
      'application/json',
      'text/plain',
      'multipart/mixed; boundary=b',
      'multipart/form-data; boundary=',
    ),
  }),
);

function encodeMultipart(
  parts: MultipartPart[],
  boundary: string,
  extraHeader?: { index: number; header: string },
) {
  const chunks: Buffer[] = [];
  parts.forEach((part, index) => {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    let head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n`;
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    if (extraHeader?.index === index) head += `${extraHeader.header}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'latin1'), part.content, Buffer.from('\r\n'));
  });
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Applies a mutation to a valid multipart form; returns the bytes and the media type. */
export function mutateMultipart(
  base: MultipartPart[],
  mutation: MultipartMutation,
): { payload: Buffer; contentType: string } {
  const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const parts = base.map((part) => ({ ...part }));
  const pick = (n: number) => (parts.length === 0 ? -1 : n % parts.length);
  switch (mutation.kind) {
    case 'no-boundary':
      return { payload: encodeMultipart(parts, boundary), contentType: 'multipart/form-data' };
    case 'wrong-boundary':
      return {
        payload: encodeMultipart(parts, boundary),
        contentType: 'multipart/form-data; boundary=other',
      };
    case 'truncate': {
      const payload = encodeMultipart(parts, boundary);
      return { payload: payload.subarray(0, mutation.at % payload.length), contentType };
    }
    case 'random-bytes':
      return { payload: Buffer.from(mutation.bytes), contentType };
    case 'proto-part':
      parts.unshift({
        name: '__proto__',
        ...(mutation.asFile ? { fileName: 'x.txt' } : {}),
        content: Buffer.from('{"polluted":true}'),
      });
      break;
    case 'rename-part':
      if (pick(mutation.pick) >= 0) parts[pick(mutation.pick)]!.name = mutation.name.replace(/["\r\n]/g, '');
      break;
    case 'file-name':
      if (pick(mutation.pick) >= 0)
        parts[pick(mutation.pick)]!.fileName = mutation.fileName.replace(/[\r\n]/g, '');
      break;
    case 'part-type':
      if (pick(mutation.pick) >= 0) parts[pick(mutation.pick)]!.contentType = mutation.contentType;
      break;
    case 'drop-part':
      if (pick(mutation.pick) >= 0) parts.splice(pick(mutation.pick), 1);
      break;
    case 'duplicate-part':
      if (pick(mutation.pick) >= 0) parts.push({ ...parts[pick(mutation.pick)]! });
      break;
    case 'part-content':
      if (pick(mutation.pick) >= 0) parts[pick(mutation.pick)]!.content = Buffer.from(mutation.content);
      break;
    case 'header-garbage':
      return {
        payload: encodeMultipart(parts, boundary, { index: pick(mutation.pick), header: mutation.header }),
        contentType,
      };
    case 'content-type':
      return { payload: encodeMultipart(parts, boundary), contentType: mutation.value };
  }
  return { payload: encodeMultipart(parts, boundary), contentType };
}

/** Row counts of every table, to show that a refused request stored nothing. */
export async function allRowCounts(
  h: TestHarness,
  except: readonly string[] = [],
): Promise<Record<string, number>> {
  const db = h.context.database.db;
  const tables = (await tablesOfTestDatabase(h.context.database)).filter((name) => !except.includes(name));
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const row = await db
      .selectFrom(table as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number((row as { n: number | string }).n);
  }
  return counts;
}
