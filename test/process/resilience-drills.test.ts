import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crashUnderLoad } from '../../drills/crash-under-load.js';
import { databaseOutage } from '../../drills/database-outage.js';
import type { DrillReport } from '../../drills/drill-report.js';
import { diskFull } from '../../drills/disk-full.js';
import { providerOutage } from '../../drills/provider-outage.js';
import { testDialect } from '../helpers/test-database.js';

/** A small drill: what it shows, the run, and the one database it needs (with why, when it skips). */
interface SmallDrill {
  name: string;
  run: () => Promise<DrillReport>;
  only?: { dialect: typeof testDialect; otherwise: string };
}

const drills: SmallDrill[] = [
  {
    name: 'crash under load: the server killed three times while sending; nothing acknowledged is lost or doubled',
    run: () => crashUnderLoad({ kills: 3, mostPerRun: 30, senders: 8 }),
  },
  {
    name: 'provider outage: SMTP and the SMS gateway away for 3 s mid-run; every notification arrives after they return',
    run: () => providerOutage({ messages: 30, outageSeconds: 3 }),
  },
  {
    name: 'database outage: PostgreSQL away for 3 s under load; 503 with Retry-After and not ready meanwhile, nothing lost after',
    run: () => databaseOutage({ outageSeconds: 3, senders: 4, acknowledgedEachSide: 20 }),
    only: { dialect: 'postgres', otherwise: 'PostgreSQL only' },
  },
  {
    name: 'disk full: sends refused with 503 and Retry-After while the data directory is full, nothing half-written, back without a restart',
    run: () => diskFull({ messages: 10 }),
    only: { dialect: 'sqlite', otherwise: 'the SQLite data directory only' },
  },
];

/** The small versions of `npm run drills`, on the phase's database. */
describe(`resilience drills, small (${testDialect})`, () => {
  for (const { name, run, only } of drills) {
    test(name, { skip: only !== undefined && testDialect !== only.dialect && only.otherwise }, async (t) => {
      const report = await run();
      t.diagnostic(report.toString());
      assert.ok(report.passed, report.toString());
    });
  }
});
