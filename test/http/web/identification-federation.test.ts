import assert from 'node:assert/strict';
import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { translator } from '../../../src/i18n/i18n.js';
import {
  keyReloadIntervalMs,
  rotateKeyFile,
  signingKeyPublishLeadMs,
} from '../../../src/modules/identity/relying-party-keys.js';
import { assertPublicKeyOnly } from '../../helpers/jwk.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import type { TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

const entityId = 'http://localhost:3000';

async function get(h: TestHarness, url: string) {
  const response = await h.app.inject({ method: 'GET', url });
  return { status: response.statusCode, type: String(response.headers['content-type']), body: response.body };
}

/** The entity configuration, its signature checked against the federation keys it carries itself. */
async function entityConfiguration(h: TestHarness) {
  const { status, type, body } = await get(h, '/.well-known/openid-federation');
  assert.equal(status, 200);
  assert.match(type, /^application\/entity-statement\+jwt/);
  const { jwks } = JSON.parse(Buffer.from(body.split('.')[1]!, 'base64url').toString()) as {
    jwks: { keys: JsonWebKey[] };
  };
  const verified = await jwtVerify(body, createLocalJWKSet(jwks as never), {
    issuer: entityId,
    subject: entityId,
    typ: 'entity-statement+jwt',
    currentDate: h.context.clock(),
  });
  return { jwt: body, payload: verified.payload as JWTPayload & Record<string, unknown>, jwks };
}

async function publishedJwks(h: TestHarness): Promise<{ keys: JsonWebKey[] }> {
  return JSON.parse((await get(h, '/oidc/jwks.json')).body) as { keys: JsonWebKey[] };
}

describe(`OpenID Federation: our entity configuration and signed JWKS (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2026-11-29T12:00:00.000Z' });

  test('the entity configuration is self-signed with the federation key and describes our relying party', async () => {
    const { jwt, payload, jwks } = await entityConfiguration(h);
    const issuedAt = Date.parse('2026-11-29T12:00:00.000Z') / 1000;
    assert.equal(payload.iat, issuedAt);
    assert.equal(payload.exp, issuedAt + 24 * 3600);
    assert.equal(payload.authority_hints, undefined, 'none configured');
    // The federation key is its own: not one of the relying party's signing or encryption keys.
    const rpKids = (await publishedJwks(h)).keys.map((key) => key.kid);
    assert.equal(jwks.keys.length, 1);
    assert.ok(!rpKids.includes(jwks.keys[0]!.kid), 'a separate federation entity key');
    assert.equal(decodeProtectedHeader(jwt).kid, jwks.keys[0]!.kid);
    assertPublicKeyOnly(jwks.keys[0]!);
    await assert.rejects(
      jwtVerify(jwt, createLocalJWKSet((await publishedJwks(h)) as never), {
        currentDate: h.context.clock(),
      }),
      'not verifiable with the relying-party keys',
    );

    const ours = h.services.accounts.identification.relyingPartyKeys!;
    assert.deepEqual((payload.metadata as Record<string, unknown>).openid_relying_party, {
      client_registration_types: ['explicit'],
      client_name: translator('fi')('meta.serviceName'),
      'client_name#sv': translator('sv')('meta.serviceName'),
      'client_name#en': translator('en')('meta.serviceName'),
      application_type: 'web',
      redirect_uris: ['http://localhost:3000/auth/callback'],
      post_logout_redirect_uris: ['http://localhost:3000/logged-out'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      jwks_uri: 'http://localhost:3000/oidc/jwks.json',
      signed_jwks_uri: 'http://localhost:3000/oidc/signed-jwks.jwt',
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: ours.signingKey.alg,
      request_object_signing_alg: ours.signingKey.alg,
      id_token_encrypted_response_alg: 'RSA-OAEP-256',
      id_token_encrypted_response_enc: 'A256GCM',
      userinfo_encrypted_response_alg: 'RSA-OAEP-256',
      userinfo_encrypted_response_enc: 'A256GCM',
    });
  });

  test('the signed JWKS is our JWKS, signed with the federation key the entity configuration carries', async () => {
    const { jwks } = await entityConfiguration(h);
    const { status, type, body } = await get(h, '/oidc/signed-jwks.jwt');
    assert.equal(status, 200);
    assert.match(type, /^application\/jwk-set\+jwt/);
    const { payload } = await jwtVerify(body, createLocalJWKSet(jwks as never), {
      issuer: entityId,
      subject: entityId,
      typ: 'jwk-set+jwt',
      currentDate: h.context.clock(),
    });
    assert.deepEqual(payload.keys, (await publishedJwks(h)).keys);
    // Expired a day later, as any verifier sees it.
    await assert.rejects(
      jwtVerify(body, createLocalJWKSet(jwks as never), {
        currentDate: new Date(h.context.clock().getTime() + 24 * 3600_000 + 1000),
      }),
      /exp/,
    );
  });

  test('the federation key is in DATA_DIR in demo and test mode, readable by the owner only', () => {
    const file = h.context.config.oidcKeyFiles.federation!;
    assert.equal(file, path.join(h.context.config.dataDir, 'oidc-federation-keys.json'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });
});

describe(`OpenID Federation: authority hints and a federation key rotation (${testDialect})`, () => {
  const h = useSuiteHarness({
    env: {
      OIDC_FEDERATION_AUTHORITY_HINTS: 'https://trust-anchor.example.fi, https://broker.example.fi/fed/',
    },
  });

  test('authority_hints lists the configured superiors', async () => {
    const { payload } = await entityConfiguration(h);
    assert.deepEqual(payload.authority_hints, [
      'https://trust-anchor.example.fi',
      'https://broker.example.fi/fed',
    ]);
  });

  test('a new federation key is published at once and signs after the lead, without a restart', async () => {
    const before = (await entityConfiguration(h)).jwks.keys[0]!.kid;
    const fresh = rotateKeyFile(h.context.config.oidcKeyFiles.federation!, 'sig');
    h.setNow(new Date(Date.now() + keyReloadIntervalMs));
    const published = await entityConfiguration(h);
    assert.deepEqual(
      published.jwks.keys.map((key) => key.kid),
      [before, fresh.kid],
    );
    assert.equal(decodeProtectedHeader(published.jwt).kid, before, 'published before it signs');
    h.setNow(new Date(Date.now() + keyReloadIntervalMs + signingKeyPublishLeadMs));
    const later = await entityConfiguration(h);
    assert.equal(decodeProtectedHeader(later.jwt).kid, fresh.kid);
    assert.equal(decodeProtectedHeader((await get(h, '/oidc/signed-jwks.jwt')).body).kid, fresh.kid);
  });
});

describe(`OpenID Federation is not served without a federation key (${testDialect})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asiointitili-fed-'));
  const pem = (type: 'ec' | 'rsa') =>
    (type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 })
    ).privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
  fs.writeFileSync(path.join(dir, 'signing.pem'), pem('ec'), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'encryption.pem'), pem('rsa'), { mode: 0o600 });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const h = useSuiteHarness({
    env: {
      OIDC_SIGNING_KEY_FILE: path.join(dir, 'signing.pem'),
      OIDC_ENCRYPTION_KEY_FILE: path.join(dir, 'encryption.pem'),
    },
  });

  test('operator key files without OIDC_FEDERATION_KEY_FILE: JWKS yes, federation statements no', async () => {
    assert.equal((await get(h, '/oidc/jwks.json')).status, 200);
    assert.equal((await get(h, '/.well-known/openid-federation')).status, 404);
    assert.equal((await get(h, '/oidc/signed-jwks.jwt')).status, 404);
  });
});
