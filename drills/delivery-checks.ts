import type { DrillDeployment } from './drill-deployment.js';
import type { DrillReport } from './drill-report.js';

/**
 * Every stored drill message has its e-mail notification job (and SMS where the citizen wants it),
 * every job is done, and the providers saw exactly the jobs' idempotency keys: each at least once,
 * nothing else (a repeat of one key is what a deduplicating provider drops; counted, not failed).
 */
export async function checkNotifications(deployment: DrillDeployment, report: DrillReport): Promise<void> {
  const db = deployment.database.database.db;
  const messageIds = (
    await db.selectFrom('messages').select('id').where('external_id', 'like', 'drill-%').execute()
  ).map((row) => row.id);
  const jobs = messageIds.length
    ? await db
        .selectFrom('outbox_jobs')
        .select(['message_id', 'kind', 'idempotency_key', 'state'])
        .where('kind', 'in', ['email-notification', 'sms-notification'])
        .where('message_id', 'in', messageIds)
        .execute()
    : [];
  const emailJobs = jobs.filter((job) => job.kind === 'email-notification');
  const withoutEmail = messageIds.filter((id) => !emailJobs.some((job) => job.message_id === id));
  report.check(
    `every stored message has its e-mail notification job (${messageIds.length} messages, ${jobs.length} jobs)`,
    withoutEmail.length === 0,
    withoutEmail,
  );
  const notDone = jobs.filter((job) => job.state !== 'done');
  report.check('every notification job is done', notDone.length === 0, notDone);

  const atSink = new Set([
    ...deployment.smtp.distinctKeys(),
    ...deployment.sms.accepted.map((sms) => sms.idempotencyKey ?? ''),
  ]);
  const jobKeys = new Set(jobs.map((job) => job.idempotency_key));
  const missing = [...jobKeys].filter((key) => !atSink.has(key));
  const strangers = [...atSink].filter((key) => !jobKeys.has(key));
  report.check(
    `the providers received every notification (${atSink.size} distinct keys)`,
    missing.length === 0,
    missing,
  );
  report.check('the providers received nothing that was not a job', strangers.length === 0, strangers);
  const repeats =
    deployment.smtp.mails.length +
    deployment.sms.accepted.length -
    deployment.smtp.distinctKeys().size -
    new Set(deployment.sms.accepted.map((sms) => sms.idempotencyKey)).size;
  report.note(`repeated deliveries of one key (dropped by a deduplicating provider): ${repeats}`);
}
