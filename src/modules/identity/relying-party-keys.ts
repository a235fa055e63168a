import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { placeKeyFile, readKeyFileText } from '../../crypto/key-files.js';

/**
 * The relying party's own keys for the FTN OpenID Connect profile: signing keys (client assertions
 * and request objects) and RSA encryption keys (the provider encrypts ID tokens and userinfo to
 * them). Each kind lives in its own file, apart from every other key of the service. A file holds
 * one or more private keys, oldest first, as PEM blocks or as a JWK (set); rotation appends a key,
 * retiring drops all but the newest. Only public halves ever leave this module as JWKs.
 */

export type KeyUse = 'sig' | 'enc';

export interface RelyingPartyKey {
  kid: string;
  use: KeyUse;
  alg: string;
  privateKey: KeyObject;
  /** Public members only (kty, n/e or crv/x/y), with kid, use and alg. */
  publicJwk: JsonWebKey;
}

export class RelyingPartyKeyError extends Error {
  override name = 'RelyingPartyKeyError';
}

export interface KeyFiles {
  signing: string;
  encryption: string;
  /** Our OpenID Federation entity key(s): sign the entity statement and the signed JWKS. */
  federation?: string | undefined;
}

type FileFormat = 'pem' | 'jwk';

const minimumRsaBits = 2048;
/** Node's curve names (asymmetricKeyDetails) and the JWS alg each signs with. */
const ecSigningAlgs: Record<string, string> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };
const rsaEncryptionAlgs = ['RSA-OAEP-256', 'RSA-OAEP'];
const pemBlock = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/g;

/** A stable id from the public key itself, so a PEM key (which has no kid) gets the same one each time. */
function derivedKid(privateKey: KeyObject): string {
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64url').slice(0, 16);
}

function algorithmFor(
  privateKey: KeyObject,
  use: KeyUse,
  stated: string | undefined,
  source: string,
): string {
  const type = privateKey.asymmetricKeyType;
  const details = privateKey.asymmetricKeyDetails ?? {};
  if (type === 'rsa') {
    if ((details.modulusLength ?? 0) < minimumRsaBits) {
      throw new RelyingPartyKeyError(`${source}: RSA keys must have at least ${minimumRsaBits} bits`);
    }
    if (use === 'enc') {
      const alg = stated ?? 'RSA-OAEP-256';
      if (!rsaEncryptionAlgs.includes(alg)) {
        throw new RelyingPartyKeyError(
          `${source}: an encryption key's alg must be ${rsaEncryptionAlgs.join(' or ')}`,
        );
      }
      return alg;
    }
    const alg = stated ?? 'RS256';
    if (!/^(RS|PS)(256|384|512)$/.test(alg)) throw new RelyingPartyKeyError(`${source}: unusable alg ${alg}`);
    return alg;
  }
  if (type === 'ec' && use === 'sig') {
    const alg = ecSigningAlgs[details.namedCurve ?? ''];
    if (!alg || (stated !== undefined && stated !== alg)) {
      throw new RelyingPartyKeyError(`${source}: EC signing keys must be on P-256, P-384 or P-521`);
    }
    return alg;
  }
  throw new RelyingPartyKeyError(
    use === 'enc'
      ? `${source}: the encryption key must be an RSA key`
      : `${source}: the signing key must be an RSA or EC key`,
  );
}

function describe(privateKey: KeyObject, use: KeyUse, meta: { kid?: string; alg?: string }, source: string) {
  const alg = algorithmFor(privateKey, use, meta.alg, source);
  const kid = meta.kid ?? derivedKid(privateKey);
  const publicJwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, use, alg };
  return { kid, use, alg, privateKey, publicJwk };
}

function parseJwks(text: string, use: KeyUse, source: string): RelyingPartyKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RelyingPartyKeyError(`${source} is neither PEM nor valid JSON`);
  }
  const entries =
    parsed && typeof parsed === 'object' && Array.isArray((parsed as { keys?: unknown }).keys)
      ? ((parsed as { keys: unknown[] }).keys as JsonWebKey[])
      : [parsed as JsonWebKey];
  return entries.map((jwk) => {
    if (!jwk || typeof jwk !== 'object' || typeof jwk.d !== 'string') {
      throw new RelyingPartyKeyError(`${source} must hold private keys (a JWK with "d")`);
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    } catch {
      throw new RelyingPartyKeyError(`${source} holds a JWK that is not a valid private key`);
    }
    const meta: { kid?: string; alg?: string } = {};
    if (typeof jwk.kid === 'string' && jwk.kid !== '') meta.kid = jwk.kid;
    if (typeof jwk.alg === 'string') meta.alg = jwk.alg;
    return describe(privateKey, use, meta, source);
  });
}

