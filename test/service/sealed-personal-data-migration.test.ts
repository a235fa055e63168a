import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { generateKeyRingText } from '../../src/crypto/key-ring.js';
import { openMessageRecipient } from '../../src/crypto/personal-data.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { migrationsWith } from '../../src/db/migrations/index.js';
import { createServices } from '../../src/services.js';
import { contextFor } from '../helpers/delivery-context.js';
import { createFixtures, persons } from '../helpers/fixtures.js';
import { accountRow } from '../helpers/stored-rows.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/test-database.js';

/** The schema as the release before sealing left it. */
async function migrateUpTo(t: TestDatabase, name: string): Promise<void> {
  const migrator = new Migrator({
    db: t.database.db,
    provider: { getMigrations: () => Promise.resolve(migrationsWith(undefined)) },
    ...(t.postgresSchema ? { migrationTableSchema: t.postgresSchema } : {}),
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

describe(`migration 0016 seals stored personal data (${testDialect})`, () => {
  test('clear accounts, sessions and consents are sealed without loss; without the key it refuses and changes nothing', async () => {
    const t = await createTestDatabase({ migrate: false });
    try {
      await migrateUpTo(t, '0015_audit_access_log');
      const context = contextFor(t, generateKeyRingText('upgrade'));
      const organisation = await createFixtures(context).organisation();
      // Rows as the previous release wrote them: in clear (its schema, so untyped here).
      const db = t.database.db as never as Kysely<Record<string, Record<string, unknown>>>;
      const at = '2026-01-05T10:00:00.000Z';
      await db
        .insertInto('accounts')
        .values({
          identity_code: persons.maija,
          status: 'active',
          email: 'maija.upgrade@example.fi',
          email_notifications: 1,
          mobile: '+358401112223',
          sms_notifications: 0,
          language: 'fi',
          terms_version: '1',
          terms_accepted_at: at,
          opened_at: at,
          closed_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db
        .insertInto('web_sessions')
        .values({
          id_hash: 'session-1',
          identity_code: persons.maija,
          csrf_token: 'c',
          data: '{}',
          created_at: at,
          last_seen_at: at,
          absolute_expires_at: '2099-01-01T00:00:00.000Z',
        })
        .execute();
      await db
        .insertInto('delivery_consents')
        .values({
          organisation_id: organisation.id,
          identity_code: persons.maija,
          channel: 'paper',
          given_on: '2026-01-02',
          recorded_at: at,
          recorded_by_staff_id: null,
          recorded_by_name: 'Tiina Upgrade',
          withdrawn_at: null,
          withdrawn_by: null,
        })
        .execute();

      await db
        .insertInto('feedback')
        .values({
          received_at: at,
          topic: 'other',
          message: 'Palautetta',
          reply_email: 'reply.upgrade@example.fi',
          locale: 'fi',
        })
        .execute();

      await db
        .insertInto('staff_members')
        .values({
          identity_code: persons.kimmo,
          first_names: 'Kimmo Upgrade',
          last_name: 'Staffmember',
          created_at: at,
          removed_at: null,
        })
        .execute();

      await db
        .insertInto('messages')
        .values({
          direction: 'to_citizen',
          organisation_id: organisation.id,
          service_pk: organisation.servicePk,
          account_id: null,
          recipient_id: persons.maija,
          external_id: 'upgrade-1',
          channel: 'paper',
          service_type: 'Normal',
          reply_allowed: 0,
          visibility: 'Normal',
          body_format: 'Text',
          title_enc: Buffer.alloc(0),
          body_enc: Buffer.alloc(0),
          options: '{}',
          created_at: at,
        })
        .execute();
      // A receipt confirmation as the feed stored it before: who confirmed, in clear.
      await db
        .insertInto('events')
        .values({
          organisation_id: organisation.id,
          message_id: null,
          service_id: organisation.serviceId,
          event_type: 'Receipt confirmed',
          occurred_at: at,
          payload: JSON.stringify({
            type: 'Receipt confirmed',
            eventTime: at,
            metadata: { messageId: 1, serviceId: organisation.serviceId, receiptConfirmedBy: persons.maija },
          }),
        })
        .execute();

      await assert.rejects(migrateToLatest(t.database), /personal data must be sealed/);
      const untouched = await db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow();
      assert.equal(untouched.identity_code, persons.maija, 'refused before changing anything');

      await migrateToLatest(t.database, undefined, context.envelope);

      const services = createServices(context);
      const account = await services.accounts.accounts.accountOf(persons.maija);
      assert.equal(account?.email, 'maija.upgrade@example.fi');
      assert.equal(account.mobile, '+358401112223');
      assert.equal(account.identityCode, persons.maija);
      const stored = await accountRow({ context }, persons.maija);
      assert.notEqual(stored.identity_lookup, persons.maija);
      assert.match(stored.identity_lookup, /^[0-9a-f]{64}$/);
      const consents = await services.consents.forPerson(persons.maija);
      assert.equal(consents.length, 1);
      assert.equal(consents[0]!.recordedByName, 'Tiina Upgrade');
      // The mailbox check finds the account by the code's lookup hash.
      assert.deepEqual(
        await services.messaging.mailboxes.activeMailboxes(organisation.id, [persons.kimmo, persons.maija]),
        [persons.maija],
      );
      await services.staff.staff.grant({
        identityCode: persons.kimmo,
        businessId: organisation.businessId,
        role: 'admin',
      });
      const [member] = await services.staff.staff.list(organisation.businessId);
      assert.equal(
        member?.identityCode,
        persons.kimmo,
        'the member is found by the lookup hash, not added again',
      );
      const [feedback] = await services.feedback.listNewest(5);
      assert.equal(feedback?.replyEmail, 'reply.upgrade@example.fi');
      const [message] = await db.selectFrom('messages').selectAll().execute();
      assert.equal(
        message!.recipient_lookup,
        stored.identity_lookup,
        'the recipient is found by the same hash',
      );
      assert.equal(
        openMessageRecipient(context.envelope, message!.recipient_id_enc as Buffer),
        persons.maija,
      );
      const sessions = await db.selectFrom('web_sessions').selectAll().execute();
      assert.equal(sessions[0]!.identity_lookup, stored.identity_lookup);
      assert.equal((await db.selectFrom('staff_members').selectAll().execute()).length, 1);
      const tables = [
        'accounts',
        'web_sessions',
        'delivery_consents',
        'feedback',
        'staff_members',
        'messages',
        'events',
      ];
      // SQLite: nor in the file's free space or its write-ahead log.
      if (testDialect === 'sqlite') {
        const files = ['asiointitili.db', 'asiointitili.db-wal'].map((name) => path.join(t.dataDir, name));
        const bytes = Buffer.concat(
          files.filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file)),
        );
        for (const clear of [persons.maija, persons.kimmo, 'maija.upgrade@example.fi', 'Tiina Upgrade']) {
          assert.ok(!bytes.includes(Buffer.from(clear)), 'no clear value left in the SQLite files');
        }
      }
      for (const table of tables) {
        const text = JSON.stringify(await db.selectFrom(table).selectAll().execute());
        assert.ok(
          !text.includes(persons.maija) && !text.includes(persons.kimmo),
          `${table}: no identity code in clear`,
        );
        assert.ok(
          !text.includes('upgrade@example') && !text.includes('Tiina') && !text.includes('Upgrade'),
          `${table}: nothing else in clear`,
        );
      }
    } finally {
      await t.destroy();
    }
  });
});
