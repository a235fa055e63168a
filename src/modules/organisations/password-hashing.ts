import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Slow hashing of API passwords with scrypt. The parameters are stored with each hash, so the cost
 * can be raised later without invalidating existing credentials, and a hash made with a lower cost
 * (tests pass one explicitly) still verifies.
 */
export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** About 100 ms and 32 MiB per hash on a current server core. */
export const defaultScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64. */
export async function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The contract's policy: at least 32 characters with a lower case letter, an upper case letter, a
 * digit and a symbol. The upper bound keeps a hostile request from making us hash megabytes.
 */
export function passwordPolicyProblem(password: string): string | undefined {
  if (password.length < 32) return 'must be at least 32 characters long';
  if (password.length > 256) return 'must be at most 256 characters long';
  if (!/[a-z]/.test(password)) return 'must contain a lower case letter';
  if (!/[A-Z]/.test(password)) return 'must contain an upper case letter';
  if (!/[0-9]/.test(password)) return 'must contain a number';
  if (!/[^A-Za-z0-9]/.test(password)) return 'must contain a symbol';
  return undefined;
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
// No backslash or quotes: they need escaping in JSON and shells (the contract warns about "\").
const SYMBOLS = '!#%+-.:=?@_~';

/** A random password meeting the policy: 40 characters, every class present, ~230 bits. */
export function generatePassword(length = 40): string {
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const pick = (from: string) => from.charAt(randomInt(from.length));
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  // Fisher–Yates, so the guaranteed classes are not always in the first four places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
