import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
import type { Language } from '../population-register/index.js';
import { messageWithSender } from './message-with-sender.js';
import type { Db } from './job-handler.js';

export interface NotificationAccount {
  id: number;
  active: boolean;
  email: string | null;
  emailNotifications: boolean;
  mobile: string | null;
  smsNotifications: boolean;
  language: Language;
  /** Taken into use again after being closed (opened later than it was first created). */
  reopened: boolean;
}

export interface NotificationMessage {
  id: number;
  accountId: number | null;
  toCitizen: boolean;
  verifiable: boolean;
  readAt: string | null;
  receiptConfirmedAt: string | null;
  deletedAt: string | null;
  options: string;
  organisationName: Record<Language, string>;
  serviceName: Record<Language, string>;
}

function language(value: string): Language {
  return value === 'sv' || value === 'en' ? value : 'fi';
}

function names(fi: string, sv: string | null, en: string | null): Record<Language, string> {
  return { fi, sv: sv ?? fi, en: en ?? fi };
}

/** What notifications need to know about a person's account and a message (never its content). */
export class NotificationRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  async findAccount(accountId: number): Promise<NotificationAccount | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .select([
        'id',
        'status',
        'email_enc',
        'email_notifications',
        'mobile_enc',
        'sms_notifications',
        'language',
        'opened_at',
        'created_at',
      ])
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      active: row.status === 'active',
      // Read when the notification is sent, so no job carries an address (crypto/personal-data.ts).
      email: this.seal.openOptional(row.email_enc, personalDataContext.accountEmail),
      emailNotifications: row.email_notifications === 1,
      mobile: this.seal.openOptional(row.mobile_enc, personalDataContext.accountMobile),
      smsNotifications: row.sms_notifications === 1,
      language: language(row.language),
      reopened: row.opened_at > row.created_at,
    };
  }

  async findMessage(messageId: number): Promise<NotificationMessage | undefined> {
    const row = await messageWithSender(this.db, messageId)
      .select([
        'messages.id',
        'messages.account_id',
        'messages.direction',
        'messages.service_type',
        'messages.read_at',
        'messages.receipt_confirmed_at',
        'messages.deleted_at',
        'messages.options',
        'organisations.name_fi as organisation_fi',
        'organisations.name_sv as organisation_sv',
        'organisations.name_en as organisation_en',
        'services.name_fi as service_fi',
        'services.name_sv as service_sv',
        'services.name_en as service_en',
      ])
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      accountId: row.account_id,
      toCitizen: row.direction === 'to_citizen',
      verifiable: row.service_type === 'Verifiable',
      readAt: row.read_at,
      receiptConfirmedAt: row.receipt_confirmed_at,
      deletedAt: row.deleted_at,
      options: row.options,
      organisationName: names(row.organisation_fi, row.organisation_sv, row.organisation_en),
      serviceName: names(row.service_fi, row.service_sv, row.service_en),
    };
  }
}
