import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { acrSatisfies } from '../../../src/modules/identity/assurance-level.js';
import {
  keyReloadIntervalMs,
  RelyingPartyKeyError,
  RelyingPartyKeys,
  RelyingPartyKeyStore,
  retireKeyFile,
  rotateKeyFile,
  signingKeyPublishLeadMs,
} from '../../../src/modules/identity/relying-party-keys.js';
import { runCliInProcess } from '../../helpers/cli-in-process.js';
import { assertPublicKeyOnly } from '../../helpers/jwk.js';
import { temporaryDirectories } from '../../helpers/temporary-files.js';

const tempDir = temporaryDirectories('rp-keys');

function rsaPem(bits = 2048): string {
  return generateKeyPairSync('rsa', { modulusLength: bits })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** Operator-made files: an RSA signing key as PEM, an RSA encryption key as a JWK with its own kid. */
function operatorFiles() {
  const dir = tempDir();
  const signing = path.join(dir, 'signing.pem');
  const encryption = path.join(dir, 'encryption.jwk');
  fs.writeFileSync(signing, rsaPem(), { mode: 0o600 });
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  fs.writeFileSync(encryption, JSON.stringify({ ...jwk, kid: 'enc-2026', alg: 'RSA-OAEP' }), { mode: 0o600 });
  return { signing, encryption };
}

describe('the relying party keys (FTN profile)', () => {
  test('read from PEM and JWK: kids, algorithms, and a JWKS without private members', () => {
    const files = operatorFiles();
    const keys = RelyingPartyKeys.load(files, { generateIfMissing: false });
    assert.equal(keys.signingKey.alg, 'RS256');
    assert.match(keys.signingKey.kid, /^[\w-]{16}$/);
    assert.equal(keys.encryption[0]!.kid, 'enc-2026');
    assert.equal(keys.encryption[0]!.alg, 'RSA-OAEP');
    // The same PEM gives the same kid every time (it is derived from the public key).
    assert.equal(
      RelyingPartyKeys.load(files, { generateIfMissing: false }).signingKey.kid,
      keys.signingKey.kid,
    );
    const jwks = keys.publicJwks();
    assert.deepEqual(
      jwks.keys.map((key) => [key.use, key.alg]),
      [
        ['sig', 'RS256'],
        ['enc', 'RSA-OAEP'],
      ],
    );
    for (const key of jwks.keys) assertPublicKeyOnly(key);
  });

  test('generated when missing only where allowed, with mode 0600', () => {
    const dir = tempDir();
    const files = { signing: path.join(dir, 'sig.json'), encryption: path.join(dir, 'enc.json') };
    assert.throws(() => RelyingPartyKeys.load(files, { generateIfMissing: false }), /does not exist/);
    const keys = RelyingPartyKeys.load(files, { generateIfMissing: true });
    assert.equal(keys.signingKey.alg, 'ES256');
    assert.equal(keys.encryption[0]!.alg, 'RSA-OAEP-256');
    for (const file of Object.values(files)) assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    // A second start reads what the first one made.
    assert.equal(
      RelyingPartyKeys.load(files, { generateIfMissing: true }).signingKey.kid,
      keys.signingKey.kid,
    );
  });

  const unusable: Array<[string, (dir: string) => { signing: string; encryption: string }, RegExp]> = [
    [
      'an EC encryption key',
      (dir) => ({
        signing: write(dir, 's.pem', rsaPem()),
        encryption: write(
          dir,
          'e.pem',
          generateKeyPairSync('ec', { namedCurve: 'P-256' })
            .privateKey.export({ type: 'pkcs8', format: 'pem' })
            .toString(),
        ),
      }),
      /OIDC_ENCRYPTION_KEY_FILE .* must be an RSA key/,
    ],
    [
      'a short RSA key',
      (dir) => ({ signing: write(dir, 's.pem', rsaPem(1024)), encryption: write(dir, 'e.pem', rsaPem()) }),
      /at least 2048 bits/,
    ],
    [
      'a public key only',
      (dir) => ({
        signing: write(
          dir,
          's.json',
          JSON.stringify(
            generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }),
          ),
        ),
        encryption: write(dir, 'e.pem', rsaPem()),
      }),
      /OIDC_SIGNING_KEY_FILE .* must hold private keys/,
    ],
    [
      'a file with no key',
      (dir) => ({ signing: write(dir, 's.pem', 'hello'), encryption: write(dir, 'e.pem', rsaPem()) }),
      /holds no private key/,
    ],
  ];
  for (const [what, make, pattern] of unusable) {
    test(`refuses ${what}, naming the variable`, () => {
      assert.throws(
        () => RelyingPartyKeys.load(make(tempDir()), { generateIfMissing: false }),
        (error: unknown) => error instanceof RelyingPartyKeyError && pattern.test(error.message),
      );
    });
  }

  test('rotation keeps the old key next to the new; the newest signs; retiring keeps only the newest', () => {
    const files = operatorFiles();
    const before = RelyingPartyKeys.load(files, { generateIfMissing: false });
    const newSigning = rotateKeyFile(files.signing, 'sig');
    const newEncryption = rotateKeyFile(files.encryption, 'enc');
    const rotated = RelyingPartyKeys.load(files, { generateIfMissing: false });
    assert.equal(rotated.signingKey.kid, newSigning.kid);
    assert.equal(newSigning.alg, 'RS256', 'like the key before it');
    assert.equal(newEncryption.alg, 'RSA-OAEP', 'like the key before it');
    assert.deepEqual(
      rotated.publicJwks().keys.map((key) => key.kid),
      [before.signingKey.kid, newSigning.kid, 'enc-2026', newEncryption.kid],
    );
    // Each file keeps its format: PEM blocks stay PEM, a JWK becomes a JWK set.
    assert.equal(fs.readFileSync(files.signing, 'utf8').match(/BEGIN PRIVATE KEY/g)?.length, 2);
    assert.equal(
      (JSON.parse(fs.readFileSync(files.encryption, 'utf8')) as { keys: unknown[] }).keys.length,
      2,
    );
    assert.equal(fs.statSync(files.signing).mode & 0o777, 0o600);

    assert.deepEqual(retireKeyFile(files.signing, 'sig'), [before.signingKey.kid]);
    assert.deepEqual(retireKeyFile(files.encryption, 'enc'), ['enc-2026']);
    assert.deepEqual(retireKeyFile(files.encryption, 'enc'), [], 'nothing left to retire');
    const retired = RelyingPartyKeys.load(files, { generateIfMissing: false });
    assert.deepEqual(
      retired.publicJwks().keys.map((key) => key.kid),
      [newSigning.kid, newEncryption.kid],
    );
  });

  test('`keys oidc rotate` and `keys oidc retire` work on the configured files', async () => {
    const files = operatorFiles();
    const env = { OIDC_SIGNING_KEY_FILE: files.signing, OIDC_ENCRYPTION_KEY_FILE: files.encryption };
    const kids = () => RelyingPartyKeys.load(files, { generateIfMissing: false }).publicJwks().keys.length;
    try {
      assert.equal(
        (await runCliInProcess(['keys', 'oidc', 'rotate', '--only', 'encryption'], env)).failure,
        undefined,
      );
      assert.equal(kids(), 3);
      assert.equal((await runCliInProcess(['keys', 'oidc', 'rotate'], env)).failure, undefined);
      assert.equal(kids(), 5);
      assert.equal((await runCliInProcess(['keys', 'oidc', 'retire'], env)).failure, undefined);
      assert.equal(kids(), 2);
      const refused = await runCliInProcess(['keys', 'oidc', 'rotate', '--only', 'master'], env);
      assert.match(refused.failure ?? '', /--only takes signing, encryption or federation/);
    } finally {
      delete process.env.OIDC_SIGNING_KEY_FILE;
      delete process.env.OIDC_ENCRYPTION_KEY_FILE;
    }
  });
});

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

