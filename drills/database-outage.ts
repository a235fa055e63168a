import { setTimeout as sleep } from 'node:timers/promises';
import { startCuttableProxy } from '../test/helpers/cuttable-proxy.js';
import { testDialect } from '../test/helpers/test-database.js';
import { checkAcknowledgedStored, checkNotifications } from './delivery-checks.js';
import { DrillDeployment } from './drill-deployment.js';
import { DrillReport } from './drill-report.js';

export interface DatabaseOutageDrillOptions {
  /** How long the database stays away once the first refusal is seen. */
  outageSeconds: number;
  /** Concurrent senders. */
  senders: number;
  /** Messages acknowledged before the outage, and again after it, before the drill stops sending. */
  acknowledgedEachSide: number;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  phase: 'before' | 'outage' | 'after';
}

/**
 * Drill 3 (PostgreSQL): the database goes away mid-load and comes back. The server reaches
 * PostgreSQL through a loopback proxy that the drill cuts: open connections are dropped and new ones
 * refused, as in a database restart or failover (the machine's PostgreSQL itself is shared with
 * other work, so it is not restarted). While it is away, sends are answered 503 with Retry-After and
 * /readyz says not ready; afterwards the same process (no restart) takes sends again, every 2xx
 * message exists exactly once, repeats get 409 with the same id, and every notification arrives.
 */
export async function databaseOutage(options: DatabaseOutageDrillOptions): Promise<DrillReport> {
  const report = new DrillReport(`database outage ${options.outageSeconds} s (${testDialect})`);
  if (testDialect !== 'postgres') {
    report.note('skipped: the database outage drill needs PostgreSQL (TEST_DATABASE_URL)');
    return report;
  }
  const target = new URL(process.env.TEST_DATABASE_URL!);
  const proxy = await startCuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const deployment = await DrillDeployment.create({ citizens: 4, databasePort: proxy.port });
  try {
    const server = await deployment.start();
    const bearer = await deployment.token(server.baseUrl);
    const acknowledged = new Map<string, { messageId: number; body: string }>();
    const answers: Answer[] = [];
    let phase: Answer['phase'] = 'before';
    let stopped = false;
    const sender = async () => {
      while (!stopped) {
        const sent = await deployment.send(server.baseUrl, bearer);
        answers.push({ status: sent.status, retryAfter: sent.retryAfter, phase });
        if (sent.outcome.acknowledged) acknowledged.set(sent.externalId, sent.outcome);
        // A refused send is retried by its organisation later, not at once: the drill's senders wait.
        else await sleep(50);
      }
    };
    const senders = Array.from({ length: options.senders }, sender);
    const readiness: number[] = [];
    try {
      while (acknowledged.size < options.acknowledgedEachSide) await sleep(10);
      await proxy.cut();
      phase = 'outage';
      // Held from the first refusal on, however long the server takes to notice.
      while (!answers.some((answer) => answer.phase === 'outage' && answer.status === 503)) await sleep(10);
      const outageUntil = Date.now() + options.outageSeconds * 1000;
      while (Date.now() < outageUntil) {
        readiness.push((await fetch(`${server.baseUrl}/readyz`)).status);
        await sleep(500);
      }
      const beforeRestore = acknowledged.size;
      await proxy.restore();
      phase = 'after';
      while (acknowledged.size < beforeRestore + options.acknowledgedEachSide) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) break;
        await sleep(10);
      }
    } finally {
      stopped = true;
      await Promise.all(senders);
    }
    const running = server.child.exitCode === null && server.child.signalCode === null;
    report.check('the server kept running through the outage (no restart)', running);

    const during = answers.filter((answer) => answer.phase === 'outage');
    const refused = during.filter((answer) => answer.status === 503);
    const wrong = answers.filter(
      (answer) =>
        !(answer.status >= 200 && answer.status < 300) && !(answer.status === 503 && answer.retryAfter),
    );
    report.check(
      `every answer was 2xx or 503 with Retry-After (${answers.length} answers, ${refused.length} refused during the outage)`,
      wrong.length === 0 && refused.length > 0,
      wrong,
    );
    // What the server logged as an error says why an answer was wrong (log lines hold no content).
    if (wrong.length > 0) {
      const errors = server
        .stdout()
        .split('\n')
        .filter((line) => /"level":(50|60)/.test(line));
      for (const line of errors.slice(0, 3)) report.note(`server error: ${line.slice(0, 1500)}`);
    }
    report.check(
      `/readyz said not ready while the database was away (${readiness.length} looks)`,
      readiness.length > 0 && readiness.every((status) => status === 503),
      readiness.filter((status) => status !== 503),
    );
    report.check('/readyz ready again afterwards', (await fetch(`${server.baseUrl}/readyz`)).status === 200);
    const after = answers.filter((answer) => answer.phase === 'after' && answer.status < 300).length;
    report.check(`sends acknowledged again after the outage (${after})`, after > 0);
    report.note(
      `acknowledged ${acknowledged.size}: before ${answers.filter((a) => a.phase === 'before' && a.status < 300).length}, ` +
        `during ${during.length - refused.length} (committed before the cut), after ${after}`,
    );

    await checkAcknowledgedStored(deployment, report, acknowledged, { baseUrl: server.baseUrl, bearer });
    await deployment.notificationsSettled(server);
    await checkNotifications(deployment, report);
  } finally {
    await deployment.close();
    await proxy.close();
  }
  return report;
}
