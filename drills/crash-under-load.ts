import { setTimeout as sleep } from 'node:timers/promises';
import { testDialect } from '../test/helpers/test-database.js';
import { checkAcknowledgedStored, checkNotifications } from './delivery-checks.js';
import { DrillDeployment } from './drill-deployment.js';
import { DrillReport } from './drill-report.js';

export interface CrashDrillOptions {
  /** How many times the server is killed with SIGKILL. */
  kills: number;
  /** Each run is killed at a random point this many acknowledged messages in (1…most). */
  mostPerRun: number;
  /** Concurrent senders. */
  senders: number;
}

/**
 * Drill 1: the server (`serve --role all`, sending and delivering) is killed with SIGKILL again and
 * again while an organisation sends. Afterwards every message that got a 2xx exists exactly once
 * under the id it was given, a repeat of it gets 409 with that id, and every one of its
 * notifications reached the providers. A send whose answer the kill cut off may or may not exist,
 * but never twice.
 */
export async function crashUnderLoad(options: CrashDrillOptions): Promise<DrillReport> {
  const report = new DrillReport(`crash under load (${testDialect})`);
  const deployment = await DrillDeployment.create({ citizens: 4 });
  try {
    const acknowledged = new Map<string, { messageId: number; body: string }>();
    let cutOff = 0;
    const perRun: number[] = [];
    for (let run = 0; run < options.kills; run++) {
      const server = await deployment.start();
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      const bearer = await deployment.token(server.baseUrl);
      const before = acknowledged.size;
      const killAt = before + 1 + Math.floor(Math.random() * options.mostPerRun);
      let stopped = false;
      const sender = async () => {
        while (!stopped) {
          const { externalId, outcome } = await deployment.send(server.baseUrl, bearer);
          if (outcome.acknowledged) acknowledged.set(externalId, outcome);
          else cutOff++;
        }
      };
      const senders = Array.from({ length: options.senders }, sender);
      // Killed once its acknowledgements are seen reaching the random point, however long that takes.
      while (acknowledged.size < killAt) await sleep(5);
      server.child.kill('SIGKILL');
      await exited;
      stopped = true;
      await Promise.all(senders);
      perRun.push(acknowledged.size - before);
    }
    report.note(`acknowledged by each killed run: ${perRun.join(', ')}; sends cut off by a kill: ${cutOff}`);

    // The last start delivers what is left.
    const server = await deployment.start();
    const bearer = await deployment.token(server.baseUrl);
    await checkAcknowledgedStored(deployment, report, acknowledged, { baseUrl: server.baseUrl, bearer });
    await deployment.notificationsSettled(server);
    await checkNotifications(deployment, report);
  } finally {
    await deployment.close();
  }
  return report;
}
