/**
 * npm run bench [-- --db postgres] [--scale N] [--seconds S] [--connections C] [--only REGEX]
 *                 [--burst N] [--chart]
 *
 * Every scenario is measured against bare Fastify answering the same request with a response of the
 * same size and no storage, in the same run and the same number of processes (the limit of the HTTP
 * layer); ingest on SQLite also against a server that only commits the body to SQLite. The disk's
 * own fsync rate is printed beside them. Writes bench/results/<timestamp>.json and exits non-zero
 * when a target is missed. The server measured is the real command (`serve`, compiled) in child
 * processes on the data generated here, and the peak RSS of each of its processes is checked against
 * 300 MB (the bench process, which generates the data, is not the server). Scenarios with a reference of their own (burst to an SMTP sink, PDF letters,
 * the growth series, two web processes) live in files of their own here and give their rows back.
 * The method and the latest figures are in docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bareServer } from './bare-server.js';
import { diskSyncRate } from './disk-sync-rate.js';
import { load, type LoadOptions, type LoadOutcome } from './load-generator.js';
import { growthRows, growthSizes, measureGrowthSeries, type GrowthPoint } from './growth.js';
import { writeGrowthChart } from './growth-chart.js';
import { printRow, type Row } from './result-row.js';
import { PeakRssLedger } from './process-rss.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    scale: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    burst: { type: 'string', default: '100000' },
    chart: { type: 'boolean', default: false },
  },
});
if (args.db !== 'sqlite' && args.db !== 'postgres') throw new Error('--db is sqlite or postgres');
// The harness picks its database from the environment when it is first imported.
process.env.TEST_DB = args.db;
if (args.db === 'postgres') {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(
    `PostgreSQL: ${new URL(process.env.TEST_DATABASE_URL).host} (a schema of its own, dropped after)`,
  );
}
// Loaded once TEST_DB is set: the bench's helpers choose their dialect when first imported.
const { serverNodeOptions: serverNodeOptionsOf } = await import('./bench-server.js');
const serverNodeOptions = serverNodeOptionsOf().NODE_OPTIONS;
console.log(`servers started with NODE_OPTIONS=${serverNodeOptions ?? '(none)'}`);
const scale = Number(args.scale);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const only = args.only ? new RegExp(args.only) : undefined;
const burstSize = Number(args.burst);
// The growth series starts at a hundredth of --scale and grows the same database to --scale.
const growthSeries = !only || only.test('growth');
const sizes = growthSeries ? growthSizes(scale) : [scale];
const mailboxSize = Math.min(1000, sizes[0]!);

const { createHarness } = await import('../test/helpers/test-app.js');
const { signInAs } = await import('../test/helpers/citizen-session.js');
const { electronicRequest } = await import('../test/helpers/api-requests.js');
const { newIdentityCode } = await import('../test/helpers/fixtures.js');
const { generateBenchData } = await import('./bench-data.js');
const { referenceIngestServer } = await import('./reference-servers.js');
const { pdfLetters } = await import('./pdf-letters.js');
const { burst } = await import('./burst.js');
const { webScale } = await import('./web-scale.js');
const { MeasuredServer } = await import('./bench-server.js');
const { generateKeyRingText } = await import('../src/crypto/key-ring.js');

const rows: Row[] = [];
const growth: GrowthPoint[] = [];
/**
 * The peak RSS of every process of the service the bench starts. The bench process itself (the
 * data generation, the bare and reference servers, the SMTP sinks, the load's results) is not the
 * server and is not counted.
 */
