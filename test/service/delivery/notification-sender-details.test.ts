import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoNotifications } from '../../../src/demo/seed-api-demo.js';
import type { MessageInput } from '../../helpers/fixtures.js';
import { deliveryFor, drain } from '../../helpers/delivery-harness.js';
import { startSmtpServer } from '../../helpers/delivery-smtp.js';
import { startSmsGateway } from '../../helpers/delivery-sms-gateway.js';
import { createHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

const title = 'Päätös toimeentulotuesta';
const body = 'Salainen viestin sisältö';
const start = new Date('2025-03-03T08:00:00Z');
const day = 24 * 3600_000;
/** Anything that would tell who sent the message (the fixture's organisation and service, fi). */
const senderDetails = /Lähettäjä|Kallio|Sosiaalipalvelut/;

/** A harness with a real SMTP server and SMS gateway, and the operator's NOTIFICATION_SENDER_DETAILS. */
async function notificationWorld(senderSetting: 'sender-choice' | 'never' | undefined) {
  const smtp = await startSmtpServer();
  const sms = await startSmsGateway();
  const h = await createHarness({
    now: start,
    env: {
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      ...(senderSetting ? { NOTIFICATION_SENDER_DETAILS: senderSetting } : {}),
    },
  });
  const delivery = deliveryFor(h);
  const organisation = await h.fixtures.organisation();
  let person = 0;
  return {
    h,
    smtp,
    sms,
    delivery,
    async send(notifications: MessageInput['notifications']) {
      const identityCode = `020202-9${String(++person).padStart(2, '0')}X`;
      const account = await h.fixtures.account({
        identityCode,
        email: `sender-details${person}@example.fi`,
        emailNotifications: true,
        mobile: '050 123 4567',
        smsNotifications: true,
      });
      return h.fixtures.sentMessage({
        organisation,
        accountId: account.id,
        recipientId: 'x',
        title,
        body,
        now: h.context.clock(),
        ...(notifications ? { notifications } : {}),
      });
    },
    async close() {
      await h.close();
      await smtp.stop();
      await sms.stop();
    },
  };
}

type World = Awaited<ReturnType<typeof notificationWorld>>;

/** Every notification text that reached the servers: e-mail (subject, text, HTML) and SMS. */
function allTexts(world: World): string[] {
  return [
    ...world.smtp.mails.flatMap((mail) => [mail.subject, mail.text, mail.html]),
    ...world.sms.accepted.map((message) => message.text),
  ];
}

const namedSender = {
  senderDetailsInNotifications: 'Organisation and service name',
  unreadMessageNotification: { reminder: 'Default reminder' },
} as const;

/** Sends a message that asks for the sender's name, then lets its first notice and the reminder a week later go. */
async function sendAndRemind(world: World): Promise<void> {
  await world.send(namedSender);
  await drain(world.delivery);
  world.h.setNow(new Date(start.getTime() + 7 * day));
  await drain(world.delivery);
}

describe(`NOTIFICATION_SENDER_DETAILS and the message's own choice (${testDialect})`, () => {
  describe('never', () => {
    let world: World;
    before(async () => {
      world = await notificationWorld('never');
    });
    after(() => world.close());

    test('no notification or reminder names the sender, even when the message allows it', async () => {
      await sendAndRemind(world);

      const subjects = world.smtp.mails.map((mail) => mail.subject);
      // MAIL_FROM unset: the address under the service's name in the person's language.
      for (const mail of world.smtp.mails) {
        assert.equal(mail.from, 'Kansalaisen asiointitili <noreply@localhost>');
      }
      assert.deepEqual(subjects, [
        'Uusi viesti asiointitilillä',
        'Muistutus: lukematon viesti asiointitilillä',
      ]);
      assert.equal(world.sms.accepted.length, 2, 'a new-message SMS and a reminder SMS');
      for (const text of allTexts(world)) {
        assert.doesNotMatch(text, senderDetails);
        assert.doesNotMatch(text, new RegExp(`${title}|${body}`));
      }
    });
  });

  describe('sender-choice (the default)', () => {
    let world: World;
    before(async () => {
      world = await notificationWorld(undefined);
    });
    after(() => world.close());

    test("the message's choice decides; a reminder names the sender as the first notice did", async () => {
      await sendAndRemind(world);
      assert.equal(world.smtp.mails.length, 2);
      for (const mail of world.smtp.mails) {
        assert.match(mail.text, /Lähettäjä: Kallion peruspalvelukuntayhtymä – Sosiaalipalvelut/);
      }
      // The reminder never carries anything of the message itself, not even a customised wording.
      for (const text of allTexts(world)) assert.doesNotMatch(text, new RegExp(`${title}|${body}`));
    });

    test("the demo's social and health services send with None: their notifications name no one", async () => {
      world.smtp.mails.length = 0;
      world.sms.accepted.length = 0;
      world.h.setNow(start);
      for (const serviceId of ['kallio-sosiaalipalvelut', 'kallio-terveyspalvelut']) {
        assert.equal(demoNotifications(serviceId)?.senderDetailsInNotifications, 'None', serviceId);
      }
      assert.equal(
        demoNotifications('ylitornio-lomakkeet')?.senderDetailsInNotifications,
        'Organisation and service name',
      );
      await world.send({ ...demoNotifications('kallio-sosiaalipalvelut') });
      await drain(world.delivery);
      assert.equal(world.smtp.mails.length, 1);
      assert.equal(world.sms.accepted.length, 1);
      for (const text of allTexts(world)) assert.doesNotMatch(text, senderDetails);
    });
  });
});
