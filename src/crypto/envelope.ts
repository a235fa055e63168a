import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { KeyRingError, MASTER_KEY_BYTES, isValidKeyId, type KeyRing } from './key-ring.js';

/**
 * A blob that cannot be decrypted: tampered, truncated, bound to another context, wrapped by an
 * unknown key or malformed. Callers must treat it as an integrity failure, never fall back to
 * returning the stored bytes. Messages leave out the context, as it may identify a person; the
 * caller knows it and can add it where appropriate.
 */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

/*
 * Blob layout, version 1 (n = key id length, all lengths in bytes):
 *
 *   offset   size  field
 *   0        1     version (0x01)
 *   1        1     n, key id length (1..32)
 *   2        n     key id, ASCII [A-Za-z0-9_-]: the master key that wrapped the data key
 *   2+n      12    wrap iv
 *   14+n     16    wrap tag
 *   30+n     32    wrapped data key (AES-256-GCM under the master key)
 *   62+n     12    payload iv
 *   74+n     16    payload tag
 *   90+n     rest  payload ciphertext (AES-256-GCM under the data key), may be empty
 *
 * Additional authenticated data:
 *   wrap:    "asiointitili/wrap\0"    || version || n || key id || context
 *   payload: "asiointitili/payload\0" || version || context
 *
 * The header (version + key id) is bound into the wrap, so changing the key id or version is
 * detected. It is deliberately not bound into the payload: rewrap() moves a blob to another key
 * id without re-encrypting the payload, which would be impossible if the payload tag covered the
 * key id. The payload is still tied to its header indirectly, as only the matching wrapped data
 * key can decrypt it. Both AADs carry the context so neither part can be moved to another record.
 * Fields before the context have fixed or length-prefixed sizes, so the AAD encoding is unambiguous.
 */
const VERSION = 1;
const IV_BYTES = 12; // the GCM standard nonce size; random IVs are safe as every data key is fresh
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;
const WRAP_LABEL = Buffer.from('asiointitili/wrap\0', 'latin1');
const PAYLOAD_LABEL = Buffer.from('asiointitili/payload\0', 'latin1');

interface Parsed {
  keyId: string;
  /** bytes 0..2+n: version, key id length and key id */
  header: Buffer;
  wrapIv: Buffer;
  wrapTag: Buffer;
  wrappedKey: Buffer;
  /** payload iv, tag and ciphertext, untouched by rewrap */
  payloadPart: Buffer;
  payloadIv: Buffer;
  payloadTag: Buffer;
  ciphertext: Buffer;
}

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([VERSION, id.length]), id]);
}

/**
 * Additional data already built, by header and context: a page decrypts twenty titles under the same
 * few contexts and one key id, and building the buffers was a fair part of each decrypt. Contexts
 * that name a record (an attachment's id) make the set open-ended, so it is emptied when full.
 * It holds labels, key ids and contexts only, nothing secret.
 */
class AadCache {
  readonly #entries = new Map<string, Buffer>();

