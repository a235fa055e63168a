import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Envelope } from '../crypto/envelope.js';
import type { TestIdpRecordRepository } from './test-idp-record-repository.js';

/** What every process running the bundled test IdP must share: its signing key, cookie key, client secret. */
export interface TestIdpSecrets {
  clientSecret: string;
  cookieKey: string;
  signingJwk: Record<string, unknown>;
}

/** Where the secrets are kept (a test_idp_records row, base64) and the context they are sealed under. */
export const testIdpSecretsRecord = {
  model: 'ProviderSecrets',
  recordId: 'v1',
  context: 'test-idp.secrets',
} as const;
const { model, recordId, context } = testIdpSecretsRecord;

function generate(): TestIdpSecrets {
  // An EC P-256 key signs ID tokens: made in well under a millisecond, where an RSA key took from a
  // few hundred milliseconds to a second of every demo start.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(`${jwk.x}${jwk.y}`).digest('base64url').slice(0, 16);
  return {
    clientSecret: randomBytes(32).toString('base64url'),
    cookieKey: randomBytes(32).toString('base64url'),
    signingJwk: { ...jwk, kid, use: 'sig', alg: 'ES256' },
  };
}

/**
 * The test IdP's secrets, made by whichever process starts first and kept (encrypted under the
 * master key) in the database, so that a token signed by one web process verifies in another and a
 * sign-in can hop between them.
 */
export async function loadTestIdpSecrets(
  records: TestIdpRecordRepository,
  envelope: Envelope,
): Promise<TestIdpSecrets> {
  const sealed = envelope.encrypt(JSON.stringify(generate()), context).toString('base64');
  await records.insertIfAbsent(model, recordId, sealed);
  const stored = await records.find(model, recordId, Date.now());
  if (stored === undefined) throw new Error('the test identification service could not keep its keys');
  return JSON.parse(envelope.decryptText(Buffer.from(stored, 'base64'), context)) as TestIdpSecrets;
}
