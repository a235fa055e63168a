import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { identificationActions } from '../../../src/modules/identity/index.js';
import {
  keyReloadIntervalMs,
  retireKeyFile,
  rotateKeyFile,
  signingKeyPublishLeadMs,
} from '../../../src/modules/identity/relying-party-keys.js';
import {
  browserRequest,
  CookieJar,
  identifyUntilCallback,
  loginThroughTestIdp,
} from '../../helpers/oidc-login.js';
import { assertPublicKeyOnly } from '../../helpers/jwk.js';
import { createHarness, type HarnessOptions, type TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

const maija = '010180-9026';

async function sessionsAndFailures(h: TestHarness) {
  const db = h.context.database.db;
  const sessions = await db.selectFrom('web_sessions').select('id_hash').execute();
  const failures = await db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', identificationActions.failed)
    .execute();
  return { sessions: sessions.length, failures: failures.map((row) => String(row.details)) };
}

/** Identifies at the test IdP and returns what our callback answered, as the browser sees it. */
async function identifyAndReturn(h: TestHarness, method: string, jar = new CookieJar()) {
  const { callback } = await identifyUntilCallback(h, maija, jar, method);
  return { response: await browserRequest(h, jar, 'GET', callback), jar };
}

/** The identification was refused: the failure page, no session cookie, no session row. */
async function assertRefused(h: TestHarness, method: string, reason: string, title: RegExp) {
  const before = await sessionsAndFailures(h);
  const { response, jar } = await identifyAndReturn(h, method);
  assert.equal(response.statusCode, 400, response.body.slice(0, 300));
  assert.match(response.body, title);
  assert.equal(jar.get(sessionCookieName(h.context)), undefined, 'no session cookie');
  const after = await sessionsAndFailures(h);
  assert.equal(after.sessions, before.sessions, 'no session stored');
  assert.equal(after.failures.length, before.failures.length + 1, 'the failure is audited');
  assert.match(after.failures.at(-1)!, new RegExp(reason));
  // Whatever the provider said about the person stays out of the log, whichever check refused it.
  assert.doesNotMatch(
    h.log.text,
    /010180.?9026|meikäläinen|maija|eyJ[\w-]+\.[\w-]+/i,
    'nothing personal logged',
  );
}

function harnessWith(options: HarnessOptions) {
  const state: { h?: TestHarness } = {};
  before(async () => {
    state.h = await createHarness(options);
  });
  after(() => state.h?.close());
  return () => state.h!;
}

describe(`our FTN profile keys at /oidc/jwks.json (${testDialect})`, () => {
  const harness = harnessWith({});

  test('publishes the signing and the encryption key: public members only, with kid, use and alg', async () => {
    const h = harness();
    const response = await h.app.inject({ method: 'GET', url: '/oidc/jwks.json' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/jwk-set\+json/);
    const { keys } = response.json() as { keys: JsonWebKey[] };
    const ours = h.services.accounts.identification.relyingPartyKeys!;
    assert.deepEqual(
      keys.map((key) => [key.kid, key.use, key.alg, key.kty]),
      [
        [ours.signingKey.kid, 'sig', 'ES256', 'EC'],
        [ours.encryption[0]!.kid, 'enc', 'RSA-OAEP-256', 'RSA'],
      ],
    );
    for (const key of keys) assertPublicKeyOnly(key);
    assert.ok(!response.body.includes('"d"'), 'no private exponent anywhere in the document');
  });

  test('the keys generated in demo and test mode are in DATA_DIR, readable by the owner only', () => {
    const h = harness();
    for (const file of [h.context.config.oidcKeyFiles.signing, h.context.config.oidcKeyFiles.encryption]) {
      assert.ok(file.startsWith(h.context.config.dataDir), file);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600, file);
    }
  });
});

describe(`the test IdP enforces the FTN profile (${testDialect})`, () => {
  const harness = harnessWith({});

  test('an authorization request without a signed request object is refused', async () => {
    const h = harness();
    const jar = new CookieJar();
    const start = await browserRequest(h, jar, 'GET', '/login');
    const signed = decodeJwt(new URL(start.location!).searchParams.get('request')!);
    // The very parameters our request object carried, sent as plain query parameters instead.
    const plain = new URL('/test-idp/auth', h.context.config.publicUrl);
    for (const name of [
      'client_id',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
      'nonce',
      'code_challenge',
      'code_challenge_method',
    ]) {
      plain.searchParams.set(name, String(signed[name]));
    }
    // ... and inside a request object that is not signed (alg "none").
    const unsigned = new URL(plain);
    unsigned.searchParams.set('request', new UnsecuredJWT({ ...signed }).encode());
    for (const url of [plain.href, unsigned.href]) {
      const refused = await browserRequest(h, new CookieJar(), 'GET', url);
      const answer = refused.location ? new URL(refused.location, plain) : undefined;
      assert.ok(
        answer
          ? ['invalid_request', 'invalid_request_object'].includes(answer.searchParams.get('error')!)
          : refused.statusCode === 400,
        `${refused.statusCode} ${refused.location ?? refused.body.slice(0, 200)}`,
      );
      assert.ok(!answer?.pathname.startsWith('/test-idp/interaction'), 'no identification begins');
    }
    // The signed request itself goes on to the identification pages.
    const accepted = await browserRequest(h, jar, 'GET', start.location!);
    assert.match(String(accepted.location), /^\/test-idp\/interaction\//);
  });

  test('a client assertion signed with a wrong key is refused at the token endpoint', async () => {
    const h = harness();
    const { callback } = await identifyUntilCallback(h, maija);
    const code = new URL(callback, h.context.config.publicUrl).searchParams.get('code')!;
    const ours = h.services.accounts.identification.relyingPartyKeys!.signingKey;
    const tokenRequest = async (key: KeyObject) => {
      const assertion = await new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: 'ES256', kid: ours.kid })
        .setIssuer('asiointitili')
        .setSubject('asiointitili')
        .setAudience('http://localhost:3000/test-idp')
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(key);
      const response = await h.app.inject({
        method: 'POST',
        url: '/test-idp/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: 'http://localhost:3000/auth/callback',
          code_verifier: 'x'.repeat(43),
          client_id: 'asiointitili',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
        }).toString(),
      });
      return { status: response.statusCode, error: (response.json() as { error: string }).error };
    };
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    assert.deepEqual(await tokenRequest(stranger), { status: 401, error: 'invalid_client' });
    // With our key the client is authenticated; only the (deliberately wrong) PKCE verifier fails.
    assert.deepEqual(await tokenRequest(ours.privateKey), { status: 400, error: 'invalid_grant' });
  });
});

