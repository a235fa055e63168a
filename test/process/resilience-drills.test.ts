import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crashUnderLoad } from '../../drills/crash-under-load.js';
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
});
