import { setTimeout as sleep } from 'node:timers/promises';
import { generateKeyRingText } from '../src/crypto/key-ring.js';
import { electronicRequest } from '../test/helpers/api-requests.js';
import { startCliServer, type StartedServer } from '../test/helpers/cli-process.js';
import { childDatabaseEnv, contextFor } from '../test/helpers/delivery-context.js';
import { startSmsGateway, type TestSmsGateway } from '../test/helpers/delivery-sms-gateway.js';
import { startSmtpServer, type TestSmtpServer } from '../test/helpers/delivery-smtp.js';
import { createFixtures, type AccountFixture, type ApiOrganisation } from '../test/helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-database.js';

/** A send's outcome as its organisation saw it. */
export type SendOutcome = { acknowledged: true; messageId: number; body: string } | { acknowledged: false };

/**
 * What every drill runs against: a database of its own (the phase's dialect), an SMTP sink and an
 * SMS gateway on loopback, an organisation with API credentials, and citizens who want e-mail (and
 * every other one SMS) notifications. The server is the real command (`serve`).
 */
export class DrillDeployment {
  private sequence = 0;
  private readonly running = new Set<StartedServer>();

  private constructor(
    readonly database: TestDatabase,
    readonly smtp: TestSmtpServer,
    readonly sms: TestSmsGateway,
    readonly organisation: ApiOrganisation,
    readonly citizens: AccountFixture[],
    readonly env: Record<string, string>,
  ) {}

  static async create(
    options: {
      citizens?: number;
      env?: Record<string, string>;
      /** Whether every other citizen also wants SMS notifications (yes unless false). */
      sms?: boolean;
      /** How many mails the SMTP sink keeps (all unless given; it counts every one). */
      keepMails?: number;
      /** PostgreSQL: the server reaches the database through this loopback port (a proxy) instead. */
      databasePort?: number;
    } = {},
  ): Promise<DrillDeployment> {
    const database = await createTestDatabase();
    const smtp = await startSmtpServer(0, { keepMails: options.keepMails ?? Infinity });
    const sms = await startSmsGateway();
    const keyRing = generateKeyRingText('drill');
    const fixtures = createFixtures(contextFor(database, keyRing));
    const organisation = await fixtures.apiOrganisation();
    const citizens: AccountFixture[] = [];
    for (let n = 0; n < (options.citizens ?? 1); n++) {
      citizens.push(
        await fixtures.account({
          email: `drill${n}@example.fi`,
          emailNotifications: true,
          mobile: '+358501234567',
          smsNotifications: (options.sms ?? true) && n % 2 === 1,
        }),
      );
    }
    const databaseEnv = childDatabaseEnv(database);
    if (options.databasePort !== undefined && databaseEnv.DATABASE_URL !== undefined) {
      const url = new URL(databaseEnv.DATABASE_URL);
      url.hostname = '127.0.0.1';
      url.port = String(options.databasePort);
      databaseEnv.DATABASE_URL = url.toString();
    }
    const env = {
      ...databaseEnv,
      MASTER_KEY: keyRing,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    return new DrillDeployment(database, smtp, sms, organisation, citizens, env);
  }

  async start(): Promise<StartedServer> {
    const server = await startCliServer(['serve', '--role', 'all'], this.env);
    this.running.add(server);
    server.child.once('exit', () => this.running.delete(server));
    return server;
  }

  async token(baseUrl: string): Promise<string> {
    const response = await fetch(`${baseUrl}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.organisation.username, password: this.organisation.password }),
    });
    if (response.status !== 200) throw new Error(`token: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /**
   * A new message to the next citizen in turn, with the answer's status (0: no answer) and its
   * Retry-After; a connection cut by a dying server is not acknowledged.
   */
  async send(
    baseUrl: string,
    bearer: string,
  ): Promise<{ externalId: string; outcome: SendOutcome; status: number; retryAfter: string | null }> {
    const sequence = ++this.sequence;
    const externalId = `drill-${sequence}`;
    const citizen = this.citizens[sequence % this.citizens.length]!;
    const body = JSON.stringify(electronicRequest(this.organisation, citizen.identityCode, {}, externalId));
    try {
      const response = await this.post(baseUrl, bearer, body);
      const answer = (await response.json()) as { messageId?: number };
      const outcome: SendOutcome =
        response.ok && answer.messageId
          ? { acknowledged: true, messageId: answer.messageId, body }
          : { acknowledged: false };
      return {
        externalId,
        outcome,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
      };
    } catch {
      return { externalId, outcome: { acknowledged: false }, status: 0, retryAfter: null };
    }
  }

  post(baseUrl: string, bearer: string, body: string): Promise<Response> {
    return fetch(`${baseUrl}/v2/messages/electronic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body,
    });
  }

  /** Waits, however long it takes, until no notification job is left to run; fails if the server exits. */
  async notificationsSettled(server: StartedServer): Promise<void> {
    const pending = async () =>
      (
        await this.database.database.db
          .selectFrom('outbox_jobs')
          .select('id')
          .where('state', 'in', ['pending', 'running'])
          .where('kind', '!=', 'reminder')
          .execute()
      ).length;
    while ((await pending()) > 0) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        throw new Error('the server exited on its own');
      }
      await sleep(200);
    }
  }

  async close(): Promise<void> {
    for (const server of this.running) server.child.kill('SIGKILL');
    await this.smtp.stop();
    await this.sms.stop();
    await this.database.destroy();
  }
}
