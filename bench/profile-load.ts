/**
 * Profiling aid: the bench's server under the bench's load, with the CPU profiler running only while
 * the load does (data generation, warm-up and sign-in stay out of the profile).
 *
 *   node --import tsx bench/profile-load.ts ingest|inbox|message [--seconds 5] [--scale 20000] [--out DIR]
 *
 * Writes DIR/<scenario>.cpuprofile (open it in Chrome DevTools or speedscope) and prints the rate.
 * The profiler itself slows the server down, so the rate printed here is not a benchmark figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { signInAs } from '../test/helpers/citizen-session.js';
import { electronicRequest } from '../test/helpers/api-requests.js';
import { createHarness } from '../test/helpers/test-app.js';
import { generateBenchData } from './bench-data.js';
import { load, type LoadOptions } from './load-generator.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '5' },
    scale: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '32' },
    out: { type: 'string', default: path.join(import.meta.dirname, 'results') },
  },
});
const scenario = positionals[0];
if (scenario !== 'ingest' && scenario !== 'inbox' && scenario !== 'message')
  throw new Error('scenario: ingest, inbox or message');
const seconds = Number(args.seconds);
const connections = Number(args.connections);

const h = await createHarness({ env: { LOG_LEVEL: 'warn' } });
try {
  const data = await generateBenchData(h, Number(args.scale), 1000);
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const session = await signInAs(h, data.account.identityCode);
  const cookie = Object.entries(session.cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const tokenResponse = await fetch(`${base}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: data.organisation.username, password: data.organisation.password }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const request: Omit<LoadOptions, 'seconds'> =
    scenario === 'ingest'
      ? {
          url: `${base}/v2/messages/electronic`,
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(
            electronicRequest(
              data.organisation,
              data.ingestRecipient.identityCode,
              { body: 'x'.repeat(1024) },
              'profile-[<id>]',
            ),
          ),
          idReplacement: true,
          connections,
        }
      : {
          url:
            scenario === 'inbox'
              ? `${base}/mailbox/inbox`
              : `${base}/mailbox/messages/${data.messageWithAttachment}`,
          headers: { cookie },
          connections,
        };
  // One untimed second first, so that compiling the hot code does not dominate the profile.
  await load({ ...request, seconds: 1 });
  const profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
  const outcome = await load({ ...request, seconds });
  const { profile } = await profiler.post('Profiler.stop');
  profiler.disconnect();
  fs.mkdirSync(args.out, { recursive: true });
  const file = path.join(args.out, `${scenario}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  console.log(
    `${scenario}: ${outcome.requestsPerSecond.toFixed(0)}/s p99 ${outcome.p99} ms ` +
      `(non-2xx ${outcome.non2xx}) under the profiler; ${file}`,
  );
} finally {
  await h.close();
}
