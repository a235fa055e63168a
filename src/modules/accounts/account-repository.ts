import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { insertMessageRow, plainElectronicMessage } from '../../db/message-rows.js';
import type { PersonalDataSeal } from '../../crypto/personal-data.js';
import { accountIdentityColumns, recipientColumns } from '../../personal-data-seal.js';
import { sealedContactColumns, toAccount, type AccountRow } from './account-row.js';

export type { AccountRow } from './account-row.js';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** Contact details and reminder choices, as stored. */
export interface ContactDetails {
  email: string | null;
  emailNotifications: boolean;
  mobile: string | null;
  smsNotifications: boolean;
}

export interface OpeningRecord extends ContactDetails {
  identityCode: string;
  language: string;
  termsVersion: string;
  now: string;
}

export interface WelcomeMessageRow {
  organisationId: number;
  servicePk: number;
  accountId: number;
  recipientId: string;
  titleEnc: Buffer;
  bodyEnc: Buffer;
  now: string;
}

/** All SQL of the accounts module: accounts, the system sender and the welcome message. */
export class AccountRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  /** The same queries inside a transaction. */
  with(trx: Transaction<DatabaseSchema>): AccountRepository {
    return new AccountRepository(trx, this.seal);
  }

  async findByIdentityCode(identityCode: string): Promise<AccountRow | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where('identity_lookup', '=', await this.seal.lookup(identityCode))
      .executeTakeFirst();
    return row ? toAccount(row, this.seal) : undefined;
  }

  async findById(id: number): Promise<AccountRow | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row, this.seal) : undefined;
  }

  async insertAccount(record: OpeningRecord): Promise<number> {
    const { id } = await this.db
      .insertInto('accounts')
      .values({
        ...(await accountIdentityColumns(this.seal, record.identityCode)),
        ...openingColumns(record, this.seal),
        created_at: record.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Reopening keeps the row (and so the old messages) and starts a new period of use. */
  async reopenAccount(accountId: number, record: OpeningRecord): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set(openingColumns(record, this.seal))
      .where('id', '=', accountId)
      .where('status', '=', 'closed')
      .execute();
  }

  async updateSettings(
    accountId: number,
    contact: ContactDetails,
    language: string,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set({ ...contactColumns(contact, this.seal), language, updated_at: now })
      .where('id', '=', accountId)
      .execute();
  }

  async close(accountId: number, now: string): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set({ status: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', accountId)
      .where('status', '=', 'active')
      .execute();
  }

  /** Records acceptance of the terms `version` now; false when the account is not active. */
  async acceptTerms(accountId: number, version: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('accounts')
      .set({ terms_version: version, terms_accepted_at: now, updated_at: now })
      .where('id', '=', accountId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async countAccounts(): Promise<number> {
    const { count } = await this.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  /** A message delivered straight into the mailbox; it starts its own thread. */
  async insertWelcomeMessage(message: WelcomeMessageRow): Promise<number> {
    return insertMessageRow(this.db, {
      ...plainElectronicMessage,
      direction: 'to_citizen',
      organisation_id: message.organisationId,
      service_pk: message.servicePk,
      account_id: message.accountId,
      ...(await recipientColumns(this.seal, message.recipientId)),
      title_enc: message.titleEnc,
      body_enc: message.bodyEnc,
      in_reply_to: null,
      thread_id: null,
      citizen_type: null,
      created_at: message.now,
      available_at: message.now,
    });
  }
}

/** What opening and reopening write alike: active, the contact details, the terms, a new period of use. */
function openingColumns(record: OpeningRecord, seal: PersonalDataSeal) {
  return {
    status: 'active' as const,
    ...contactColumns(record, seal),
    language: record.language,
    terms_version: record.termsVersion,
    terms_accepted_at: record.now,
    opened_at: record.now,
    closed_at: null,
    updated_at: record.now,
  };
}

function contactColumns(contact: ContactDetails, seal: PersonalDataSeal) {
  return {
    ...sealedContactColumns(seal, contact),
    email_notifications: contact.emailNotifications ? 1 : 0,
    sms_notifications: contact.smsNotifications ? 1 : 0,
  };
}