const rss = new PeakRssLedger();
// The key ring is kept: the measured server and the web-scale scenario's children run as child
// processes and decrypt the data generated here.
const keyRingText = generateKeyRingText('bench');
// The harness writes the data and signs the citizen in; its app is never listened on.
const h = await createHarness({ env: { LOG_LEVEL: 'warn' }, keyRingText });
let measured: Awaited<ReturnType<typeof MeasuredServer.start>> | undefined;
try {
  const fsyncPerSecond = diskSyncRate(h.testDatabase.dataDir);
  console.log(`disk: ${fsyncPerSecond.toFixed(0)} fsync/s (4 KiB write + fdatasync) in ${os.tmpdir()}`);
  const started = performance.now();
  const data = await generateBenchData(h, sizes[0]!, mailboxSize);
  console.log(
    `data: ${sizes[0]!.toLocaleString('en')} messages, ${mailboxSize} in the measured mailbox, ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const deployment = { database: h.testDatabase, keyRingText, publicUrl: h.context.config.publicUrl.href };
  const server = await MeasuredServer.start(deployment, args.db === 'postgres');
  measured = server;
  const base = server.baseUrl;
  /** Whether a scenario loaded the measured server (its peak RSS is only worth a row then). */
  let loaded = false;
  const session = await signInAs(h, data.account.identityCode);
  const cookie = Object.entries(session.cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const token = (
    (await (
      await fetch(`${base}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: data.organisation.username, password: data.organisation.password }),
      })
    ).json()) as { access_token: string }
  ).access_token;
  const api = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  /** Ours and bare Fastify with our answer's bytes, one after the other. */
  async function compare(
    scenario: string,
    request: Omit<LoadOptions, 'connections' | 'seconds' | 'url'> & { path: string },
    target: number,
    options: { p99Limit?: number; connections?: number; committing?: () => Promise<LoadOutcome> } = {},
  ): Promise<void> {
    if (only && !only.test(scenario)) return;
    loaded = true;
    // Leaves out what the server held before this scenario; read again after ours.
    server.peaksSinceLastRead();
    const sample = await fetch(`${base}${request.path}`, {
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      ...(request.body !== undefined ? { body: request.body.replace('[<id>]', 'sample') } : {}),
    });
    const sampleBody = await sample.text();
    if (!sample.ok)
      throw new Error(`${scenario}: ${request.path} answered ${sample.status}: ${sampleBody.slice(0, 200)}`);
    const run = { ...request, connections: options.connections ?? connections, seconds };
    const ours = await load({ ...run, url: `${base}${request.path}` });
    const serverPeakRss = server.peaksSinceLastRead();
    const bare = await bareServer({
      method: request.method ?? 'GET',
      url: request.path,
      contentType: sample.headers.get('content-type') ?? 'text/plain',
      body: sampleBody,
    });
    const reference = await load({ ...run, url: bare.url }).finally(() => bare.close());
    const committing = options.committing ? await options.committing() : undefined;
    const ratio = ours.requestsPerSecond / reference.requestsPerSecond;
    const met =
      ratio >= target &&
      (options.p99Limit === undefined || ours.p99 <= options.p99Limit) &&
      ours.non2xx === 0;
    const row: Row = {
      scenario,
      ours,
      bare: reference,
      target,
      ratio,
      met,
      ...(options.p99Limit !== undefined ? { p99Limit: options.p99Limit } : {}),
      ...(committing ? { committing } : {}),
      ...(serverPeakRss ? { serverPeakRss } : {}),
    };
    rows.push(row);
    printRow(row);
  }

  /** A scenario that measures itself and its reference (see its file) and gives its row. */
  async function inProcessScenario(scenario: string, measure: () => Promise<Row>): Promise<void> {
    if (only && !only.test(scenario)) return;
    const row = await measure();
    rows.push(row);
    printRow(row);
  }

  const ingestBody = JSON.stringify(
    electronicRequest(
      data.organisation,
      data.ingestRecipient.identityCode,
      { body: 'x'.repeat(1024) },
      'bench-[<id>]',
    ),
  );
  if (growthSeries) {
    loaded = true;
    growth.push(
      ...(await measureGrowthSeries(
        sizes,
        data.grow,
        {
          url: `${base}/v2/messages/electronic`,
          method: 'POST',
          headers: api,
          body: ingestBody,
          idReplacement: true,
          connections,
          seconds,
        },
        { url: `${base}/mailbox/inbox`, headers: { cookie }, connections, seconds },
      )),
    );
  }
  await data.grow(scale);
  for (const row of growth.length ? growthRows(growth) : []) {
    rows.push(row);
    printRow(row);
  }
  await compare(
    'ingest 1 KB, durable',
    { path: '/v2/messages/electronic', method: 'POST', headers: api, body: ingestBody, idReplacement: true },
    0.15,
    args.db === 'sqlite'
      ? {
          committing: async () => {
            const reference = await referenceIngestServer(h.testDatabase.dataDir);
            const url = await reference.listen({ port: 0, host: '127.0.0.1' });
            return load({
              url: `${url}/v2/messages/electronic`,
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: ingestBody,
              idReplacement: true,
              connections,
              seconds,
            }).finally(() => reference.close());
          },
        }
      : {},
  );
  await compare(
    `inbox page (${mailboxSize} in mailbox)`,
    { path: '/mailbox/inbox', headers: { cookie } },
    0.15,
    {
      p99Limit: 15,
    },
  );
  await compare(
    'message page, one attachment',
    { path: `/mailbox/messages/${data.messageWithAttachment}`, headers: { cookie } },
    0.15,
  );
  const ids = [data.account.identityCode, ...Array.from({ length: 9_999 }, () => newIdentityCode())];
  await compare(
    'mailbox check, 10,000 ids',
    {
      path: '/v1/mailboxes/active',
      method: 'POST',
      headers: api,
      body: JSON.stringify({ endUsers: ids.map((id) => ({ id })) }),
    },
    0,
    { p99Limit: 100, connections: 4 },
  );
  measured = undefined;
  await server.stop(loaded ? { ledger: rss, scenarios: 'load scenarios' } : undefined);
  if (args.db === 'postgres') {
    await inProcessScenario('inbox, --role web ×2 + worker', () =>
      webScale({
        deployment,
        rss,
        cookie,
        connections,
        seconds,
      }),
    );
  } else if (!only || only.test('web ×2')) {
    console.log(
      'inbox, --role web ×2 + worker: skipped on SQLite (one file, one writer); run with --db postgres',
    );
  }
  await inProcessScenario('PDF letter, one-page document', () => pdfLetters(seconds));
  await inProcessScenario(`burst ${burstSize} to e-mail, until sink`, () => burst(burstSize, rss));
} finally {
  await measured?.stop();
  await h.close();
}

const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const resultFile = path.join(resultsDir, `${new Date().toISOString().replaceAll(':', '-')}.json`);
fs.writeFileSync(
  resultFile,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      db: args.db,
      scale,
      seconds,
      connections,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      // The largest of the service's processes, and each of them.
      peakRssBytes: rss.largest(),
      peakRss: rss.entries,
      ...(serverNodeOptions ? { serverNodeOptions } : {}),
      rows,
      growth,
    },
    null,
    2,
  ),
);
rss.printSummary();
console.log(`results: ${path.relative(process.cwd(), resultFile)}`);
if (args.chart) console.log(`chart: ${path.relative(process.cwd(), writeGrowthChart(resultsDir))}`);
process.exit(rows.every((row) => row.met) && rss.met() ? 0 : 1);
