import type { Selectable } from 'kysely';
import type { AccountStatus, AccountsTable } from '../../db/schema.js';

export interface AccountRow {
  id: number;
  identityCode: string;
  status: AccountStatus;
  email: string | null;
  emailNotifications: boolean;
  mobile: string | null;
  smsNotifications: boolean;
  language: string;
  termsVersion: string;
  termsAcceptedAt: string;
  openedAt: string;
  closedAt: string | null;
}

/** A stored account row in the shape the services use. */
export function toAccount(row: Selectable<AccountsTable>): AccountRow {
  return {
    id: row.id,
    identityCode: row.identity_code,
    status: row.status,
    email: row.email,
    emailNotifications: row.email_notifications === 1,
    mobile: row.mobile,
    smsNotifications: row.sms_notifications === 1,
    language: row.language,
    termsVersion: row.terms_version,
    termsAcceptedAt: row.terms_accepted_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}