  get(key: string, build: () => Buffer): Buffer {
    let aad = this.#entries.get(key);
    if (aad === undefined) {
      if (this.#entries.size >= aadCacheSize) this.#entries.clear();
      aad = build();
      this.#entries.set(key, aad);
    }
    return aad;
  }
}

const aadCacheSize = 256;
const wrapAads = new AadCache();
const payloadAads = new AadCache();

function wrapAad(headerBytes: Buffer, context: string): Buffer {
  // The header is the version, the key id's length and the key id: latin1 keeps it one-to-one.
  return wrapAads.get(`${headerBytes.toString('latin1')}\0${context}`, () =>
    Buffer.concat([WRAP_LABEL, headerBytes, Buffer.from(context, 'utf8')]),
  );
}

function payloadAad(context: string): Buffer {
  return payloadAads.get(context, () =>
    Buffer.concat([PAYLOAD_LABEL, Buffer.from([VERSION]), Buffer.from(context, 'utf8')]),
  );
}

// Decoding is stateless without { stream: true }, so one decoder serves every call.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The longest key part of a blob (header and wrapped data key, with a 32-character key id): a prefix
 * of this many bytes is always enough for rewrapPrefix(), whatever the payload's size.
 */
export const keyPartMaxBytes = 2 + 32 + IV_BYTES + TAG_BYTES + DATA_KEY_BYTES;

/** Where the payload part starts; checks the version, the key id and that `minPayload` bytes follow. */
function keyPartEnd(
  blob: Buffer,
  minPayload: number,
): { keyId: string; headerEnd: number; payloadStart: number } {
  if (!Buffer.isBuffer(blob)) throw new DecryptionError('encrypted value is not a Buffer');
  if (blob.length < 2) throw new DecryptionError('encrypted value is truncated');
  if (blob[0] !== VERSION) throw new DecryptionError(`unsupported encryption format version ${blob[0]}`);
  const idLength = blob[1] ?? 0;
  const headerEnd = 2 + idLength;
  const payloadStart = headerEnd + IV_BYTES + TAG_BYTES + DATA_KEY_BYTES;
  if (blob.length < payloadStart + minPayload) throw new DecryptionError('encrypted value is truncated');
  const keyId = blob.subarray(2, headerEnd).toString('latin1');
  if (!isValidKeyId(keyId)) throw new DecryptionError('encrypted value has a malformed key id');
  return { keyId, headerEnd, payloadStart };
}

function parse(blob: Buffer): Parsed {
  const { keyId, headerEnd, payloadStart } = keyPartEnd(blob, IV_BYTES + TAG_BYTES);
  let at = headerEnd;
  const take = (size: number): Buffer => {
    const part = blob.subarray(at, at + size);
    at += size;
    return part;
  };
  return {
    keyId,
    header: blob.subarray(0, headerEnd),
    wrapIv: take(IV_BYTES),
    wrapTag: take(TAG_BYTES),
    wrappedKey: take(DATA_KEY_BYTES),
    payloadPart: blob.subarray(payloadStart),
    payloadIv: take(IV_BYTES),
    payloadTag: take(TAG_BYTES),
    ciphertext: blob.subarray(at),
  };
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Returns undefined on authentication failure so callers can phrase the error for their part. */
function open(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return undefined;
  }
}

/**
 * Envelope encryption: every value gets its own random data key, and only the small wrapped data
 * key depends on the master key, so rotating the master key means rewrapping 32 bytes per value
 * instead of re-encrypting attachments.
 */
export class Envelope {
  readonly #ring: KeyRing;

  constructor(ring: KeyRing) {
    // Fail at startup rather than on the first encrypt if the ring was assembled by hand wrongly.
    const active = ring.keys.get(ring.activeKeyId);
    if (!isValidKeyId(ring.activeKeyId) || active === undefined) {
      throw new KeyRingError('the active master key is not in the key ring');
    }
    for (const [id, key] of ring.keys) {
      if (!isValidKeyId(id) || key.length !== MASTER_KEY_BYTES) {
        throw new KeyRingError(`master key "${isValidKeyId(id) ? id : '?'}" is malformed`);
      }
    }
    this.#ring = ring;
  }

