import { setTimeout as sleep } from 'node:timers/promises';
import { generateKeyRingText } from '../src/crypto/key-ring.js';
import { electronicRequest } from '../test/helpers/api-requests.js';
import { startCliServer, type StartedServer } from '../test/helpers/cli-process.js';
import { childDatabaseEnv, contextFor } from '../test/helpers/delivery-context.js';
import { startSmtpServer } from '../test/helpers/delivery-smtp.js';
import { createFixtures } from '../test/helpers/fixtures.js';
import { createTestDatabase, testDialect } from '../test/helpers/test-database.js';
import { DrillReport } from './drill-report.js';

export interface CrashDrillOptions {
  /** How many times the server is killed with SIGKILL. */
  kills: number;
  /** Each run is killed at a random point this many acknowledged messages in (1…most). */
  mostPerRun: number;
  /** Concurrent senders. */
  senders: number;
}

interface Acknowledged {
  messageId: number;
  body: string;
}

/**
 * Drill 1: the server (`serve --role all`, sending and delivering) is killed with SIGKILL again and
 * again while organisations send. Afterwards every message that got a 2xx exists exactly once under
 * the id it was given, a repeat of it gets 409 with that id, and every one of its notifications
 * reached the SMTP sink. A send whose answer was cut off by the kill may or may not exist, but never
 * twice.
 */
export async function crashUnderLoad(options: CrashDrillOptions): Promise<DrillReport> {
  const report = new DrillReport(`crash under load (${testDialect})`);
  const database = await createTestDatabase();
  const smtp = await startSmtpServer();
  const keyRing = generateKeyRingText('drill');
  let server: StartedServer | undefined;
  try {
    const fixtures = createFixtures(contextFor(database, keyRing));
    const organisation = await fixtures.apiOrganisation();
    const account = await fixtures.account({ email: 'drill@example.fi', emailNotifications: true });
    const env = {
      ...childDatabaseEnv(database),
      MASTER_KEY: keyRing,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
    };
    const acknowledged = new Map<string, Acknowledged>();
    const cutOff = new Set<string>();
    let sequence = 0;

    async function token(baseUrl: string): Promise<string> {
      const response = await fetch(`${baseUrl}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: organisation.username, password: organisation.password }),
      });
      if (response.status !== 200) throw new Error(`token: ${response.status}`);
      return ((await response.json()) as { access_token: string }).access_token;
    }

    async function sender(baseUrl: string, bearer: string, stop: { now: boolean }): Promise<void> {
      while (!stop.now) {
        const externalId = `drill-${++sequence}`;
        const body = JSON.stringify(electronicRequest(organisation, account.identityCode, {}, externalId));
        try {
          const response = await fetch(`${baseUrl}/v2/messages/electronic`, {
            method: 'POST',
            headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
            body,
          });
          const answer = (await response.json()) as { messageId?: number };
          if (response.ok && answer.messageId)
            acknowledged.set(externalId, { messageId: answer.messageId, body });
          else cutOff.add(externalId);
        } catch {
          // The connection died with the server: the send may or may not have been stored.
          cutOff.add(externalId);
          return;
        }
      }
    }

    const perRun: number[] = [];
    for (let run = 0; run < options.kills; run++) {
      server = await startCliServer(['serve', '--role', 'all'], env);
      const exited = new Promise((resolve) => server!.child.once('exit', resolve));
      const bearer = await token(server.baseUrl);
      const before = acknowledged.size;
      const killAt = before + 1 + Math.floor(Math.random() * options.mostPerRun);
      const stop = { now: false };
      const senders = Array.from({ length: options.senders }, () => sender(server!.baseUrl, bearer, stop));
      // Killed once its acknowledgements are seen reaching the random point, however long that takes.
      while (acknowledged.size < killAt) await sleep(5);
      server.child.kill('SIGKILL');
      await exited;
      stop.now = true;
      await Promise.all(senders);
      perRun.push(acknowledged.size - before);
      server = undefined;
    }
    report.note(
      `acknowledged by each killed run: ${perRun.join(', ')}; sends cut off by a kill: ${cutOff.size}`,
    );

    // The last start delivers what is left.
    server = await startCliServer(['serve', '--role', 'all'], env);
    const bearer = await token(server.baseUrl);
    const db = database.database.db;
    const stored = await db
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
    const unacknowledgedStored = stored.filter((row) => !acknowledged.has(row.external_id!)).length;
    report.note(`stored without an answer (cut off after the commit): ${unacknowledgedStored}`);

    const repeats = [...acknowledged].slice(0, 200);
    const wrongRepeats: string[] = [];
    for (const [externalId, ack] of repeats) {
      const response = await fetch(`${server.baseUrl}/v2/messages/electronic`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: ack.body,
      });
      const answer = (await response.json()) as { messageId?: number };
      if (response.status !== 409 || answer.messageId !== ack.messageId) wrongRepeats.push(externalId);
    }
    report.check(
      `a repeat gets 409 with the same messageId (${repeats.length} repeated)`,
      wrongRepeats.length === 0,
      wrongRepeats,
    );

    // Every notification of every stored message is delivered (observed, not timed).
    const messageIds = stored.map((row) => row.id);
    const pendingJobs = async () =>
      (
        await db
          .selectFrom('outbox_jobs')
          .select('id')
          .where('state', 'in', ['pending', 'running'])
          .where('kind', '!=', 'reminder')
          .execute()
      ).length;
    while ((await pendingJobs()) > 0) {
      if (server.child.exitCode !== null) throw new Error('the server exited on its own');
      await sleep(200);
    }
    const emailJobs = messageIds.length
      ? await db
          .selectFrom('outbox_jobs')
          .select(['message_id', 'idempotency_key', 'state'])
          .where('kind', '=', 'email-notification')
          .where('message_id', 'in', messageIds)
          .execute()
      : [];
    const withoutNotification = messageIds.filter((id) => !emailJobs.some((job) => job.message_id === id));
    report.check(
      `every stored message has its e-mail notification job (${emailJobs.length})`,
      withoutNotification.length === 0,
      withoutNotification,
    );
    const notDone = emailJobs.filter((job) => job.state !== 'done');
    report.check('every notification job is done', notDone.length === 0, notDone);
    const keys = new Set(emailJobs.map((job) => job.idempotency_key));
    const received = smtp.distinctKeys();
    const missing = [...keys].filter((key) => !received.has(key));
    const strangers = [...received].filter((key) => !keys.has(key));
    report.check(
      `the SMTP sink received every notification (${received.size} distinct keys)`,
      missing.length === 0,
      missing,
    );
    report.check('the sink received nothing that was not a job', strangers.length === 0, strangers);
    report.note(
      `repeated deliveries of one key (dropped by a deduplicating provider): ${smtp.mails.length - received.size}`,
    );
  } finally {
    if (server) server.child.kill('SIGKILL');
    await smtp.stop();
    await database.destroy();
  }
  return report;
}
