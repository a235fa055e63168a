// Profiling aid: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-inbox.ts
import { signInAs } from '../test/helpers/citizen-session.js';
import { createHarness } from '../test/helpers/test-app.js';
import { generateBenchData } from './bench-data.js';

const h = await createHarness({ env: { LOG_LEVEL: 'warn' } });
const { account } = await generateBenchData(h, 10_000, 500);
const session = await signInAs(h, account.identityCode);
const started = performance.now();
const n = 2000;
for (let i = 0; i < n; i++) {
  const response = await h.app.inject({ method: 'GET', url: '/mailbox/inbox', cookies: session.cookies });
  if (response.statusCode !== 200) throw new Error(String(response.statusCode));
}
console.log(`${((performance.now() - started) / n).toFixed(2)} ms per inbox page`);
await h.close();
