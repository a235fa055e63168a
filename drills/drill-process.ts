import { crashUnderLoad } from './crash-under-load.js';
import { databaseOutage } from './database-outage.js';
import { diskFull } from './disk-full.js';
import { providerOutage } from './provider-outage.js';
import type { DrillReport } from './drill-report.js';

const [name, size] = process.argv.slice(2);
const small = size === 'small';

const drills: Record<string, () => Promise<DrillReport>> = {
  'crash-under-load': () =>
    crashUnderLoad(
      small ? { kills: 3, mostPerRun: 30, senders: 8 } : { kills: 10, mostPerRun: 200, senders: 16 },
    ),
  'provider-outage': () =>
    providerOutage(small ? { messages: 30, outageSeconds: 3 } : { messages: 600, outageSeconds: 60 }),
  'database-outage': () =>
    databaseOutage(
      small
        ? { outageSeconds: 3, senders: 4, acknowledgedEachSide: 20 }
        : { outageSeconds: 60, senders: 16, acknowledgedEachSide: 300 },
    ),
  'disk-full': () => diskFull({ messages: small ? 10 : 100 }),
};

const drill = drills[name ?? ''];
if (!drill) {
  console.error(`unknown drill ${name}; known: ${Object.keys(drills).join(', ')}`);
  process.exit(2);
}
const report = await drill();
console.log(report.toString());
process.exit(report.passed ? 0 : 1);