function parsePem(text: string, use: KeyUse, source: string): RelyingPartyKey[] {
  const blocks = [...text.matchAll(pemBlock)];
  if (blocks.length === 0) throw new RelyingPartyKeyError(`${source} holds no private key (PEM or JWK)`);
  return blocks.map(([block, label]) => {
    if (label === 'ENCRYPTED PRIVATE KEY') {
      throw new RelyingPartyKeyError(`${source}: the key must not be protected by a passphrase`);
    }
    return describe(createPrivateKey(block), use, {}, source);
  });
}

function readKeyFile(
  file: string,
  use: KeyUse,
  variable = use === 'sig' ? 'OIDC_SIGNING_KEY_FILE' : 'OIDC_ENCRYPTION_KEY_FILE',
): { format: FileFormat; keys: RelyingPartyKey[] } {
  const source = `${variable} ${file}`;
  const text = readKeyFileText(file, source, (message) => new RelyingPartyKeyError(message));
  const format: FileFormat = text.trimStart().startsWith('{') ? 'jwk' : 'pem';
  const keys = format === 'jwk' ? parseJwks(text, use, source) : parsePem(text, use, source);
  const kids = new Set(keys.map((key) => key.kid));
  if (kids.size !== keys.length) throw new RelyingPartyKeyError(`${source} has two keys with one kid`);
  return { format, keys };
}

function serialise(format: FileFormat, keys: RelyingPartyKey[]): string {
  if (format === 'pem') {
    return keys.map((key) => key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()).join('');
  }
  const jwks = keys.map((key) => ({
    ...key.privateKey.export({ format: 'jwk' }),
    kid: key.kid,
    use: key.use,
    alg: key.alg,
  }));
  return `${JSON.stringify({ keys: jwks }, null, 2)}\n`;
}

/** A new key like the newest one (same type and size), or the default for a new file. */
function generateKey(use: KeyUse, like: RelyingPartyKey | undefined): RelyingPartyKey {
  const details = like?.privateKey.asymmetricKeyDetails;
  if (use === 'sig' && (like === undefined || like.privateKey.asymmetricKeyType === 'ec')) {
    // P-256 by default: made in well under a millisecond, where an RSA key takes up to a second.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: details?.namedCurve ?? 'prime256v1' });
    return describe(privateKey, use, {}, 'generated key');
  }
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: details?.modulusLength ?? minimumRsaBits,
  });
  return describe(privateKey, use, like ? { alg: like.alg } : {}, 'generated key');
}

/**
 * The relying party's current keys. The signing key is the newest one unless it is still being
 * published ahead of its use (see RelyingPartyKeyStore); every encryption key decrypts. The
 * federation entity keys, when configured, are apart: they sign only federation statements.
 */
export class RelyingPartyKeys {
  constructor(
    readonly signing: readonly RelyingPartyKey[],
    readonly encryption: readonly RelyingPartyKey[],
    /** The key that signs (one of `signing`); the newest by default. */
    readonly signingKey: RelyingPartyKey = signing.at(-1)!,
    readonly federation: readonly RelyingPartyKey[] = [],
    /** The federation key that signs (one of `federation`); the newest by default. */
    readonly federationKey: RelyingPartyKey | undefined = federation.at(-1),
  ) {
    if (signing.length === 0 || encryption.length === 0) {
      throw new RelyingPartyKeyError('a signing key and an encryption key are both required');
    }
  }

  /**
   * Reads both files (and the federation file when named). With `generateIfMissing` (demo and test
   * mode, files in DATA_DIR) a missing file is created with a fresh key first.
   */
  static load(files: KeyFiles, options: { generateIfMissing: boolean }): RelyingPartyKeys {
    const generate = options.generateIfMissing;
    const loaded = readKeyFiles(files, { core: generate, federation: generate });
    return new RelyingPartyKeys(loaded.signing, loaded.encryption, undefined, loaded.federation);
  }

  /** What we publish at /oidc/jwks.json: the public halves of the signing and encryption keys. */
  publicJwks(): { keys: JsonWebKey[] } {
    return { keys: [...this.signing, ...this.encryption].map((key) => ({ ...key.publicJwk })) };
  }

  /** The federation entity keys' public halves (the `jwks` of our entity statement). */
  federationJwks(): { keys: JsonWebKey[] } {
    return { keys: this.federation.map((key) => ({ ...key.publicJwk })) };
  }
}

/** How long a cached copy of our JWKS may be used (the Cache-Control max-age we serve it with). */
export const jwksMaxAgeSeconds = 300;

/** The key files are looked at (stat) at most this often, when keys are asked for. */
export const keyReloadIntervalMs = 5_000;