for (const [what, member] of [
  ['ID token', 'id_token'],
  ['userinfo response', 'userinfo'],
] as const) {
  describe(`our relying party refuses an unencrypted ${what} (${testDialect})`, () => {
    const harness = harnessWith({
      testIdpClient: {
        // The provider is told to sign only, as a misconfigured broker would.
        adjust: (registration) => {
          const plain = { ...registration };
          delete plain[`${member}_encrypted_response_alg`];
          delete plain[`${member}_encrypted_response_enc`];
          return plain;
        },
      },
    });

    test('the failure page, no session, audited as rejected', async () => {
      const h = harness();
      await assertRefused(h, 'bank-nordea', 'rejected', /Tunnistautuminen ei onnistunut/);
      assert.match(h.log.text, new RegExp(`the ${what} was not encrypted`));
    });
  });
}

describe(`our relying party refuses an ID token encrypted to a key not ours (${testDialect})`, () => {
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  const harness = harnessWith({
    testIdpClient: {
      // The same kid and algorithm as our encryption key: only the key itself differs.
      adjust: (registration) => {
        const { keys } = registration.jwks as { keys: JsonWebKey[] };
        const swapped = keys.map((key) =>
          key.use === 'enc' ? { ...key, n: stranger.n, e: stranger.e } : key,
        );
        return { ...registration, jwks: { keys: swapped } };
      },
    },
  });

  test('the failure page, no session, audited as rejected', async () => {
    await assertRefused(harness(), 'bank-nordea', 'rejected', /Tunnistautuminen ei onnistunut/);
  });
});

describe(`our relying party refuses a lower level of assurance than asked (${testDialect})`, () => {
  const harness = harnessWith({ env: { OIDC_ACR_VALUES: 'http://ftn.ficora.fi/2017/loa3' } });

  test('bank credentials (substantial) are refused when high is asked, with a page saying why', async () => {
    await assertRefused(harness(), 'bank-nordea', 'insufficient-assurance', /Tunnistustapa ei riitä/);
  });

  test('the page is in the language of the page the person came from', async () => {
    const h = harness();
    const jar = new CookieJar();
    jar.set('lang', 'sv');
    const { response } = await identifyAndReturn(h, 'bank-op', jar);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Identifieringsmetoden räcker inte/);
  });

  test('Mobiilivarmenne (high) is accepted', async () => {
    const { landing, jar } = await loginThroughTestIdp(harness(), maija, { method: 'mobile' });
    assert.equal(landing, '/account/open');
    assert.ok(jar.get(sessionCookieName(harness().context)));
  });
});

