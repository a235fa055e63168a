import { createHmac } from 'node:crypto';
import type { KeyRing } from './key-ring.js';

/**
 * A key's fingerprint: HMAC-SHA256 of a fixed label under the key. It identifies the key without
 * revealing anything about it, so it can be kept in the database next to the data the key wraps.
 */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('asiointitili master key fingerprint v1').digest('hex');
}

/** The master key ring does not fit this database; the message is one line naming the key id. */
export class KeyMismatchError extends Error {
  override name = 'KeyMismatchError';
}

/**
 * Compares the key ring with the fingerprints the database has seen; returns the fingerprints of
 * keys new to it (to be recorded) or throws when the ring cannot be the one this data was written
 * with: a key id the database knows with other key material, or a ring that shares no key with it.
 */
export function checkKeyRing(ring: KeyRing, known: ReadonlyMap<string, string>): Map<string, string> {
  const fresh = new Map<string, string>();
  let shared = 0;
  for (const [keyId, key] of ring.keys) {
    const fingerprint = keyFingerprint(key);
    const recorded = known.get(keyId);
    if (recorded === undefined) fresh.set(keyId, fingerprint);
    else if (recorded !== fingerprint) {
      throw new KeyMismatchError(
        `master key "${keyId}" is not the key "${keyId}" this database was written with; start with the right key ring`,
      );
    } else shared += 1;
  }
  if (known.size > 0 && shared === 0) {
    throw new KeyMismatchError(
      `none of the master keys (${[...ring.keys.keys()].join(', ')}) has written this database, which was written with ` +
        `${[...known.keys()].join(', ')}; to rotate, keep the old key in the ring after the new one`,
    );
  }
  return fresh;
}
