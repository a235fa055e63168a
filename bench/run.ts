/**
 * Benchmarks against bare-Fastify references (npm run bench). Runs on the embedded SQLite default.
 *   BENCH_SECONDS (default 10)       duration of each load run
 *   BENCH_MESSAGES (default 100000)  inbox size for the inbox scenario (the target is 1 000 000)
 *   BENCH_CONNECTIONS (default 10)
 * Targets (from the product plan): ingest ≥ 0.25× reference with a durable commit; inbox page
 * ≥ 0.2× reference with p99 ≤ 10 ms.
 */
import autocannon from 'autocannon';
import { createHarness } from '../test/helpers/test-app.js';
import { signInAs } from '../test/helpers/citizen-session.js';
import { electronicRequest } from '../test/helpers/api-requests.js';
import { sqliteFileFor } from '../src/bootstrap.js';
import { kimmoWithFullInbox } from './full-inbox.js';
import { referenceInboxServer, referenceIngestServer } from './reference-servers.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const inboxSize = Number(process.env.BENCH_MESSAGES ?? 100_000);

interface Outcome {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(options: autocannon.Options): Promise<Outcome> {
  const result = await autocannon({ connections, duration: seconds, ...options });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

function report(name: string, ours: Outcome, reference: Outcome, target: number, p99Limit?: number) {
  const ratio = ours.requestsPerSecond / reference.requestsPerSecond;
  const ok = ratio >= target && (p99Limit === undefined || ours.p99 <= p99Limit) && ours.non2xx === 0;
  console.log(
    `${name}: ours ${ours.requestsPerSecond.toFixed(0)} req/s (p99 ${ours.p99} ms, non-2xx ${ours.non2xx}), ` +
      `reference ${reference.requestsPerSecond.toFixed(0)} req/s (p99 ${reference.p99} ms) → ` +
      `${ratio.toFixed(2)}× (target ≥ ${target}×${p99Limit ? `, p99 ≤ ${p99Limit} ms` : ''}) ${ok ? 'OK' : 'BELOW TARGET'}`,
  );
  return ok;
}

async function ingest(): Promise<boolean> {
  const h = await createHarness({ env: { LOG_LEVEL: 'warn' } });
  try {
    const organisation = await h.fixtures.apiOrganisation();
    const account = await h.fixtures.account();
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const token = await fetch(`${base}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: organisation.username, password: organisation.password }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const body = JSON.stringify(electronicRequest(organisation, account.identityCode, {}, 'bench-[<id>]'));
    const ours = await load({
      url: `${base}/v2/messages/electronic`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
      body,
      idReplacement: true,
    });
    const reference = await referenceIngestServer(h.testDatabase.dataDir);
    const referenceBase = await reference.listen({ port: 0, host: '127.0.0.1' });
    const referenceOutcome = await load({
      url: `${referenceBase}/v2/messages/electronic`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      idReplacement: true,
    });
    await reference.close();
    return report('ingest (POST /v2/messages/electronic)', ours, referenceOutcome, 0.25);
  } finally {
    await h.close();
  }
}

async function inbox(): Promise<boolean> {
  const h = await createHarness({ env: { LOG_LEVEL: 'warn' } });
  try {
    process.stderr.write(`bench: writing ${inboxSize} messages…\n`);
    const account = await kimmoWithFullInbox(h, inboxSize);
    const session = await signInAs(h, account.identityCode);
    const cookie = Object.entries(session.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const probe = await fetch(`${base}/mailbox/inbox`, { headers: { cookie } });
    if (probe.status !== 200) throw new Error(`inbox answered ${probe.status}`);
    const ours = await load({ url: `${base}/mailbox/inbox`, headers: { cookie } });
    const reference = await referenceInboxServer(sqliteFileFor(h.context.config), account.id);
    const referenceBase = await reference.listen({ port: 0, host: '127.0.0.1' });
    const referenceOutcome = await load({ url: `${referenceBase}/inbox` });
    await reference.close();
    return report(`inbox page (${inboxSize} messages)`, ours, referenceOutcome, 0.2, 10);
  } finally {
    await h.close();
  }
}

const results = [await ingest(), await inbox()];
process.exit(results.every(Boolean) ? 0 : 1);
