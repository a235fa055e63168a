import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { generateSamlKeys, loadSamlKeys } from '../../../src/modules/identity/saml-keys.js';

const now = new Date('2026-03-02T08:00:00Z');

describe('our SAML key and certificate', () => {
  test('demo mode generates a pair once (owner-only files) and reads it back afterwards', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saml-keys-'));
    const files = { keyFile: path.join(dir, 'key.pem'), certFile: path.join(dir, 'cert.pem') };
    const options = { generateIfMissing: true, commonName: 'asiointi.example', now };
    const first = await loadSamlKeys(files, options);
    const again = await loadSamlKeys(files, options);
    assert.equal(again.certificatePem, first.certificatePem);
    assert.equal(fs.statSync(files.keyFile).mode & 0o777, 0o600);
    const certificate = new X509Certificate(first.certificatePem);
    assert.match(certificate.subject, /CN=asiointi.example/);
    assert.equal(new Date(certificate.validFrom).getTime(), now.getTime());
  });

  test('a missing file, a certificate of another key or a weak key stops the start, naming the variable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saml-keys-'));
    const [one, other] = await Promise.all([generateSamlKeys('one', now), generateSamlKeys('other', now)]);
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const options = { generateIfMissing: false, commonName: 'x', now };
    await assert.rejects(
      loadSamlKeys({ keyFile: path.join(dir, 'none.pem'), certFile: path.join(dir, 'none.crt') }, options),
      /SAML_SP_KEY_FILE .* does not exist/,
    );
    await assert.rejects(
      loadSamlKeys(
        { keyFile: write('one.pem', one.privateKeyPem), certFile: write('other.crt', other.certificatePem) },
        options,
      ),
      /SAML_SP_CERT_FILE .* is not the certificate of SAML_SP_KEY_FILE/,
    );
    await assert.rejects(
      loadSamlKeys(
        { keyFile: write('one.pem', one.privateKeyPem), certFile: write('junk.crt', 'junk') },
        options,
      ),
      /no X.509 certificate/,
    );
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    await assert.rejects(
      loadSamlKeys(
        { keyFile: write('weak.pem', weak.toString()), certFile: write('one.crt', one.certificatePem) },
        options,
      ),
      /must be RSA with at least 2048 bits/,
    );
    const pair = await loadSamlKeys(
      { keyFile: write('one.pem', one.privateKeyPem), certFile: write('one.crt', one.certificatePem) },
      options,
    );
    assert.equal(pair.certificatePem.trim(), new X509Certificate(one.certificatePem).toString().trim());
  });
});