describe(`keys rotate without a restart and without a failed login (${testDialect})`, () => {
  // While set, the test IdP sees only this one of our encryption keys, as a broker that has not yet
  // fetched our new JWKS (or still prefers the old key) would.
  const provider: { encryptsTo?: string } = {};
  const harness = harnessWith({
    testIdpClient: {
      adjust: (registration) => {
        if (!provider.encryptsTo) return registration;
        const { keys } = registration.jwks as { keys: JsonWebKey[] };
        const seen = keys.filter((key) => key.use === 'sig' || key.kid === provider.encryptsTo);
        return { ...registration, jwks: { keys: seen } };
      },
    },
  });
  const publishedKids = async (h: TestHarness) =>
    (
      (await h.app.inject({ method: 'GET', url: '/oidc/jwks.json' })).json() as { keys: JsonWebKey[] }
    ).keys.map((key) => key.kid!);
  const requestObjectKid = async (h: TestHarness) => {
    const start = await browserRequest(h, new CookieJar(), 'GET', '/login');
    return decodeProtectedHeader(new URL(start.location!).searchParams.get('request')!).kid;
  };
  let ahead = 0;
  /**
   * Moves the service's clock this far further ahead of real time (the IdP and the key files'
   * mtimes keep real time; our key checks compare the service's clock with them).
   */
  const wait = (h: TestHarness, ms: number) => {
    ahead += ms;
    h.setNow(new Date(Date.now() + ahead));
  };

  test('`keys oidc rotate` in the middle of a login: the login completes, the new keys are published at once and the new signing key signs after the lead', async () => {
    const h = harness();
    const old = h.services.accounts.identification.relyingPartyKeys!;
    provider.encryptsTo = old.encryption[0]!.kid;
    // The person is at the IdP with a request object signed by the old key when the operator rotates.
    const { jar, callback } = await identifyUntilCallback(h, maija);
    const signing = rotateKeyFile(h.context.config.oidcKeyFiles.signing, 'sig');
    const encryption = rotateKeyFile(h.context.config.oidcKeyFiles.encryption, 'enc');
    wait(h, keyReloadIntervalMs);
    assert.deepEqual(
      await publishedKids(h),
      [old.signingKey.kid, signing.kid, old.encryption[0]!.kid, encryption.kid],
      'old and new keys are both published, without a restart',
    );
    // The callback: token request and an ID token encrypted to the old key, which still decrypts.
    const done = await browserRequest(h, jar, 'GET', callback);
    assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    assert.equal(done.location, '/account/open');
    assert.ok(jar.get(sessionCookieName(h.context)));
    assert.equal(await requestObjectKid(h), old.signingKey.kid, 'the new key is published before it signs');

    wait(h, signingKeyPublishLeadMs);
    assert.equal(await requestObjectKid(h), signing.kid, 'after the lead the new signing key signs');
    // A provider that has moved to the new encryption key, and a whole login with the new signing key.
    provider.encryptsTo = encryption.kid;
    const { landing } = await loginThroughTestIdp(h, maija);
    assert.equal(landing, '/account/open');
    assert.match(h.log.text, /relying party key files re-read/);
  });

  test('a retired key is no longer published (nor used), without a restart', async () => {
    const h = harness();
    provider.encryptsTo = undefined;
    const before = new Set(await publishedKids(h));
    retireKeyFile(h.context.config.oidcKeyFiles.signing, 'sig');
    retireKeyFile(h.context.config.oidcKeyFiles.encryption, 'enc');
    wait(h, keyReloadIntervalMs);
    const after = await publishedKids(h);
    assert.equal(after.length, 2);
    assert.equal(before.size, 4, 'the previous test left two keys of each kind');
    const current = h.services.accounts.identification.relyingPartyKeys!;
    assert.deepEqual(after, [current.signingKey.kid, current.encryption[0]!.kid]);
    assert.equal(await requestObjectKid(h), current.signingKey.kid);
    const { landing } = await loginThroughTestIdp(h, maija);
    assert.equal(landing, '/account/open');
  });
});

describe(`OIDC_PROFILE=basic keeps the client-secret flow (${testDialect})`, () => {
  const harness = harnessWith({ env: { OIDC_PROFILE: 'basic' } });

  test('plain authorization parameters, a sign-in, no JWKS, and a warning at start-up', async () => {
    const h = harness();
    const start = await browserRequest(h, new CookieJar(), 'GET', '/login');
    const url = new URL(start.location!);
    assert.equal(url.searchParams.get('request'), null);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    const { landing } = await loginThroughTestIdp(h, maija);
    assert.equal(landing, '/account/open');
    assert.equal((await h.app.inject({ method: 'GET', url: '/oidc/jwks.json' })).statusCode, 404);
    assert.match(h.log.text, /OIDC_PROFILE=basic/);
  });
});
