import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { planWelcomeNotification } from '../../../src/modules/delivery/delivery-planner.js';
import type { DeliveryServices } from '../../../src/modules/delivery/index.js';
import { type AccountInput, type MessageInput, type OrganisationFixture } from '../../helpers/fixtures.js';
import { eventTypesOf, evidenceOf, jobsOf } from '../../helpers/stored-rows.js';
import { confirmReceipt, deliveryFor, drain } from '../../helpers/delivery-harness.js';
import { useDeliveryProviders } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

const title = 'Päätös toimeentulotuesta';
const body = 'Salainen viestin sisältö';
const start = new Date('2025-03-03T08:00:00Z');
const day = 24 * 3600_000;

describe(`notifications by e-mail and SMS (${testDialect})`, () => {
  const { h, smtp, sms } = useDeliveryProviders({ now: start }, { sms: true });
  let delivery: DeliveryServices;
  let organisation: OrganisationFixture;
  let person = 0;

  before(async () => {
    delivery = deliveryFor(h);
    organisation = await h.fixtures.organisation();
  });

  /** A fresh person (identity codes only need to be unique here). */
  async function account(input: AccountInput = {}) {
    const identityCode = `010101-9${String(++person).padStart(2, '0')}X`;
    return (
      await h.fixtures.account({
        identityCode,
        email: `person${person}@example.fi`,
        emailNotifications: true,
        mobile: '050 123 4567',
        smsNotifications: true,
        ...input,
      })
    ).id;
  }

  function send(accountId: number, extra: Partial<MessageInput> = {}) {
    return h.fixtures.sentMessage({
      organisation,
      accountId,
      recipientId: 'x',
      title,
      body,
      now: h.context.clock(),
      ...extra,
    });
  }

  /** The message's notification options: whether the sender may be named, and its reminder choice. */
  const notifications = (senderDetailsInNotifications: string, reminder = 'Default reminder') => ({
    senderDetailsInNotifications,
    unreadMessageNotification: { reminder },
  });

  function assertNoContent(text: string) {
    assert.doesNotMatch(text, new RegExp(title));
    assert.doesNotMatch(text, new RegExp(body));
  }

  test('a new message produces the e-mail and SMS the person chose, without its title or body', async () => {
    const accountId = await account();
    const messageId = await send(accountId);
    await drain(delivery);

    assert.equal(smtp.mails.length, 1);
    const mail = smtp.mails[0]!;
    assert.deepEqual(mail.envelopeTo, [`person${person}@example.fi`]);
    assert.equal(mail.subject, 'Uusi viesti asiointitilillä');
    assert.equal(mail.idempotencyKey, `message:${messageId}:notify:email`);
    assert.match(mail.headers.get('message-id') ?? '', /^<[0-9a-f]{40}@localhost>$/);
    assert.match(mail.text, /http:\/\/localhost:3000\//);
    assert.match(mail.html, /<a href="http:\/\/localhost:3000\/">/);
    assert.match(mail.html, /lang="fi"/);
    // The contract's default: organisation and service name are shown.
    assert.match(mail.text, /Lähettäjä: Kallion peruspalvelukuntayhtymä – Sosiaalipalvelut/);
    for (const part of [mail.subject, mail.text, mail.html, mail.raw]) assertNoContent(part);

    assert.equal(sms.accepted.length, 1);
    const message = sms.accepted[0]!;
    assert.equal(message.to, '+358501234567');
    const smsJob = (await jobsOf(h.context, messageId)).find((job) => job.kind === 'sms-notification')!;
    assert.equal(message.reference, String(smsJob.id));
    assert.match(message.text, /uusi viesti/);
    assertNoContent(message.text);

    // The feed shows the message; notifications are not feed events in the contract.
    assert.deepEqual(await eventTypesOf(h.context, messageId), ['Electronic message created']);
    const metrics = await h.context.metrics.registry.getSingleMetricAsString('asiointitili_deliveries_total');
    assert.match(metrics, /channel="email",outcome="sent"} 1/);
    assert.match(metrics, /channel="sms",outcome="sent"} 1/);
  });

  test('the sender name appears only when senderDetailsInNotifications allows it; language follows the person', async () => {
    const swedish = await account({ language: 'sv' });
    await send(swedish, { notifications: notifications('None') });
    await drain(delivery);
    const mail = smtp.mails[0]!;
    assert.equal(mail.subject, 'Nytt meddelande i ärendekontot');
    assert.match(mail.html, /lang="sv"/);
    for (const text of [mail.text, mail.html, sms.accepted[0]!.text]) {
      assert.doesNotMatch(text, /Kallio|Sosiaalipalvelut|Socialtjänster|Avsändare/);
    }

    smtp.mails.length = 0;
    const english = await account({ language: 'en' });
    await send(english, { notifications: notifications('Organisation and service name') });
    await drain(delivery);
    assert.equal(smtp.mails[0]!.subject, 'New message in your e-services account');
    assert.match(smtp.mails[0]!.text, /Sender: Kallio Joint Municipal Authority – Social services/);
    // The From name is the service's name in the person's language (MAIL_FROM is an address alone).
    assert.equal(smtp.mails[0]!.from, 'Citizen’s e-services account <noreply@localhost>');
  });

  test("the sender's customised notification text replaces the standard wording, in the person's language", async () => {
    const accountId = await account({ language: 'en' });
    await send(accountId, {
      notifications: {
        ...notifications('None'),
        customisedNewMessageNotification: {
          title: { fi: 'Sinulle on päätös', sv: 'Du har ett beslut', en: 'You have a decision <b>' },
          content: {
            fi: 'Katso asiointitili.',
            sv: 'Se kontot.',
            en: 'Please check your account & sign in.',
          },
        },
      },
    });
    await drain(delivery);
    const mail = smtp.mails[0]!;
    assert.equal(mail.subject, 'You have a decision <b>');
    assert.match(mail.text, /Please check your account & sign in\./);
    assert.match(mail.html, /Please check your account &#38; sign in\./);
    assert.match(mail.text, /http:\/\/localhost:3000\//);
    assert.match(sms.accepted[0]!.text, /Please check your account & sign in\. http:\/\/localhost:3000\//);
    assertNoContent(mail.raw);
  });

  test('only the channels the person chose, only Finnish mobiles, nothing for a closed account', async () => {
    const emailOnly = await account({ smsNotifications: false });
    const smsOnly = await account({ emailNotifications: false });
    const swedishMobile = await account({ emailNotifications: false, mobile: '+46701234567' });
    const closed = await account({ status: 'closed' });
    const none = await account({ emailNotifications: false, smsNotifications: false });
    const ids = [];
    for (const accountId of [emailOnly, smsOnly, swedishMobile, closed, none])
      ids.push(await send(accountId));
    await drain(delivery);
    assert.deepEqual(
      smtp.mails.map((mail) => mail.idempotencyKey),
      [`message:${ids[0]}:notify:email`],
    );
    assert.deepEqual(
      sms.accepted.map((message) => message.idempotencyKey),
      [`message:${ids[1]}:notify:sms`],
    );
    for (const id of ids.slice(2)) {
      const jobs = await jobsOf(h.context, id);
      assert.equal(jobs.find((job) => job.kind === 'new-message-notification')?.state, 'done');
      assert.equal(
        jobs.filter((job) => job.kind.endsWith('-notification') && job.kind !== 'new-message-notification')
          .length,
        0,
      );
    }
  });

  test('a welcome notification follows the choices made when opening the account', async () => {
    const accountId = await account({ language: 'fi', smsNotifications: false });
    await h.context.database.db
      .transaction()
      .execute((trx) => planWelcomeNotification(trx, accountId, start));
    // Planning twice (a retried request) still welcomes once.
    await h.context.database.db
      .transaction()
      .execute((trx) => planWelcomeNotification(trx, accountId, start));
    await drain(delivery);
    assert.equal(smtp.mails.length, 1);
    assert.equal(smtp.mails[0]!.subject, 'Tervetuloa asiointitilille');
    assert.equal(sms.accepted.length, 0);
  });

  test('an account taken into use again is told so, not welcomed a second time', async () => {
    const accountId = await account({ language: 'fi', smsNotifications: false });
    const reopenedAt = new Date(start.getTime() + 30 * day);
    // As AccountService.open leaves a reopened account: created long ago, opened again now.
    await h.context.database.db
      .updateTable('accounts')
      .set({ opened_at: reopenedAt.toISOString() })
      .where('id', '=', accountId)
      .execute();
    h.setNow(reopenedAt);
    await h.context.database.db
      .transaction()
      .execute((trx) => planWelcomeNotification(trx, accountId, reopenedAt));
    await drain(delivery);
    // Moving the clock on also sends other tests' reminders: only this person's mail counts here.
    const mine = smtp.mails.filter((mail) => mail.envelopeTo.includes(`person${person}@example.fi`));
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.subject, 'Asiointitili on jälleen käytössä');
    assert.match(mine[0]!.text, /Olet ottanut asiointitilin uudelleen käyttöön/);
    assert.doesNotMatch(mine[0]!.text, /Tervetuloa|on avattu/);
  });

  test('one reminder for a normal message unread after 7 days; none once read or with "No reminders"', async () => {
    const accountId = await account({ smsNotifications: false });
    const unread = await send(accountId);
    const read = await send(accountId);
    const noReminders = await send(accountId, { notifications: notifications('None', 'No reminders') });
    await drain(delivery);
    assert.equal(smtp.mails.length, 3);
    smtp.mails.length = 0;

    h.setNow(new Date(start.getTime() + 6 * day));
    await drain(delivery);
    assert.equal(smtp.mails.length, 0, 'no reminder before 7 days');

    await h.context.database.db
      .updateTable('messages')
      .set({ read_at: new Date(start.getTime() + 6 * day).toISOString() })
      .where('id', '=', read)
      .execute();
    h.setNow(new Date(start.getTime() + 7 * day));
    await drain(delivery);
    const mine = new Set([unread, read, noReminders].map((id) => `message:${id}:reminder:email`));
    const reminders = () => smtp.mails.filter((mail) => mine.has(mail.idempotencyKey ?? ''));
    assert.deepEqual(
      reminders().map((mail) => mail.idempotencyKey),
      [`message:${unread}:reminder:email`],
    );
    assert.equal(reminders()[0]!.subject, 'Muistutus: lukematon viesti asiointitilillä');
    assertNoContent(reminders()[0]!.raw);
    assert.equal(
      (await jobsOf(h.context, noReminders)).some((job) => job.kind === 'reminder'),
      false,
    );

    h.setNow(new Date(start.getTime() + 30 * day));
    await drain(delivery);
    assert.equal(reminders().length, 1, 'only one reminder');
  });

  test('a verifiable message is reminded of after 3 days unless acknowledged', async () => {
    const accountId = await account({ smsNotifications: false });
    const pending = await send(accountId, { serviceType: 'Verifiable' });
    const acknowledged = await send(accountId, { serviceType: 'Verifiable' });
    await drain(delivery);
    smtp.mails.length = 0;
    await confirmReceipt(h, acknowledged, new Date(start.getTime() + day));
    h.setNow(new Date(start.getTime() + 3 * day));
    await drain(delivery);
    const mine = new Set([pending, acknowledged].map((id) => `message:${id}:reminder:email`));
    assert.deepEqual(
      smtp.mails.map((mail) => mail.idempotencyKey).filter((key) => mine.has(key ?? '')),
      [`message:${pending}:reminder:email`],
    );
  });

  test('SMTP server down, then up: every notification arrives, once per key', async () => {
    const accountId = await account({ smsNotifications: false });
    await smtp.down();
    const ids = [await send(accountId), await send(accountId), await send(accountId)];
    await drain(delivery);
    assert.equal(smtp.mails.length, 0);
    const waiting = await h.context.database.db
      .selectFrom('outbox_jobs')
      .select(['state', 'last_error', 'attempts'])
      .where('kind', '=', 'email-notification')
      .where('message_id', 'in', ids)
      .execute();
    assert.equal(waiting.length, 3);
    for (const job of waiting) {
      assert.equal(job.state, 'pending');
      assert.match(job.last_error ?? '', /^SMTP /);
    }
    await smtp.up();
    // Backoff: the first retry comes 30–60 s later (60 s base with these options, halved jitter).
    h.setNow(new Date(start.getTime() + 2 * 60_000));
    await drain(delivery);
    assert.deepEqual(
      smtp.mails.map((mail) => mail.idempotencyKey).sort(),
      ids.map((id) => `message:${id}:notify:email`).sort(),
    );
    const metrics = await h.context.metrics.registry.getSingleMetricAsString('asiointitili_deliveries_total');
    assert.match(metrics, /channel="email",outcome="retried"} 3/);
  });

  test('SMS gateway: 5xx and time-outs are retried, 4xx fails for good', async () => {
    const accountId = await account({ emailNotifications: false });
    sms.behave(503);
    const retried = await send(accountId);
    await drain(delivery);
    // The gateway now never answers, so the time-out is the only possible outcome, however slow the
    // machine: a short one keeps the test quick without making it depend on speed.
    sms.behave('hang');
    h.setNow(new Date(start.getTime() + 2 * 60_000));
    await drain(deliveryFor(h, { smsTimeoutMs: 200 }));
    const job = async (id: number) =>
      (await jobsOf(h.context, id)).find((candidate) => candidate.kind === 'sms-notification')!;
    assert.equal((await job(retried)).state, 'pending');
    assert.equal((await job(retried)).last_error, 'SMS gateway timed out');
    sms.behave(202);
    h.setNow(new Date(start.getTime() + 10 * 60_000));
    await drain(delivery);
    assert.equal((await job(retried)).state, 'done');
    assert.equal(sms.accepted.length, 1);
    // Every try carried the same reference, so the gateway can deduplicate.
    assert.equal(new Set(sms.requests.map((request) => request.reference)).size, 1);

    sms.behave(400);
    const refused = await send(accountId);
    await drain(delivery);
    const failed = await job(refused);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.last_error, 'SMS gateway refused with HTTP 400');
    const status = await delivery.status();
    assert.equal(status.channels.sms?.failed, 1);
    assert.equal(status.failed[0]?.id, failed.id);

    // Signed evidence says the person was not told by SMS (issue 14 §3), naming no number.
    const failures = (await evidenceOf(h, refused)).filter(
      (record) => record.event === 'NotificationFailure',
    );
    assert.equal(failures.length, 1);
    assert.deepEqual(failures[0]!.details, { channel: 'sms', template: 'new-message' });
    assert.ok(!failures[0]!.payload.includes('050') && !failures[0]!.payload.includes('+358'));
    const told = await evidenceOf(h, retried);
    assert.ok(told.some((record) => record.event === 'NotificationForDelivery'));
    assert.ok(
      !told.some((record) => record.event === 'NotificationFailure'),
      'a retried success is no failure',
    );
  });

  test('retryable failures fail the job once DELIVERY_FAIL_AFTER_HOURS has passed', async () => {
    const accountId = await account({ emailNotifications: false });
    sms.behave(500);
    const id = await send(accountId);
    let now = start.getTime();
    for (let round = 0; round < 30; round++) {
      await drain(delivery);
      now += 4 * 3600_000;
      h.setNow(new Date(now));
    }
    const job = (await jobsOf(h.context, id)).find((candidate) => candidate.kind === 'sms-notification')!;
    assert.equal(job.state, 'failed');
    assert.ok(new Date(job.finished_at!).getTime() - start.getTime() >= 72 * 3600_000);
    assert.ok(new Date(job.finished_at!).getTime() - start.getTime() <= 80 * 3600_000);

    // The operator's retry starts a new window.
    // (The job refused with HTTP 400 in the test before is failed too, and comes back with it.)
    assert.equal(await delivery.retryFailed(), 2);
    sms.behave(202);
    await drain(delivery);
    assert.equal(
      (await jobsOf(h.context, id)).find((candidate) => candidate.kind === 'sms-notification')!.state,
      'done',
    );
  });

  test('logs carry no addresses, numbers or content', async () => {
    const text = h.log.text;
    assert.doesNotMatch(text, /@example\.fi/);
    assert.doesNotMatch(text, /\+358/);
    assert.doesNotMatch(text, new RegExp(title));
  });
});
