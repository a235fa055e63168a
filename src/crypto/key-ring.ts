import { createHash, randomBytes } from 'node:crypto';

/**
 * The master keys that wrap per-record data keys. Only `activeKeyId` wraps new data keys; the
 * other keys are kept so that data wrapped before a rotation can still be unwrapped (and rewrapped).
 */
export interface KeyRing {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** A malformed key ring. The message is one line and never contains key material. */
export class KeyRingError extends Error {
  override name = 'KeyRingError';
}

export const MASTER_KEY_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
// Buffer.from(..., 'base64') silently skips invalid characters, so a typo would yield a short or
// different key; validate the alphabet and padding up front instead.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isValidKeyId(id: string): boolean {
  return KEY_ID_PATTERN.test(id);
}

/** Id for a key given without one, stable for the same key so existing blobs keep resolving. */
function derivedKeyId(key: Buffer): string {
  return 'k' + createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** `where` names the entry by position only: the raw text may be a key, so it is never echoed. */
function decodeKey(encoded: string, where: string): Buffer {
  if (encoded === '') throw new KeyRingError(`${where}: key is empty`);
  if (!BASE64_PATTERN.test(encoded)) throw new KeyRingError(`${where}: key is not valid base64`);
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    throw new KeyRingError(`${where}: key must be ${MASTER_KEY_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

/**
 * Text form (for MASTER_KEY env or the key file): either one base64 32-byte key, or a
 * comma/newline separated list of `id:base64` entries; the first entry is the active one used to
 * wrap new data keys, the others only unwrap (rotation). Key ids are [A-Za-z0-9_-]{1,32}. A bare
 * key gets id 'k' + first 8 hex chars of sha256(key). Throws KeyRingError with a one-line message
 * that never includes key material.
 */
export function parseKeyRing(text: string): KeyRing {
  // Blank entries are tolerated so that trailing newlines/commas in files and env values work.
  const entries = text
    .split(/[,\r\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new KeyRingError('master key is empty');

  const first = entries[0];
  if (entries.length === 1 && first !== undefined && !first.includes(':')) {
    const key = decodeKey(first, 'master key');
    const id = derivedKeyId(key);
    return { activeKeyId: id, keys: new Map([[id, key]]) };
  }

  const keys = new Map<string, Buffer>();
  let activeKeyId: string | undefined;
  for (const [index, entry] of entries.entries()) {
    const where = `master key entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new KeyRingError(`${where}: expected id:base64 when several keys are listed`);
    const id = entry.slice(0, colon).trim();
    // An invalid id is not echoed either: it might be a key pasted into the wrong place.
    if (!isValidKeyId(id)) throw new KeyRingError(`${where}: key id must match ${KEY_ID_PATTERN.source}`);
    if (keys.has(id)) throw new KeyRingError(`${where}: duplicate key id "${id}"`);
    keys.set(id, decodeKey(entry.slice(colon + 1).trim(), `${where} ("${id}")`));
    activeKeyId ??= id;
  }
  if (activeKeyId === undefined) throw new KeyRingError('master key is empty');
  return { activeKeyId, keys };
}

/** 'id:base64' with a fresh random key; without an id, the id is derived like a bare key's. */
export function generateKeyRingText(id?: string): string {
  if (id !== undefined && !isValidKeyId(id)) {
    throw new KeyRingError(`key id must match ${KEY_ID_PATTERN.source}`);
  }
  const key = randomBytes(MASTER_KEY_BYTES);
  return `${id ?? derivedKeyId(key)}:${key.toString('base64')}`;
}

/** The ring as key file text: one `id:base64` entry a line, the active key first. */
export function formatKeyRing(ring: KeyRing): string {
  const ids = [ring.activeKeyId, ...[...ring.keys.keys()].filter((id) => id !== ring.activeKeyId)];
  return ids.map((id) => `${id}:${ring.keys.get(id)?.toString('base64') ?? ''}`).join('\n') + '\n';
}

/**
 * The ring with a fresh random key: first and active (it wraps new data keys from the next start),
 * or last, only to unwrap (every process learns it before any process uses it). The other keys stay
 * in their order. Without an id, it is derived from the key as for a bare key.
 */
export function withNewKey(ring: KeyRing, options: { id?: string | undefined; active: boolean }): KeyRing {
  const fresh = parseKeyRing(generateKeyRingText(options.id));
  if (ring.keys.has(fresh.activeKeyId)) {
    throw new KeyRingError(`the key ring already has a key "${fresh.activeKeyId}"; choose another id`);
  }
  return options.active
    ? { activeKeyId: fresh.activeKeyId, keys: new Map([...fresh.keys, ...ring.keys]) }
    : { activeKeyId: ring.activeKeyId, keys: new Map([...ring.keys, ...fresh.keys]) };
}

/** The ring with key `id`, which must be in it, moved first: the active key. */
export function withActiveKey(ring: KeyRing, id: string): KeyRing {
  const key = ring.keys.get(id);
  if (key === undefined) throw new KeyRingError(`the key ring has no key "${id}"`);
  return { activeKeyId: id, keys: new Map([[id, key], ...[...ring.keys].filter(([keyId]) => keyId !== id)]) };
}

/** The ring without key `id`, which must be in it and must not be the active key. */
export function withoutKey(ring: KeyRing, id: string): KeyRing {
  if (!ring.keys.has(id)) throw new KeyRingError(`the key ring has no key "${id}"`);
  if (id === ring.activeKeyId) throw new KeyRingError(`"${id}" is the current key and cannot be removed`);
  return { activeKeyId: ring.activeKeyId, keys: new Map([...ring.keys].filter(([keyId]) => keyId !== id)) };
}