describe('the level of assurance returned against the one asked', () => {
  const loa2 = 'http://ftn.ficora.fi/2017/loa2';
  const loa3 = 'http://ftn.ficora.fi/2017/loa3';
  const cases: Array<[unknown, string[], boolean]> = [
    [loa2, [loa2], true],
    [loa3, [loa2], true],
    [loa2, [loa3], false],
    [undefined, [loa2], false],
    ['', [loa2], false],
    ['urn:other:level', [loa2], false],
    ['urn:other:level', ['urn:other:level'], true],
    [loa3, ['urn:other:level'], false],
  ];
  for (const [returned, asked, accepted] of cases) {
    test(`${String(returned)} for ${asked.join(' ')}: ${accepted ? 'accepted' : 'refused'}`, () => {
      assert.equal(acrSatisfies(returned, asked), accepted);
    });
  }
});

describe('the relying party keys while the web process runs (RelyingPartyKeyStore)', () => {
  /** A store on a movable clock, and what it reported when it re-read (or failed to). */
  function storeOn(files: { signing: string; encryption: string }) {
    let now = Date.parse('2026-11-29T12:00:00Z');
    const reports: Array<{ kids: string[] } | { error: Error }> = [];
    const store = new RelyingPartyKeyStore(files, {
      generateIfMissing: { core: false, federation: false },
      clock: () => new Date(now),
      onReload: (outcome) => reports.push(outcome),
    });
    const at = (ms: number) => {
      now += ms;
    };
    /** Gives a file the clock's time as its mtime (the rotation happened "now"). */
    const touch = (file: string) => fs.utimesSync(file, new Date(now), new Date(now));
    return { store, at, touch, reports };
  }

  test('a rotation is published at the next look, and the new signing key signs only after the lead', () => {
    const files = operatorFiles();
    const { store, at, touch, reports } = storeOn(files);
    const before = store.current();
    const fresh = rotateKeyFile(files.signing, 'sig');
    touch(files.signing);
    assert.equal(store.current(), before, 'not looked at again within the interval');
    at(keyReloadIntervalMs);
    const published = store.current();
    assert.deepEqual(
      published.signing.map((key) => key.kid),
      [before.signingKey.kid, fresh.kid],
    );
    assert.equal(published.signingKey.kid, before.signingKey.kid, 'published before it is used');
    assert.equal(store.current(), published, 'the same object while nothing changes');
    assert.deepEqual(reports, [{ kids: [before.signingKey.kid, fresh.kid, 'enc-2026'] }]);
    at(signingKeyPublishLeadMs - keyReloadIntervalMs - 1);
    assert.equal(store.current().signingKey.kid, before.signingKey.kid);
    at(1);
    assert.equal(store.current().signingKey.kid, fresh.kid);
  });

  test('a retired key is no longer published once the files are looked at again', () => {
    const files = operatorFiles();
    const { store, at } = storeOn(files);
    const old = store.current().signingKey.kid;
    rotateKeyFile(files.signing, 'sig');
    const freshEncryption = rotateKeyFile(files.encryption, 'enc');
    at(keyReloadIntervalMs);
    assert.equal(store.current().publicJwks().keys.length, 4);
    retireKeyFile(files.signing, 'sig');
    retireKeyFile(files.encryption, 'enc');
    at(keyReloadIntervalMs);
    const kids = store
      .current()
      .publicJwks()
      .keys.map((key) => key.kid);
    assert.equal(kids.length, 2);
    assert.ok(!kids.includes(old) && !kids.includes('enc-2026'), kids.join());
    assert.ok(kids.includes(freshEncryption.kid));
    assert.equal(store.current().encryption.length, 1, 'the retired key no longer decrypts either');
  });

  test('a file broken while running is reported and the keys held stay in use', () => {
    const files = operatorFiles();
    const { store, at, reports } = storeOn(files);
    const held = store.current();
    fs.writeFileSync(files.encryption, 'not a key', { mode: 0o600 });
    at(keyReloadIntervalMs);
    assert.equal(store.current(), held);
    assert.equal(reports.length, 1);
    assert.match(
      String((reports[0] as { error: Error }).error.message),
      /OIDC_ENCRYPTION_KEY_FILE .* holds no private key/,
    );
  });
});

