import {
  X509Certificate,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readKeyFileText } from '../../crypto/key-files.js';

/**
 * Our SAML service provider's key and certificate: the key signs AuthnRequests and logout messages
 * and decrypts the assertions the identity provider encrypts to the certificate, which our metadata
 * publishes for both uses. Kept apart from the master key ring and from the OIDC keys.
 */
export interface SamlServiceProviderKeys {
  /** PKCS#8 PEM. Never leaves this module's callers' memory. */
  privateKeyPem: string;
  certificatePem: string;
}

export class SamlKeyError extends Error {
  override name = 'SamlKeyError';
}

const minimumRsaBits = 2048;
/** How long a certificate made for demo or test mode is valid: long enough never to matter there. */
const generatedValidityYears = 10;

function readFile(file: string, variable: string): string {
  return readKeyFileText(file, `${variable} ${file}`, (message) => new SamlKeyError(message));
}

/** Reads and checks the pair: an unencrypted RSA key of at least 2048 bits and its own certificate. */
function parseKeys(keyFile: string, certFile: string): SamlServiceProviderKeys {
  const keyText = readFile(keyFile, 'SAML_SP_KEY_FILE');
  const certText = readFile(certFile, 'SAML_SP_CERT_FILE');
  if (keyText.includes('ENCRYPTED PRIVATE KEY')) {
    throw new SamlKeyError(`SAML_SP_KEY_FILE ${keyFile}: the key must not be protected by a passphrase`);
  }
  let key;
  let certificate;
  try {
    key = createPrivateKey(keyText);
  } catch {
    throw new SamlKeyError(`SAML_SP_KEY_FILE ${keyFile} holds no usable private key (PEM)`);
  }
  try {
    certificate = new X509Certificate(certText);
  } catch {
    throw new SamlKeyError(`SAML_SP_CERT_FILE ${certFile} holds no X.509 certificate (PEM)`);
  }
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < minimumRsaBits) {
    throw new SamlKeyError(
      `SAML_SP_KEY_FILE ${keyFile}: the key must be RSA with at least ${minimumRsaBits} bits`,
    );
  }
  const publicDer = (k: ReturnType<typeof createPublicKey>) => k.export({ type: 'spki', format: 'der' });
  if (!publicDer(createPublicKey(key)).equals(publicDer(certificate.publicKey))) {
    throw new SamlKeyError(`SAML_SP_CERT_FILE ${certFile} is not the certificate of SAML_SP_KEY_FILE`);
  }
  return {
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: certificate.toString(),
  };
}

/** A fresh RSA key with a self-signed certificate naming `commonName` (demo and test mode). */
export async function generateSamlKeys(commonName: string, now: Date): Promise<SamlServiceProviderKeys> {
  const forge = (await import('node-forge')).default;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: minimumRsaBits });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  // A positive serial (the first hex digit below 8), as X.509 requires.
  certificate.serialNumber = `0${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = now;
  certificate.validity.notAfter = new Date(now.getTime());
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + generatedValidityYears);
  const name = [{ name: 'commonName', value: commonName.slice(0, 64) }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { privateKeyPem, certificatePem: forge.pki.certificateToPem(certificate) };
}

/** Writes a new file readable by the owner only; false when it already exists (another process won). */
function writeNew(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Reads the key and certificate. With `generateIfMissing` (demo and test mode, files in DATA_DIR)
 * a missing pair is created first, the certificate before the key, so a process that finds the key
 * finds its certificate too.
 */
export async function loadSamlKeys(
  files: { keyFile: string; certFile: string },
  options: { generateIfMissing: boolean; commonName: string; now: Date },
): Promise<SamlServiceProviderKeys> {
  if (options.generateIfMissing && !fs.existsSync(files.keyFile)) {
    const generated = await generateSamlKeys(options.commonName, options.now);
    fs.mkdirSync(path.dirname(files.keyFile), { recursive: true, mode: 0o700 });
    const certTemporary = `${files.certFile}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(certTemporary, generated.certificatePem, { mode: 0o600, flag: 'wx' });
    fs.renameSync(certTemporary, files.certFile);
    // Of two processes starting at once, the one whose key lands first wins; the other reads it.
    writeNew(files.keyFile, generated.privateKeyPem);
  }
  return parseKeys(files.keyFile, files.certFile);
}
