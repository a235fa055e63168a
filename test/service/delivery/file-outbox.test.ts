import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deliveryFor, drain } from '../../helpers/delivery-harness.js';
import { parseMail } from '../../helpers/delivery-smtp.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';
import { testDialect } from '../../helpers/test-database.js';

describe(`without SMTP_URL and SMS_GATEWAY_URL notifications become files (${testDialect})`, () => {
  let h: TestHarness;
  before(async () => {
    h = await createHarness({ now: '2025-03-03T08:00:00Z' });
  });
  after(() => h.close());

  test('one .eml and one SMS JSON per notification under DATA_DIR/outbox, rewritten (not duplicated) on a rerun', async () => {
    const organisation = await h.fixtures.organisation();
    const { id: accountId } = await h.fixtures.account({
      identityCode: '270570-901K',
      email: 'kimmo@example.fi',
      emailNotifications: true,
      mobile: '+358 40 123 4567',
      smsNotifications: true,
      language: 'sv',
    });
    const messageId = await h.fixtures.sentMessage({
      organisation,
      accountId,
      recipientId: '270570-901K',
      now: h.context.clock(),
    });
    const delivery = deliveryFor(h);
    await drain(delivery);
    const emailDir = path.join(h.context.config.dataDir, 'outbox', 'email');
    const smsDir = path.join(h.context.config.dataDir, 'outbox', 'sms');
    const emails = fs.readdirSync(emailDir);
    const texts = fs.readdirSync(smsDir);
    assert.equal(emails.length, 1);
    assert.match(emails[0]!, /^[0-9a-f]{32}\.eml$/);
    const mail = parseMail(fs.readFileSync(path.join(emailDir, emails[0]!), 'utf8'), []);
    assert.equal(mail.subject, 'Nytt meddelande i ärendekontot');
    assert.equal(mail.idempotencyKey, `message:${messageId}:notify:email`);
    assert.doesNotMatch(mail.raw, /Päätös|Salainen/);
    assert.equal(texts.length, 1);
    const sms = JSON.parse(fs.readFileSync(path.join(smsDir, texts[0]!), 'utf8')) as Record<string, string>;
    assert.equal(sms.to, '+358401234567');
    assert.deepEqual(Object.keys(sms).sort(), ['reference', 'text', 'to']);

    // Rerun every notification job (as after a crash): the same files, no new ones.
    await h.context.database.db
      .updateTable('outbox_jobs')
      .set({ state: 'pending' })
      .where('kind', 'in', ['email-notification', 'sms-notification'])
      .execute();
    await drain(delivery);
    assert.deepEqual(fs.readdirSync(emailDir), emails);
    assert.deepEqual(fs.readdirSync(smsDir), texts);
  });
});
