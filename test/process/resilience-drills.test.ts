import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crashUnderLoad } from '../../drills/crash-under-load.js';
import { databaseOutage } from '../../drills/database-outage.js';
import { diskFull } from '../../drills/disk-full.js';
import { providerOutage } from '../../drills/provider-outage.js';
import { testDialect } from '../helpers/test-database.js';

/** The small versions of `npm run drills`, on the phase's database. */
describe(`resilience drills, small (${testDialect})`, () => {
  test('crash under load: the server killed three times while sending; nothing acknowledged is lost or doubled', async (t) => {
    const report = await crashUnderLoad({ kills: 3, mostPerRun: 30, senders: 8 });
    t.diagnostic(report.toString());
    assert.ok(report.passed, report.toString());
  });

  test('provider outage: SMTP and the SMS gateway away for 3 s mid-run; every notification arrives after they return', async (t) => {
    const report = await providerOutage({ messages: 30, outageSeconds: 3 });
    t.diagnostic(report.toString());
    assert.ok(report.passed, report.toString());
  });

  test(
    'database outage: PostgreSQL away for 3 s under load; 503 with Retry-After and not ready meanwhile, nothing lost after',
    { skip: testDialect !== 'postgres' && 'PostgreSQL only' },
    async (t) => {
      const report = await databaseOutage({ outageSeconds: 3, senders: 4, acknowledgedEachSide: 20 });
      t.diagnostic(report.toString());
      assert.ok(report.passed, report.toString());
    },
  );

  test(
    'disk full: sends refused with 503 and Retry-After while the data directory is full, nothing half-written, back without a restart',
    { skip: testDialect !== 'sqlite' && 'the SQLite data directory only' },
    async (t) => {
      const report = await diskFull({ messages: 10 });
      t.diagnostic(report.toString());
      assert.ok(report.passed, report.toString());
    },
  );
});
