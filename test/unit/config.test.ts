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

  /** Values refused with a message that starts with the variable's name, by variable. */
  const refusedValues: Record<string, string[]> = {
    PORT: ['abc', '70000', '-1'],
    DATABASE_URL: ['not a url', 'mysql://localhost/db', 'postgres://', 'postgres://localhost'],
    PUBLIC_URL: ['ftp://x'],
    LOG_LEVEL: ['loud'],
    OIDC_ISSUER: ['https://idp.example'],
    OIDC_PROFILE: ['plain'],
    OIDC_FEDERATION_AUTHORITY_HINTS: ['https://ta.example, not a url'],
    TEST_IDP: ['maybe'],
    SMTP_URL: ['http://mail'],
    API_TOKEN_TTL_SECONDS: ['5'],
    METRICS_TOKEN: ['short'],
    TRUSTED_PROXIES: ['10.0.0.0/33', 'proxy.example'],
    DATABASE_POOL_SIZE: ['0'],
    METRICS_PORT: ['x'],
    WORKER_METRICS_PORT: ['70000'],
    DELIVERY_RETENTION_DAYS: ['0', '90d'],
    AUDIT_RETENTION_DAYS: ['6'],
  };
  const bad: Array<[Record<string, string>, RegExp]> = [
    ...Object.entries(refusedValues).flatMap(([name, values]) =>
      values.map((value): [Record<string, string>, RegExp] => [{ [name]: value }, new RegExp(`^${name} `)]),
    ),
    // Settings that must come together, and messages that say what to do.
    [{ MASTER_KEY: 'a', MASTER_KEY_FILE: '/x' }, /MASTER_KEY/],
    [{ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x' }, /^OIDC_ISSUER .*OIDC_SIGNING_KEY_FILE/],
    [
      { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'x', OIDC_PROFILE: 'basic' },
      /^OIDC_ISSUER .*OIDC_CLIENT_SECRET/,
    ],
    [{ OIDC_FEDERATION_AUTHORITY_HINTS: 'ftp://ta.example' }, /^OIDC_FEDERATION_AUTHORITY_HINTS must use/],
    [{ OIDC_SIGNING_KEY_FILE: '/keys/sig.pem' }, /^OIDC_SIGNING_KEY_FILE and OIDC_ENCRYPTION_KEY_FILE/],
    [{ TRUST_PROXY_HOPS: '1' }, /^TRUST_PROXY_HOPS is replaced by TRUSTED_PROXIES/],
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
