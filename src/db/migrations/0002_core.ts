import type { Kysely } from 'kysely';
import { bigint, binary, serialId, serialIdOptions } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Organisations, their API credentials, citizens' accounts, messages, attachments and the outbox. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('business_id', 'text', (c) => c.notNull().unique())
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text')
    .addColumn('name_en', 'text')
    .addColumn('street_address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().unique())
    .addColumn('name_fi', 'text', (c) => c.notNull())
    .addColumn('name_sv', 'text')
    .addColumn('name_en', 'text')
    .addColumn('accepts_messages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_credentials')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('allowed_ips', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('credential_id', bigint(db), (c) => c.notNull().references('api_credentials.id'))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_login_failures')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('api_login_failures_username')
    .on('api_login_failures')
    .columns(['username', 'failed_at'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('identity_code', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_notifications', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mobile', 'text')
    .addColumn('sms_notifications', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('terms_version', 'text', (c) => c.notNull())
    .addColumn('terms_accepted_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('service_pk', bigint(db), (c) => c.notNull().references('services.id'))
    .addColumn('account_id', bigint(db), (c) => c.references('accounts.id'))
    .addColumn('recipient_id', 'text')
    .addColumn('external_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('reply_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('body_format', 'text', (c) => c.notNull())
    .addColumn('title_enc', binary(db), (c) => c.notNull())
    .addColumn('body_enc', binary(db), (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('paper_enc', binary(db))
    .addColumn('in_reply_to', bigint(db))
    .addColumn('thread_id', bigint(db))
    .addColumn('citizen_type', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('available_at', 'text')
    .addColumn('read_at', 'text')
    .addColumn('receipt_confirmed_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('purged_at', 'text')
    .addColumn('deemed_received_on', 'text')
    .execute();
  await db.schema
    .createIndex('messages_external_id')
    .on('messages')
    .columns(['service_pk', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('messages_mailbox')
    .on('messages')
    .columns(['account_id', 'direction', 'id'])
    .execute();
  await db.schema.createIndex('messages_thread').on('messages').columns(['thread_id', 'id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', bigint(db), (c) => c.references('organisations.id'))
    .addColumn('account_id', bigint(db), (c) => c.references('accounts.id'))
    .addColumn('message_id', bigint(db), (c) => c.references('messages.id'))
    .addColumn('position', 'integer')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_enc', binary(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_message').on('attachments').columns(['message_id']).execute();

  // The organisation API's event feed; the id is the feed order.
  await db.schema
    .createTable('events')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('message_id', bigint(db))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_feed').on('events').columns(['organisation_id', 'id']).execute();

  await db.schema
    .createTable('web_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('identity_code', 'text')
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .execute();

  // Transactional outbox: written in the same transaction as the change that needs delivering.
  await db.schema
    .createTable('outbox_jobs')
    .addColumn('id', serialId(db), serialIdOptions(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('message_id', bigint(db))
    .addColumn('account_id', bigint(db))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_jobs_due').on('outbox_jobs').columns(['state', 'run_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'outbox_jobs',
    'web_sessions',
    'events',
    'attachments',
    'messages',
    'accounts',
    'api_login_failures',
    'api_tokens',
    'api_credentials',
    'services',
    'organisations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
