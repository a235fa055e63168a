import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { DrillDeployment } from '../drills/drill-deployment.js';
import { startSmtpServer } from '../test/helpers/delivery-smtp.js';
import { serverNodeOptions } from './bench-server.js';
import { buildCommandOnce } from './built-command.js';
import type { PeakRssLedger } from './process-rss.js';
import { rateRow, type Row } from './result-row.js';

/** Concurrent senders through the API, and SMTP connections for the sink's own rate. */
const senders = 16;
const sinkConnections = 4;

/**
 * Burst: `count` messages through the API to citizens who chose e-mail, on the real command
 * (`serve --role all`, SMTP_URL at a local sink), timed from the first send until the sink has
 * accepted the last notification. The reference is the sink's own accept rate in the same run: the
 * same number of mails of the same bytes sent straight to a fresh sink with nodemailer. The server's
 * peak RSS goes into `rss`.
 */
export async function burst(count: number, rss: PeakRssLedger): Promise<Row> {
  buildCommandOnce();
  const deployment = await DrillDeployment.create({
    citizens: 50,
    sms: false,
    keepMails: 1,
    env: serverNodeOptions(),
  });
  let raw: string;
  let oursRate: number;
  try {
    const server = await deployment.start();
    const bearer = await deployment.token(server.baseUrl);
    const started = performance.now();
    let next = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (next < count) {
          next++;
          if (!(await deployment.send(server.baseUrl, bearer)).outcome.acknowledged) refused++;
        }
      }),
    );
    if (refused > 0) throw new Error(`burst: ${refused} sends were not acknowledged`);
    const sent = performance.now();
    while (deployment.smtp.accepted < count) {
      if (server.child.exitCode !== null) throw new Error('burst: the server exited');
      await sleep(20);
    }
    const seconds = (performance.now() - started) / 1000;
    oursRate = count / seconds;
    console.log(
      `burst: ${count} messages acknowledged in ${((sent - started) / 1000).toFixed(1)} s, ` +
        `last notification accepted at ${seconds.toFixed(1)} s`,
    );
    raw = deployment.smtp.mails[0]!.raw;
    // Before close, which kills the server: its peak over the whole burst, sends and deliveries.
    rss.record('serve --role all (burst scenario)', server.child);
  } finally {
    await deployment.close();
  }
  return rateRow(
    `burst ${count} to e-mail, until sink`,
    { requestsPerSecond: oursRate },
    { requestsPerSecond: await sinkRate(count, raw) },
    0.5,
    'sink alone',
  );
}

/** Mails per second a fresh sink accepts from nodemailer over a few pooled connections. */
async function sinkRate(count: number, raw: string): Promise<number> {
  const sink = await startSmtpServer(0, { keepMails: 1 });
  const transport = nodemailer.createTransport({
    url: sink.url,
    pool: true,
    maxConnections: sinkConnections,
  });
  try {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: sinkConnections * 2 }, async () => {
        while (next < count) {
          next++;
          await transport.sendMail({
            envelope: { from: 'noreply@example.fi', to: [`sink${next}@example.fi`] },
            raw,
          });
        }
      }),
    );
    const rate = count / ((performance.now() - started) / 1000);
    if (sink.accepted !== count) throw new Error(`sink: accepted ${sink.accepted} of ${count}`);
    return rate;
  } finally {
    transport.close();
    await sink.stop();
  }
}