/**
 * A signing key added by rotation signs only this long after it was added (its file's mtime): by
 * then every process has published it and every cache of our JWKS that lacked it has expired.
 */
export const signingKeyPublishLeadMs = jwksMaxAgeSeconds * 1000 + 12 * keyReloadIntervalMs;

interface LoadedKeys {
  /** Identifies the files' contents: inode, size and mtime of each (a rotation writes a new file). */
  stamp: string;
  signing: RelyingPartyKey[];
  encryption: RelyingPartyKey[];
  federation: RelyingPartyKey[];
  /** When each signing file last changed, i.e. when its newest key was added. */
  signingChangedAt: number;
  federationChangedAt: number;
}

function stampOf(files: KeyFiles) {
  const stat = (file: string | undefined) => (file === undefined ? undefined : fs.statSync(file));
  const [signing, encryption, federation] = [
    stat(files.signing),
    stat(files.encryption),
    stat(files.federation),
  ];
  const part = (stat: fs.Stats | undefined) => (stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : '-');
  return {
    stamp: [signing, encryption, federation].map(part).join('|'),
    signingChangedAt: signing!.mtimeMs,
    federationChangedAt: federation?.mtimeMs ?? 0,
  };
}

/** Which missing files to create with a fresh key first (demo and test mode, files in DATA_DIR). */
interface Generate {
  core: boolean;
  federation: boolean;
}

function readKeyFiles(files: KeyFiles, generate: Generate): LoadedKeys {
  const uses: Array<[string, KeyUse, boolean]> = [
    [files.signing, 'sig', generate.core],
    [files.encryption, 'enc', generate.core],
  ];
  if (files.federation !== undefined) uses.push([files.federation, 'sig', generate.federation]);
  for (const [file, use] of uses.filter(([file, , generate]) => generate && !fs.existsSync(file))) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    placeKeyFile(file, serialise('jwk', [generateKey(use, undefined)]), false);
  }
  // Stamped before reading: a file replaced in between is seen as changed at the next look.
  let stamp: ReturnType<typeof stampOf>;
  try {
    stamp = stampOf(files);
  } catch {
    stamp = { stamp: 'unreadable', signingChangedAt: 0, federationChangedAt: 0 };
  }
  const signing = readKeyFile(files.signing, 'sig').keys;
  const encryption = readKeyFile(files.encryption, 'enc').keys;
  const federation =
    files.federation === undefined
      ? []
      : readKeyFile(files.federation, 'sig', 'OIDC_FEDERATION_KEY_FILE').keys;
  return { ...stamp, signing, encryption, federation };
}

/** The newest key once it has been published for the lead, else the one before it. */
function usable(
  keys: readonly RelyingPartyKey[],
  changedAt: number,
  now: number,
): RelyingPartyKey | undefined {
  if (keys.length < 2 || now - changedAt >= signingKeyPublishLeadMs) return keys.at(-1);
  return keys.at(-2);
}

/**
 * The key files as the web process uses them: read at start-up (a missing or unusable file stops
 * the start), then looked at again when keys are asked for, at most every keyReloadIntervalMs, and
 * re-read when a file has changed. So `asiointitili keys oidc rotate` and `retire` take effect
 * without a restart. A file that has become unreadable or invalid is reported and the keys already
 * held stay in use; a login is never failed because of it.
 *
 * A new key is published before it is used: the newest signing (or federation) key signs only
 * signingKeyPublishLeadMs after its file changed (until then the one before it signs); a new
 * encryption key is published at once and the provider decides when to encrypt to it, while every
 * key still in the file decrypts.
 */
export class RelyingPartyKeyStore {
  #loaded: LoadedKeys;
  #checkedAt: number;
  #current: RelyingPartyKeys;

  constructor(
    private readonly files: KeyFiles,
    private readonly options: {
      /** Make missing files with a fresh key at start-up (demo and test mode, files in DATA_DIR). */
      generateIfMissing: Generate;
      clock: () => Date;
      /** Told when the files were re-read, or could not be (the keys held stay in use). */
      onReload?: (outcome: { kids: string[] } | { error: Error }) => void;
    },
  ) {
    this.#loaded = readKeyFiles(files, options.generateIfMissing);
    this.#checkedAt = options.clock().getTime();
    this.#current = this.snapshot(this.#checkedAt);
  }

