// Profiling aid: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-inbox.ts
import { signInAs } from '../test/helpers/citizen-session.js';
import { createHarness } from '../test/helpers/test-app.js';
import { contentContext, encryptText } from '../src/modules/messages/index.js';

const h = await createHarness({ env: { LOG_LEVEL: 'warn' } });
const organisation = await h.fixtures.apiOrganisation();
const account = await h.fixtures.account({ identityCode: '270570-901K' });
const now = new Date().toISOString();
const title = encryptText(h.context.envelope, 'Päätös', contentContext.title);
const rows = Array.from({ length: 500 }, () => ({
  direction: 'to_citizen' as const,
  organisation_id: organisation.id,
  service_pk: organisation.servicePk,
  account_id: account.id,
  recipient_id: account.identityCode,
  channel: 'electronic' as const,
  service_type: 'Normal' as const,
  reply_allowed: 0,
  visibility: 'Normal',
  body_format: 'Text' as const,
  title_enc: title,
  body_enc: title,
  options: '{}',
  created_at: now,
  available_at: now,
}));
await h.context.database.db.insertInto('messages').values(rows).execute();
const session = await signInAs(h, account.identityCode);
const started = performance.now();
const n = 2000;
for (let i = 0; i < n; i++) {
  const response = await h.app.inject({ method: 'GET', url: '/mailbox/inbox', cookies: session.cookies });
  if (response.statusCode !== 200) throw new Error(String(response.statusCode));
}
console.log(`${((performance.now() - started) / n).toFixed(2)} ms per inbox page`);
await h.close();
