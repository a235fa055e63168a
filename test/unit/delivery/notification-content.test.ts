import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifySmtpError, messageIdFor } from '../../../src/modules/delivery/email-sender.js';
import { renderEmail, renderSms } from '../../../src/modules/delivery/notification-content.js';
import { parseNotificationChoices } from '../../../src/modules/delivery/notification-options.js';

const link = 'https://asiointitili.example.fi/';

describe('notification choices from messages.options', () => {
  test('the contract defaults: sender shown, reminders on, no customised text', () => {
    for (const options of [undefined, '', '{}', 'not json', '{"notifications":null}']) {
      assert.deepEqual(parseNotificationChoices(options), {
        senderDetails: true,
        reminders: true,
        customised: undefined,
      });
    }
  });

  test('explicit choices, wherever the notifications object sits', () => {
    const notifications = {
      senderDetailsInNotifications: 'None',
      unreadMessageNotification: { reminder: 'No reminders' },
      customisedNewMessageNotification: {
        title: { fi: 'Otsikko', sv: 'Rubrik', en: 'Title' },
        content: { fi: 'Sisältö', sv: 'Innehåll', en: ' ' },
      },
    };
    for (const options of [{ notifications }, { electronic: { notifications } }, notifications]) {
      const choices = parseNotificationChoices(JSON.stringify(options));
      assert.equal(choices.senderDetails, false);
      assert.equal(choices.reminders, false);
      assert.deepEqual(choices.customised, {
        title: { fi: 'Otsikko', sv: 'Rubrik', en: 'Title' },
        // A blank language falls back to Finnish.
        content: { fi: 'Sisältö', sv: 'Innehåll', en: 'Sisältö' },
      });
    }
  });
});

describe('notification texts', () => {
  test('each language and template has its own wording, a link and no sender unless given', () => {
    const subjects = new Set<string>();
    for (const language of ['fi', 'sv', 'en'] as const) {
      for (const template of ['new-message', 'reminder', 'welcome', 'reopened'] as const) {
        const mail = renderEmail({ template, language, sender: undefined, customised: undefined, link });
        subjects.add(mail.subject);
        assert.ok(mail.text.includes(link));
        assert.ok(mail.html.includes(`href="${link}"`));
        assert.ok(mail.html.includes(`lang="${language}"`));
        assert.ok(
          renderSms({ template, language, sender: undefined, customised: undefined, link }).endsWith(link),
        );
      }
    }
    assert.equal(subjects.size, 12);
  });

  test('customised text is used for new-message notifications only, and escaped in HTML', () => {
    const customised = { title: 'Päätös <tärkeä>', content: 'Katso "tili" & kirjaudu' };
    const mail = renderEmail({
      template: 'new-message',
      language: 'fi',
      sender: 'Kunta – Palvelu',
      customised,
      link,
    });
    assert.equal(mail.subject, 'Päätös <tärkeä>');
    assert.ok(mail.text.includes('Katso "tili" & kirjaudu'));
    assert.ok(mail.text.includes('Lähettäjä: Kunta – Palvelu'));
    assert.ok(mail.html.includes('Katso &#34;tili&#34; &#38; kirjaudu'));
    assert.ok(!mail.html.includes('<tärkeä>'));
    const reminder = renderEmail({
      template: 'reminder',
      language: 'fi',
      sender: undefined,
      customised,
      link,
    });
    assert.equal(reminder.subject, 'Muistutus: lukematon viesti asiointitilillä');
  });
});

describe('e-mail provider details', () => {
  test('Message-ID is stable per idempotency key', () => {
    assert.equal(
      messageIdFor('message:1:notify:email', 'example.fi'),
      messageIdFor('message:1:notify:email', 'example.fi'),
    );
    assert.notEqual(
      messageIdFor('message:1:notify:email', 'example.fi'),
      messageIdFor('message:2:notify:email', 'example.fi'),
    );
  });

  test('only a 5xx about the recipient or message is permanent; the stored reason has no server text', () => {
    const rejected = classifySmtpError(
      Object.assign(new Error('550 5.1.1 <someone@example.fi>: no such user'), {
        responseCode: 550,
        command: 'RCPT TO',
        code: 'EENVELOPE',
      }),
    );
    assert.equal(rejected.retryable, false);
    assert.equal(rejected.message, 'SMTP 550 at RCPT');
    assert.equal(
      classifySmtpError(Object.assign(new Error('x'), { responseCode: 451, command: 'RCPT TO' })).retryable,
      true,
    );
    assert.equal(classifySmtpError(Object.assign(new Error('x'), { code: 'ECONNECTION' })).retryable, true);
    assert.equal(
      classifySmtpError(
        Object.assign(new Error('x'), { responseCode: 535, command: 'AUTH PLAIN', code: 'EAUTH' }),
      ).retryable,
      true,
    );
  });
});
