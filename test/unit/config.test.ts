import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('configuration', () => {
  test('defaults are usable for the demo', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.publicUrl.href, 'http://localhost:3000/');
    assert.equal(config.printDir, path.resolve('./data/print'));
    assert.equal(config.apiTokenTtlSeconds, 3600);
    assert.equal(config.sessionIdleMinutes, 30);
    assert.equal(config.sessionAbsoluteHours, 12);
    assert.equal(config.deliveryRetentionDays, 90);
    assert.equal(config.auditRetentionDays, 2190);
    assert.equal(config.oidcProfile, 'ftn');
    assert.deepEqual(config.oidcAcrValues, ['http://ftn.ficora.fi/2017/loa2']);
    assert.equal(config.oidcKeyFiles.signing, path.resolve('./data/oidc-signing-keys.json'));
    assert.equal(config.oidcKeyFiles.inDataDir, true);
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'abc' }, /^PORT /],
    [{ PORT: '70000' }, /^PORT /],
    [{ PORT: '-1' }, /^PORT /],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL /],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /^DATABASE_URL /],
    [{ DATABASE_URL: 'postgres://' }, /^DATABASE_URL /],
    [{ DATABASE_URL: 'postgres://localhost' }, /^DATABASE_URL /],
    [{ PUBLIC_URL: 'ftp://x' }, /^PUBLIC_URL /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ MASTER_KEY: 'a', MASTER_KEY_FILE: '/x' }, /MASTER_KEY/],
    [{ OIDC_ISSUER: 'https://idp.example' }, /^OIDC_ISSUER /],
    [{ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x' }, /^OIDC_ISSUER .*OIDC_SIGNING_KEY_FILE/],
    [
      { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x', OIDC_PROFILE: 'basic' },
      /^OIDC_ISSUER .*OIDC_CLIENT_SECRET/,
    ],
    [{ OIDC_PROFILE: 'plain' }, /^OIDC_PROFILE /],
    [
      { OIDC_FEDERATION_AUTHORITY_HINTS: 'https://ta.example, not a url' },
      /^OIDC_FEDERATION_AUTHORITY_HINTS /,
    ],
    [{ OIDC_FEDERATION_AUTHORITY_HINTS: 'ftp://ta.example' }, /^OIDC_FEDERATION_AUTHORITY_HINTS must use/],
    [{ OIDC_SIGNING_KEY_FILE: '/keys/sig.pem' }, /^OIDC_SIGNING_KEY_FILE and OIDC_ENCRYPTION_KEY_FILE/],
    [{ TEST_IDP: 'maybe' }, /^TEST_IDP /],
    [{ SMTP_URL: 'http://mail' }, /^SMTP_URL /],
    [{ API_TOKEN_TTL_SECONDS: '5' }, /^API_TOKEN_TTL_SECONDS /],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN /],
    [{ TRUST_PROXY_HOPS: '1' }, /^TRUST_PROXY_HOPS is replaced by TRUSTED_PROXIES/],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /^TRUSTED_PROXIES /],
    [{ TRUSTED_PROXIES: 'proxy.example' }, /^TRUSTED_PROXIES /],
    [{ DATABASE_POOL_SIZE: '0' }, /^DATABASE_POOL_SIZE /],
    [{ METRICS_PORT: 'x' }, /^METRICS_PORT /],
    [{ WORKER_METRICS_PORT: '70000' }, /^WORKER_METRICS_PORT /],
    [{ DELIVERY_RETENTION_DAYS: '0' }, /^DELIVERY_RETENTION_DAYS /],
    [{ DELIVERY_RETENTION_DAYS: '90d' }, /^DELIVERY_RETENTION_DAYS /],
    [{ AUDIT_RETENTION_DAYS: '6' }, /^AUDIT_RETENTION_DAYS /],
  ];
  for (const [env, pattern] of bad) {
    test(`rejects ${JSON.stringify(env)} with a one-line message naming the variable`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, pattern);
          assert.ok(!error.message.includes('\n'));
          return true;
        },
      );
    });
  }

  test('accepts a PostgreSQL URL and an https public URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@127.0.0.1:5432/asiointitili',
      PUBLIC_URL: 'https://asiointi.example.fi',
    });
    assert.equal(config.databaseUrl, 'postgres://app@127.0.0.1:5432/asiointitili');
    assert.equal(config.publicUrl.protocol, 'https:');
  });
});

describe('delivery and print settings', () => {
  test('defaults', () => {
    const config = loadConfig({});
    assert.deepEqual(config.printAddressWindowMm, { leftMm: 20, topMm: 45, widthMm: 90, heightMm: 40 });
    assert.equal(config.printBatchMaxLetters, 500);
    assert.equal(config.deliveryLeaseSeconds, 300);
  });
  for (const value of ['20,45,90', 'a,b,c,d', '150,45,90,40', '20,45,10,40']) {
    test(`PRINT_ADDRESS_WINDOW_MM=${value} is refused`, () => {
      assert.throws(
        () => loadConfig({ PRINT_ADDRESS_WINDOW_MM: value }),
        /^ConfigError: PRINT_ADDRESS_WINDOW_MM /,
      );
    });
  }
});
