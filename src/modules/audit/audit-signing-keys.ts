import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkpointEncoding, type Checkpoint, type CheckpointStatement } from './audit-chain.js';
import { placeKeyFile, readKeyFileText } from '../../crypto/key-files.js';

/**
 * The audit signing keys (AUDIT_SIGNING_KEY_FILE): Ed25519, in a JSON file `{"keys": [JWK, …]}`,
 * oldest first, readable by the owner only. The newest key that still has its private half signs
 * checkpoints; every key in the file verifies them, so a rotation (a new key appended) never makes
 * an old checkpoint unverifiable. A retired key may be kept as its public half only (no "d").
 */

export interface AuditKey {
  kid: string;
  publicKey: KeyObject;
  /** Absent on a key kept only to verify old checkpoints. */
  privateKey: KeyObject | undefined;
}

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

/** A stable id from the public key: the first 16 characters of the base64url SHA-256 of its SPKI. */
export function auditKeyId(publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64url').slice(0, 16);
}

/** The public half as a JWK, as exports carry it. */
export function publicJwkOf(key: AuditKey): JsonWebKey {
  return { ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, alg: 'EdDSA', use: 'sig' };
}

/** Public keys by id from JWKs (an export's key lines or a key file); `source` names it in errors. */
export function publicKeysOf(jwks: readonly JsonWebKey[], source: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks) {
    const key = keyFromJwk(jwk, source);
    keys.set(key.kid, key.publicKey);
  }
  return keys;
}

function keyFromJwk(jwk: JsonWebKey, source: string): AuditKey {
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
    throw new AuditKeyError(`${source}: every key must be an Ed25519 JWK (kty OKP, crv Ed25519)`);
  }
  try {
    const privateKey = typeof jwk.d === 'string' ? createPrivateKey({ key: jwk, format: 'jwk' }) : undefined;
    const publicKey = createPublicKey(
      privateKey ?? { key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' },
    );
    const kid = auditKeyId(publicKey);
    if (typeof jwk.kid === 'string' && jwk.kid !== kid) {
      throw new AuditKeyError(
        `${source}: key "${jwk.kid}" has the id ${kid} (the id is derived from the key)`,
      );
    }
    return { kid, publicKey, privateKey };
  } catch (error) {
    if (error instanceof AuditKeyError) throw error;
    throw new AuditKeyError(`${source} holds a JWK that is not a valid Ed25519 key`);
  }
}

/** The keys of the file, oldest first. */
export function readAuditKeyFile(file: string): AuditKey[] {
  const source = `AUDIT_SIGNING_KEY_FILE ${file}`;
  const text = readKeyFileText(file, source, (message) => new AuditKeyError(message));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AuditKeyError(`${source} is not valid JSON`);
  }
  const list = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list) || list.length === 0) {
    throw new AuditKeyError(`${source} must be {"keys": [...]} with at least one key`);
  }
  return (list as JsonWebKey[]).map((jwk) => keyFromJwk(jwk, source));
}

/** The key that signs: the newest with a private half. */
export function signingKeyOf(keys: readonly AuditKey[]): AuditKey | undefined {
  return keys.findLast((key) => key.privateKey !== undefined);
}

/** Signs what the checkpoint states, with `key` (its id becomes part of the statement). */
export function signCheckpoint(
  statement: Omit<CheckpointStatement, 'keyId'>,
  key: AuditKey,
): Omit<Checkpoint, 'id'> {
  if (!key.privateKey) throw new AuditKeyError(`audit key ${key.kid} has no private half`);
  const full = { ...statement, keyId: key.kid };
  return { ...full, signature: sign(null, checkpointEncoding(full), key.privateKey).toString('base64url') };
}

function serialise(keys: readonly AuditKey[]): string {
  const jwks = keys.map((key) => ({
    ...(key.privateKey ?? key.publicKey).export({ format: 'jwk' }),
    kid: key.kid,
  }));
  return `${JSON.stringify({ keys: jwks }, null, 2)}\n`;
}

function freshKey(): AuditKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid: auditKeyId(publicKey), publicKey, privateKey };
}

/**
 * Puts `text` at `file` in one step, mode 0600. `replace: false` leaves an existing file alone (of
 * two processes creating it at once, one wins and both then read the same keys).
 */
function placeFile(file: string, text: string, replace: boolean): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  placeKeyFile(file, text, replace);
}

/** Demo and test mode: a file with one fresh key, unless the file exists. */
export function createAuditKeyFileIfMissing(file: string): void {
  if (!fs.existsSync(file)) placeFile(file, serialise([freshKey()]), false);
}

/** Appends a new key (creating the file when there is none); the new key signs from now on. */
export function rotateAuditKeyFile(file: string): AuditKey {
  const keys = fs.existsSync(file) ? readAuditKeyFile(file) : [];
  const fresh = freshKey();
  placeFile(file, serialise([...keys, fresh]), true);
  return fresh;
}

/**
 * Retires the key `kid`: with `keepPublicHalf` only its private half leaves the file (it still verifies
 * the checkpoints it signed, and can never sign again), otherwise the whole key. Throws when the file
 * has no such key or it is the one that signs.
 */
export function retireAuditKey(file: string, kid: string, options: { keepPublicHalf: boolean }): void {
  const keys = readAuditKeyFile(file);
  if (!keys.some((key) => key.kid === kid)) throw new AuditKeyError(`${file} has no audit key "${kid}"`);
  if (signingKeyOf(keys)?.kid === kid) {
    throw new AuditKeyError(`"${kid}" is the key that signs; run audit rotate-key first, then retire it`);
  }
  const kept = options.keepPublicHalf
    ? keys.map((key) => (key.kid === kid ? { ...key, privateKey: undefined } : key))
    : keys.filter((key) => key.kid !== kid);
  placeFile(file, serialise(kept), true);
}
