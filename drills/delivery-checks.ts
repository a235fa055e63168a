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

/**
 * Every message that got a 2xx (`acknowledged`, by external id) is stored exactly once under the id
 * it was given, no external id is stored twice, and a repeat of the first 200 gets 409 with the same
 * messageId from `server`. A send whose answer was lost may or may not exist, but never twice.
 */
export async function checkAcknowledgedStored(
  deployment: DrillDeployment,
  report: DrillReport,
  acknowledged: ReadonlyMap<string, { messageId: number; body: string }>,
  server: { baseUrl: string; bearer: string },
): Promise<void> {
  const stored = await deployment.database.database.db
    .selectFrom('messages')
    .select(['id', 'external_id'])
    .where('external_id', 'like', 'drill-%')
    .execute();
  const storedIds = new Map<string, number[]>();
  for (const row of stored)
    storedIds.set(row.external_id!, [...(storedIds.get(row.external_id!) ?? []), row.id]);
  const lost = [...acknowledged].filter(([externalId, ack]) => {
    const ids = storedIds.get(externalId) ?? [];
    return ids.length !== 1 || ids[0] !== ack.messageId;
  });
  report.check(
    `every acknowledged message stored once under its id (${acknowledged.size})`,
    lost.length === 0,
    lost,
  );
  const twice = [...storedIds].filter(([, ids]) => ids.length > 1);
  report.check(`no external id stored twice (${stored.length} stored)`, twice.length === 0, twice);
  report.note(`stored without an answer (cut off after the commit): ${stored.length - acknowledged.size}`);

  const repeats = [...acknowledged].slice(0, 200);
  const wrongRepeats: string[] = [];
  for (const [externalId, ack] of repeats) {
    const response = await deployment.post(server.baseUrl, server.bearer, ack.body);
    const answer = (await response.json()) as { messageId?: number };
    if (response.status !== 409 || answer.messageId !== ack.messageId) wrongRepeats.push(externalId);
  }
  report.check(
    `a repeat gets 409 with the same messageId (${repeats.length} repeated)`,
    wrongRepeats.length === 0,
    wrongRepeats,
  );
}
