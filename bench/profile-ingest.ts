// Profiling aid: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-ingest.ts
import { ApiClient } from '../test/helpers/api-client.js';
import { electronicRequest } from '../test/helpers/api-requests.js';
import { createHarness } from '../test/helpers/test-app.js';

const h = await createHarness({ env: { LOG_LEVEL: 'warn' } });
const organisation = await h.fixtures.apiOrganisation();
const account = await h.fixtures.account();
const api = new ApiClient(h);
const token = await api.login(organisation);
const n = 1000;
const started = performance.now();
for (let i = 0; i < n; i++) {
  const response = await h.app.inject({
    method: 'POST',
    url: '/v2/messages/electronic',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(electronicRequest(organisation, account.identityCode, {}, `profile-${i}`)),
  });
  if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
}
console.log(`${((performance.now() - started) / n).toFixed(2)} ms per message`);
await h.close();
