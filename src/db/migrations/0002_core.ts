import type { Kysely } from 'kysely';
import { bigint, binary, createIndex, idColumn, optionalText, requiredText } from './column-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Organisations, their API credentials, citizens' accounts, messages, attachments and the outbox. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('organisations')
    .$call(idColumn(db))
    .addColumn('business_id', 'text', (c) => c.notNull().unique())
    .$call(requiredText('name_fi'))
    .$call(optionalText('name_sv', 'name_en', 'street_address', 'postal_code', 'city'))
    .$call(requiredText('created_at'))
    .execute();

  await db.schema
    .createTable('services')
    .$call(idColumn(db))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().unique())
    .$call(requiredText('name_fi'))
    .$call(optionalText('name_sv', 'name_en'))
    .addColumn('accepts_messages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .$call(requiredText('created_at'))
    .execute();

  await db.schema
    .createTable('api_credentials')
    .$call(idColumn(db))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .$call(requiredText('password_hash'))
    .$call(optionalText('allowed_ips'))
    .$call(requiredText('created_at', 'password_changed_at'))
    .$call(optionalText('revoked_at'))
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('credential_id', bigint(db), (c) => c.notNull().references('api_credentials.id'))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .$call(requiredText('created_at', 'expires_at'))
    .execute();

  await db.schema
    .createTable('api_login_failures')
    .$call(idColumn(db))
    .$call(requiredText('username', 'failed_at'))
    .execute();
  await createIndex(db, 'api_login_failures_username', 'api_login_failures', ['username', 'failed_at']);

  await db.schema
    .createTable('accounts')
    .$call(idColumn(db))
    .addColumn('identity_code', 'text', (c) => c.notNull().unique())
    .$call(requiredText('status'))
    .$call(optionalText('email'))
    .addColumn('email_notifications', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(optionalText('mobile'))
    .addColumn('sms_notifications', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(requiredText('language', 'terms_version', 'terms_accepted_at', 'opened_at'))
    .$call(optionalText('closed_at'))
    .$call(requiredText('created_at', 'updated_at'))
    .execute();

  await db.schema
    .createTable('messages')
    .$call(idColumn(db))
    .$call(requiredText('direction'))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('service_pk', bigint(db), (c) => c.notNull().references('services.id'))
    .addColumn('account_id', bigint(db), (c) => c.references('accounts.id'))
    .$call(optionalText('recipient_id', 'external_id'))
    .$call(requiredText('channel', 'service_type'))
    .addColumn('reply_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(requiredText('visibility', 'body_format'))
    .addColumn('title_enc', binary(db), (c) => c.notNull())
    .addColumn('body_enc', binary(db), (c) => c.notNull())
    .$call(requiredText('options'))
    .addColumn('paper_enc', binary(db))
    .addColumn('in_reply_to', bigint(db))
    .addColumn('thread_id', bigint(db))
    .$call(optionalText('citizen_type'))
    .$call(requiredText('created_at'))
    .$call(
      optionalText(
        'available_at',
        'read_at',
        'receipt_confirmed_at',
        'deleted_at',
        'purged_at',
        'deemed_received_on',
      ),
    )
    .execute();
  await createIndex(db, 'messages_external_id', 'messages', ['service_pk', 'external_id'], { unique: true });
  await createIndex(db, 'messages_mailbox', 'messages', ['account_id', 'direction', 'id']);
  await createIndex(db, 'messages_thread', 'messages', ['thread_id', 'id']);

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', bigint(db), (c) => c.references('organisations.id'))
    .addColumn('account_id', bigint(db), (c) => c.references('accounts.id'))
    .addColumn('message_id', bigint(db), (c) => c.references('messages.id'))
    .addColumn('position', 'integer')
    .$call(requiredText('file_name', 'media_type'))
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .$call(requiredText('sha256'))
    .addColumn('content_enc', binary(db), (c) => c.notNull())
    .$call(requiredText('created_at'))
    .execute();
  await createIndex(db, 'attachments_message', 'attachments', ['message_id']);

  // The organisation API's event feed; the id is the feed order.
  await db.schema
    .createTable('events')
    .$call(idColumn(db))
    .addColumn('organisation_id', bigint(db), (c) => c.notNull().references('organisations.id'))
    .addColumn('message_id', bigint(db))
    .$call(requiredText('service_id', 'event_type', 'occurred_at', 'payload'))
    .execute();
  await createIndex(db, 'events_feed', 'events', ['organisation_id', 'id']);

  await db.schema
    .createTable('web_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .$call(optionalText('identity_code'))
    .$call(requiredText('csrf_token', 'data', 'created_at', 'last_seen_at', 'absolute_expires_at'))
    .execute();

  // Transactional outbox: written in the same transaction as the change that needs delivering.
  await db.schema
    .createTable('outbox_jobs')
    .$call(idColumn(db))
    .$call(requiredText('kind'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('message_id', bigint(db))
    .addColumn('account_id', bigint(db))
    .$call(requiredText('payload', 'state'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(requiredText('run_at'))
    .$call(optionalText('locked_until', 'locked_by', 'last_error'))
    .$call(requiredText('created_at', 'updated_at'))
    .$call(optionalText('finished_at'))
    .execute();
  await createIndex(db, 'outbox_jobs_due', 'outbox_jobs', ['state', 'run_at']);
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
