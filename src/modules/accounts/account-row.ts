import type { Selectable } from 'kysely';
import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
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

/** A stored account row in the shape the services use, its personal data opened. */
export function toAccount(row: Selectable<AccountsTable>, seal: PersonalDataSeal): AccountRow {
  return {
    id: row.id,
    identityCode: seal.openIdentityCode(row.identity_code_enc),
    status: row.status,
    email: seal.openOptional(row.email_enc, personalDataContext.accountEmail),
    emailNotifications: row.email_notifications === 1,
    mobile: seal.openOptional(row.mobile_enc, personalDataContext.accountMobile),
    smsNotifications: row.sms_notifications === 1,
    language: row.language,
    termsVersion: row.terms_version,
    termsAcceptedAt: row.terms_accepted_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

/** Contact details as stored, sealed. */
export function sealedContactColumns(
  seal: PersonalDataSeal,
  contact: { email: string | null; mobile: string | null },
) {
  return {
    email_enc: seal.sealOptional(contact.email, personalDataContext.accountEmail),
    mobile_enc: seal.sealOptional(contact.mobile, personalDataContext.accountMobile),
  };
}