describe('`keys oidc` and the federation entity key', () => {
  test('rotated and retired only when named (--only federation), listed with the others', async () => {
    const files = operatorFiles();
    const federation = path.join(path.dirname(files.signing), 'federation.pem');
    fs.writeFileSync(federation, rsaPem(), { mode: 0o600 });
    const env = {
      OIDC_SIGNING_KEY_FILE: files.signing,
      OIDC_ENCRYPTION_KEY_FILE: files.encryption,
      OIDC_FEDERATION_KEY_FILE: federation,
    };
    const load = () => RelyingPartyKeys.load({ ...files, federation }, { generateIfMissing: false });
    assert.equal((await runCliInProcess(['keys', 'oidc', 'rotate'], env)).failure, undefined);
    assert.equal(load().federation.length, 1, 'a plain rotate leaves the federation key alone');
    assert.equal(
      (await runCliInProcess(['keys', 'oidc', 'rotate', '--only', 'federation'], env)).failure,
      undefined,
    );
    assert.equal(load().federation.length, 2);
    assert.equal(load().signing.length, 2);
    assert.equal((await runCliInProcess(['keys', 'oidc', 'list'], env)).failure, undefined);
    assert.equal(
      (await runCliInProcess(['keys', 'oidc', 'retire', '--only', 'federation'], env)).failure,
      undefined,
    );
    assert.equal(load().federation.length, 1);
    assert.equal(load().signing.length, 2, 'only the federation key was retired');
    assert.deepEqual(load().publicJwks().keys.length, 4, 'federation keys are not in the JWKS');
  });
});
