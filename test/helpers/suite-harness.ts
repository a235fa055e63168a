import { after, before, beforeEach } from 'node:test';
import { signInAs, type CitizenSession } from './citizen-session.js';
import { startSmsGateway, type TestSmsGateway } from './delivery-sms-gateway.js';
import { startSmtpServer, type TestSmtpServer } from './delivery-smtp.js';
import { persons, type AccountFixture, type AccountInput, type OrganisationFixture } from './fixtures.js';
import { ylitornioAndKallio } from './staff-fixtures.js';
import { createHarness, type HarnessOptions, type TestHarness } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * Registers before/after hooks in the calling file or suite: one harness shared by its tests, closed
 * after them. The returned object is filled in by the before hook, so read it only inside tests.
 */
export function useSuiteHarness(options: HarnessOptions = {}): TestHarness {
  const h = {} as TestHarness;
  before(async () => {
    Object.assign(h, await createHarness(options));
  });
  after(() => h.close?.());
  return h;
}

/**
 * A suite's harness whose e-mail goes to a test SMTP server and, with `sms: true`, whose SMS go to a
 * test gateway (otherwise to the SMS outbox directory): the servers start before the harness, which
 * gets their URLs, and everything is stopped after the tests. Each test starts at `options.now` (when
 * given) with nothing received yet and the gateway accepting. The returned objects are filled in by
 * the before hook, so read them only inside tests and later hooks; `sms` is empty unless asked for.
 */
export function useDeliveryProviders(
  options: HarnessOptions = {},
  providers: { sms?: boolean } = {},
): { h: TestHarness; smtp: TestSmtpServer; sms: TestSmsGateway } {
  const made = { h: {} as TestHarness, smtp: {} as TestSmtpServer, sms: {} as TestSmsGateway };
  // The servers report through getters (port, counts), so their property descriptors are copied,
  // not their values at this moment.
  const fill = <T extends object>(target: T, source: T) =>
    Object.defineProperties(target, Object.getOwnPropertyDescriptors(source));
  before(async () => {
    fill(made.smtp, await startSmtpServer());
    const env: Record<string, string> = { ...options.env, SMTP_URL: made.smtp.url };
    if (providers.sms) {
      fill(made.sms, await startSmsGateway());
      env.SMS_GATEWAY_URL = made.sms.url;
    }
    Object.assign(made.h, await createHarness({ ...options, env }));
  });
  beforeEach(() => {
    if (options.now !== undefined) made.h.setNow(options.now);
    made.smtp.mails.length = 0;
    if (providers.sms) {
      made.sms.accepted.length = 0;
      made.sms.requests.length = 0;
      made.sms.behave(202);
    }
  });
  after(async () => {
    await made.h.close?.();
    await made.smtp.stop?.();
    await made.sms.stop?.();
  });
  return made;
}

/**
 * Registers before/after hooks in the calling file or suite: one test database (migrated unless
 * `migrate: false`), for tests that build their own context or run the command against it, destroyed
 * after them. The returned object is filled in by the before hook, so read it only inside tests and
 * later hooks.
 */
export function useTestDatabase(options: { migrate?: boolean } = {}): TestDatabase {
  const database = {} as TestDatabase;
  before(async () => {
    Object.assign(database, await createTestDatabase(options));
  });
  after(() => database.destroy?.());
  return database;
}

/**
 * An account opened by a before hook of the calling suite (after the hooks registered before this
 * call, so after the harness's). The returned object is filled in then: read it only inside tests.
 */
export function useAccount(h: TestHarness, input: AccountInput = {}): AccountFixture {
  const account = {} as AccountFixture;
  before(async () => {
    Object.assign(account, await h.fixtures.account(input));
  });
  return account;
}

/**
 * The mailbox suites' common ground: one harness on Monday 10 March 2025 (10:00 in Finland) and
 * accounts for Kimmo and Maija (`persons`), whose ids the before hook fills in.
 */
export function useMailboxSuite(): { h: TestHarness; accounts: { kimmo: number; maija: number } } {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  const accounts = { kimmo: 0, maija: 0 };
  before(async () => {
    accounts.kimmo = (await h.fixtures.account({ identityCode: persons.kimmo })).id;
    accounts.maija = (await h.fixtures.account({ identityCode: persons.maija })).id;
  });
  return { h, accounts };
}

/**
 * The mailbox page suites' common ground: useMailboxSuite's harness and accounts, with Kimmo and
 * Maija signed in (`sessions`, filled in by the before hook). A test that moves the clock back, past
 * their sessions, calls `signInAgain`.
 */
export function useMailboxPages(): ReturnType<typeof useMailboxSuite> & {
  sessions: { kimmo: CitizenSession; maija: CitizenSession };
  signInAgain(): Promise<void>;
} {
  const { h, accounts } = useMailboxSuite();
  const sessions = {} as { kimmo: CitizenSession; maija: CitizenSession };
  const signInAgain = async () => {
    sessions.kimmo = await signInAs(h, persons.kimmo);
    sessions.maija = await signInAs(h, persons.maija);
  };
  before(signInAgain);
  return { h, accounts, sessions, signInAgain };
}

/**
 * The staff suites' common ground: a harness with Ylitornio and Kallio (ylitornioAndKallio), made by
 * the before hook. A suite's own before hooks run after it, so they may give staff roles in them.
 */
export function useYlitornioAndKallio(options: HarnessOptions = {}): {
  h: TestHarness;
  ylitornio: OrganisationFixture;
  kallio: OrganisationFixture;
} {
  const h = useSuiteHarness(options);
  const organisations = { h, ylitornio: {} as OrganisationFixture, kallio: {} as OrganisationFixture };
  before(async () => {
    const made = await ylitornioAndKallio(h);
    Object.assign(organisations.ylitornio, made.ylitornio);
    Object.assign(organisations.kallio, made.kallio);
  });
  return organisations;
}