  /** The keys to use now (the same object until something changes, so callers may cache by it). */
  current(): RelyingPartyKeys {
    const now = this.options.clock().getTime();
    if (Math.abs(now - this.#checkedAt) >= keyReloadIntervalMs) {
      this.#checkedAt = now;
      this.reloadIfChanged();
    }
    const snapshot = this.snapshot(now);
    const held = this.#current;
    const same =
      held.signing === snapshot.signing &&
      held.encryption === snapshot.encryption &&
      held.federation === snapshot.federation &&
      held.signingKey === snapshot.signingKey &&
      held.federationKey === snapshot.federationKey;
    if (!same) this.#current = snapshot;
    return this.#current;
  }

  private reloadIfChanged(): void {
    try {
      if (stampOf(this.files).stamp === this.#loaded.stamp) return;
      this.#loaded = readKeyFiles(this.files, { core: false, federation: false });
      const { signing, encryption, federation } = this.#loaded;
      this.options.onReload?.({ kids: [...signing, ...encryption, ...federation].map((key) => key.kid) });
    } catch (error) {
      this.options.onReload?.({ error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  private snapshot(now: number): RelyingPartyKeys {
    const { signing, encryption, federation, signingChangedAt, federationChangedAt } = this.#loaded;
    return new RelyingPartyKeys(
      signing,
      encryption,
      usable(signing, signingChangedAt, now),
      federation,
      usable(federation, federationChangedAt, now),
    );
  }
}

/**
 * One file of signing keys of another purpose than identification (the delivery evidence keys), in
 * the same formats and with the same rotation as the relying party's: oldest first, the newest
 * signs. Read at construction (a missing file is made with a fresh P-256 key when `generateIfMissing`,
 * demo and test mode), then looked at again at most every keyReloadIntervalMs when keys are asked
 * for and re-read when it changed, so `rotate` takes effect without a restart. A file that has become
 * unreadable or invalid is reported and the keys held stay in use.
 */
export class SigningKeyFile {
  #keys: RelyingPartyKey[];
  #stamp: string;
  #checkedAt: number;

  constructor(
    private readonly file: string,
    private readonly options: {
      /** The setting that names the file, for error messages. */
      variable: string;
      generateIfMissing: boolean;
      clock: () => Date;
      /** Told when the file was re-read, or could not be. */
      onReload?: (outcome: { kids: string[] } | { error: Error }) => void;
    },
  ) {
    if (options.generateIfMissing && !fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      placeKeyFile(file, serialise('jwk', [generateKey('sig', undefined)]), false);
    }
    this.#stamp = fileStamp(file);
    this.#keys = readKeyFile(file, 'sig', options.variable).keys;
    this.#checkedAt = options.clock().getTime();
  }

  /** Every key of the file, oldest first; the last one signs. */
  keys(): readonly RelyingPartyKey[] {
    const now = this.options.clock().getTime();
    if (Math.abs(now - this.#checkedAt) >= keyReloadIntervalMs) {
      this.#checkedAt = now;
      try {
        const stamp = fileStamp(this.file);
        if (stamp !== this.#stamp) {
          this.#keys = readKeyFile(this.file, 'sig', this.options.variable).keys;
          this.#stamp = stamp;
          this.options.onReload?.({ kids: this.#keys.map((key) => key.kid) });
        }
      } catch (error) {
        this.options.onReload?.({ error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    return this.#keys;
  }
}

function fileStamp(file: string): string {
  const stat = fs.statSync(file);
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** The keys of a file as `keys … list` shows them, oldest first, without generating anything. */
export function listKeyFile(file: string, use: KeyUse, variable?: string): RelyingPartyKey[] {
  return readKeyFile(file, use, variable).keys;
}

/** Appends a newly generated key to the file, keeping its format; returns the new key. */
export function rotateKeyFile(file: string, use: KeyUse, variable?: string): RelyingPartyKey {
  const { format, keys } = readKeyFile(file, use, variable);
  const fresh = generateKey(use, keys.at(-1));
  placeKeyFile(file, serialise(format, [...keys, fresh]), true);
  return fresh;
}

/**
 * Removes one key that no longer signs (not the newest) from the file, keeping its format; the
 * caller has made sure nothing needs it any more. Throws when the file has no such key or it is the
 * newest one.
 */
export function removeKeyFromFile(file: string, use: KeyUse, kid: string, variable?: string): void {
  const { format, keys } = readKeyFile(file, use, variable);
  const at = keys.findIndex((key) => key.kid === kid);
  if (at === -1) throw new Error(`${file} has no key "${kid}"`);
  if (at === keys.length - 1) throw new Error(`"${kid}" is the newest key of ${file}, the one that signs`);
  placeKeyFile(
    file,
    serialise(
      format,
      keys.filter((key) => key.kid !== kid),
    ),
    true,
  );
}

/** Keeps only the newest key of the file; returns the kids removed. */
export function retireKeyFile(file: string, use: KeyUse, variable?: string): string[] {
  const { format, keys } = readKeyFile(file, use, variable);
  if (keys.length <= 1) return [];
  placeKeyFile(file, serialise(format, keys.slice(-1)), true);
  return keys.slice(0, -1).map((key) => key.kid);
}
