import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { AppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config/config.js';
import { Envelope } from '../../src/crypto/envelope.js';
import { generateKeyRingText, parseKeyRing } from '../../src/crypto/key-ring.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logging/logger.js';
import { demoRegisterFile, FilePopulationRegister } from '../../src/modules/population-register/index.js';
import { createServices } from '../../src/services.js';
import { createTestDatabase } from '../helpers/test-database.js';

test('only the web side loads the relying party keys: services build without them, identification asks for them', async () => {
  const t = await createTestDatabase();
  try {
    const config = loadConfig({
      DATA_DIR: t.dataDir,
      LOG_LEVEL: 'silent',
      OIDC_ISSUER: 'https://broker.example',
      OIDC_CLIENT_ID: 'asiointitili',
      OIDC_CLIENT_SECRET: 'unused-under-the-ftn-profile',
      OIDC_SIGNING_KEY_FILE: path.join(t.dataDir, 'missing-signing-keys.json'),
      OIDC_ENCRYPTION_KEY_FILE: path.join(t.dataDir, 'missing-encryption-keys.json'),
    });
    const context: AppContext = {
      config,
      database: t.database,
      logger: createLogger('silent'),
      envelope: new Envelope(parseKeyRing(generateKeyRingText('test'))),
      populationRegister: FilePopulationRegister.load(demoRegisterFile),
      metrics: createMetrics(),
      clock: () => new Date(),
      testMode: false,
    };
    // What a worker or an operator command builds: no key file is read.
    const services = createServices(context);
    assert.ok(services.delivery);
    // The web side's routes ask for identification at start-up, and a missing key file stops them.
    assert.throws(() => services.accounts.identification, /missing-signing-keys\.json/);
  } finally {
    await t.destroy();
  }
});