  /**
   * A fresh random 256-bit data key per call, wrapped (AES-256-GCM) by the active master key; the
   * payload encrypted with the data key. `context` is bound as additional authenticated data
   * (e.g. 'message:42:body') so a ciphertext cannot be moved to another record.
   */
  encrypt(plaintext: Buffer | string, context: string): Buffer {
    assertContext(context);
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const dataKey = randomBytes(DATA_KEY_BYTES);
    try {
      const payload = seal(dataKey, data, payloadAad(context));
      return Buffer.concat([this.#wrap(dataKey, context), payload.iv, payload.tag, payload.ciphertext]);
    } finally {
      // Best effort: keep the plaintext data key in memory no longer than needed.
      dataKey.fill(0);
    }
  }

  decrypt(blob: Buffer, context: string): Buffer {
    const parsed = parse(blob);
    const dataKey = this.#unwrap(parsed, context);
    try {
      const plaintext = open(
        dataKey,
        parsed.payloadIv,
        parsed.payloadTag,
        parsed.ciphertext,
        payloadAad(context),
      );
      if (plaintext === undefined) {
        throw new DecryptionError('payload failed authentication (tampered, or wrong context)');
      }
      return plaintext;
    } finally {
      dataKey.fill(0);
    }
  }

  decryptText(blob: Buffer, context: string): string {
    const plaintext = this.decrypt(blob, context);
    try {
      // fatal: a binary payload read as text is a bug, not something to paper over with U+FFFD.
      return utf8.decode(plaintext);
    } catch {
      throw new DecryptionError('payload is not valid UTF-8 text');
    }
  }

  /**
   * Re-wrap the data key under the active master key without touching the payload (for key
   * rotation). The payload is not authenticated here (that would mean decrypting it); a damaged
   * payload stays damaged and is reported by decrypt().
   */
  rewrap(blob: Buffer, context: string): Buffer {
    const parsed = parse(blob);
    const dataKey = this.#unwrap(parsed, context);
    try {
      return Buffer.concat([this.#wrap(dataKey, context), parsed.payloadPart]);
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * rewrap() for a value of which only the first bytes are at hand (at least keyPartMaxBytes, or the
   * whole value): `replace` bytes at its start are to be replaced by `with`, the rest is the payload
   * part, unchanged. For key rotation of large values, spliced in place by the database.
   */
  rewrapPrefix(prefix: Buffer, context: string): { replace: number; with: Buffer } {
    const { keyId, headerEnd, payloadStart } = keyPartEnd(prefix, 0);
    const at = (from: number, size: number) => prefix.subarray(from, from + size);
    const dataKey = this.#unwrap(
      {
        keyId,
        header: prefix.subarray(0, headerEnd),
        wrapIv: at(headerEnd, IV_BYTES),
        wrapTag: at(headerEnd + IV_BYTES, TAG_BYTES),
        wrappedKey: at(headerEnd + IV_BYTES + TAG_BYTES, DATA_KEY_BYTES),
      },
      context,
    );
    try {
      return { replace: payloadStart, with: this.#wrap(dataKey, context) };
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * A key for another purpose than wrapping data keys (keyed hashes), derived with HKDF-SHA256 from
   * the active master key and `purpose`, with that master key's id: the same key can be derived
   * again for as long as the ring holds that master key, and a leak of it reveals no master key.
   */
  derivedKey(purpose: string): { keyId: string; key: Buffer } {
    const keyId = this.#ring.activeKeyId;
    const masterKey = this.#ring.keys.get(keyId);
    if (masterKey === undefined) throw new KeyRingError('the active master key is not in the key ring');
    return {
      keyId,
      key: Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `asiointitili ${purpose}`, 32)),
    };
  }

  keyIdOf(blob: Buffer): string {
    return parse(blob).keyId;
  }

  /** The id of the master key that wraps new data keys. */
  get activeKeyId(): string {
    return this.#ring.activeKeyId;
  }

  /** The ids of the ring's keys, the active one first (ids only, never key material). */
  get keyIds(): string[] {
    return [
      this.#ring.activeKeyId,
      ...[...this.#ring.keys.keys()].filter((id) => id !== this.#ring.activeKeyId),
    ];
  }

  /** header || wrap iv || wrap tag || wrapped data key, under the active master key */
  #wrap(dataKey: Buffer, context: string): Buffer {
    const head = header(this.#ring.activeKeyId);
    const masterKey = this.#ring.keys.get(this.#ring.activeKeyId);
    if (masterKey === undefined) throw new KeyRingError('the active master key is not in the key ring');
    const wrapped = seal(masterKey, dataKey, wrapAad(head, context));
    return Buffer.concat([head, wrapped.iv, wrapped.tag, wrapped.ciphertext]);
  }

  #unwrap(
    parsed: Pick<Parsed, 'keyId' | 'header' | 'wrapIv' | 'wrapTag' | 'wrappedKey'>,
    context: string,
  ): Buffer {
    const masterKey = this.#ring.keys.get(parsed.keyId);
    if (masterKey === undefined) {
      throw new DecryptionError(`encrypted with unknown master key id "${parsed.keyId}"`);
    }
    const dataKey = open(
      masterKey,
      parsed.wrapIv,
      parsed.wrapTag,
      parsed.wrappedKey,
      wrapAad(parsed.header, context),
    );
    if (dataKey === undefined) {
      throw new DecryptionError(
        `data key failed authentication under master key "${parsed.keyId}" (tampered, or wrong context)`,
      );
    }
    return dataKey;
  }
}

/** An empty context would bind nothing, which is almost certainly a caller bug. */
function assertContext(context: string): void {
  if (typeof context !== 'string' || context === '') {
    throw new TypeError('encryption context must be a non-empty string');
  }
}
