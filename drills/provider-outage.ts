import { setTimeout as sleep } from 'node:timers/promises';
import { testDialect } from '../test/helpers/test-database.js';
import { checkNotifications } from './delivery-checks.js';
import { DrillDeployment } from './drill-deployment.js';
import { DrillReport } from './drill-report.js';

export interface OutageDrillOptions {
  /** Messages sent before, during and after the outage, a third each. */
  messages: number;
  /** How long the SMTP sink and the SMS gateway stay away. */
  outageSeconds: number;
}

/**
 * Drill 2: the SMTP server and the SMS gateway go away mid-run (SMTP refuses connections, the
 * gateway answers 503) while messages keep coming. Once they are back, every notification arrives,
 * each job's idempotency key seen by the provider, nothing lost. The first retry comes after
 * DELIVERY_RETRY_BASE_SECONDS (set low here, so the drill does not wait out the default 30 s backoff
 * chain); the outage itself lasts its full length and ends only after failures were observed.
 */
export async function providerOutage(options: OutageDrillOptions): Promise<DrillReport> {
  const report = new DrillReport(`provider outage ${options.outageSeconds} s (${testDialect})`);
  const deployment = await DrillDeployment.create({ citizens: 6, env: { DELIVERY_RETRY_BASE_SECONDS: '1' } });
  try {
    const server = await deployment.start();
    const bearer = await deployment.token(server.baseUrl);
    const third = Math.ceil(options.messages / 3);
    let acknowledged = 0;
    const sendSome = async (count: number) => {
      for (let n = 0; n < count; n++) {
        if ((await deployment.send(server.baseUrl, bearer)).outcome.acknowledged) acknowledged++;
      }
    };
    await sendSome(third);
    const delivered = () => deployment.smtp.mails.length + deployment.sms.accepted.length;
    // Down once deliveries are seen arriving, so the outage hits a worker in mid-stream.
    while (delivered() === 0) await sleep(20);
    await deployment.smtp.down();
    deployment.sms.behave(503);
    const outageStarted = Date.now();
    await sendSome(third);
    const failedAttempts = async () =>
      (
        await deployment.database.database.db
          .selectFrom('outbox_jobs')
          .select('id')
          .where('kind', 'in', ['email-notification', 'sms-notification'])
          .where('last_error', 'is not', null)
          .execute()
      ).length;
    while ((await failedAttempts()) === 0) await sleep(100);
    const rest = outageStarted + options.outageSeconds * 1000 - Date.now();
    if (rest > 0) await sleep(rest);
    const failedDuringOutage = await failedAttempts();
    await deployment.smtp.up();
    deployment.sms.behave(202);
    await sendSome(options.messages - 2 * third);
    report.note(
      `acknowledged ${acknowledged}; jobs that failed during the outage: ${failedDuringOutage}; ` +
        `outage ${((Date.now() - outageStarted) / 1000).toFixed(0)} s`,
    );
    report.check(
      `every send acknowledged (${acknowledged} of ${options.messages})`,
      acknowledged === options.messages,
    );
    report.check('the outage made deliveries fail', failedDuringOutage > 0);
    await deployment.notificationsSettled(server);
    await checkNotifications(deployment, report);
  } finally {
    await deployment.close();
  }
  return report;
}
