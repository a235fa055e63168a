import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../src/db/schema.js';

export interface AccountRowInput {
  identityCode: string;
  status?: 'active' | 'closed';
  email?: string | null;
  emailNotifications?: boolean;
  mobile?: string | null;
  smsNotifications?: boolean;
  language?: 'fi' | 'sv' | 'en';
  termsVersion?: string;
  /** Opening (and, for a closed account, closing) time. */
  at: Date;
}

/**
 * An account row as the citizen portal writes it, inserted directly: the one place tests of other
 * areas (API, mailbox, delivery) create mailboxes without going through account opening.
 */
export async function insertAccountRow(db: Kysely<DatabaseSchema>, input: AccountRowInput): Promise<number> {
  const at = input.at.toISOString();
  const status = input.status ?? 'active';
  const { id } = await db
    .insertInto('accounts')
    .values({
      identity_code: input.identityCode,
      status,
      email: input.email ?? null,
      email_notifications: input.emailNotifications ? 1 : 0,
      mobile: input.mobile ?? null,
      sms_notifications: input.smsNotifications ? 1 : 0,
      language: input.language ?? 'fi',
      terms_version: input.termsVersion ?? '2026-1',
      terms_accepted_at: at,
      opened_at: at,
      closed_at: status === 'closed' ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
