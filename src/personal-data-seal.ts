import type { AppContext } from './app-context.js';
import { PersonalDataSeal, personalDataContext } from './crypto/personal-data.js';
import type { Database } from './db/database.js';
import { currentTerms } from './domain/terms-of-use.js';
import { LookupKeyRepository } from './db/lookup-key-repository.js';

// Per key ring (envelope) and database: a context with another ring must not reuse a seal of the old.
const seals = new WeakMap<object, WeakMap<Database, PersonalDataSeal>>();

/**
 * The personal data seal of the context's database: one per database, so every module hashes with
 * the same lookup key, loaded once. The load starts at once, as the modules are built: a first use
 * inside a transaction must not wait for it (SQLite has one connection, which the transaction holds).
 */
export function personalDataSeal(
  context: Pick<AppContext, 'database' | 'envelope' | 'clock'>,
): PersonalDataSeal {
  const ofRing = seals.get(context.envelope) ?? new WeakMap<Database, PersonalDataSeal>();
  seals.set(context.envelope, ofRing);
  let seal = ofRing.get(context.database);
  if (!seal) {
    const repository = new LookupKeyRepository(context.database.db);
    seal = new PersonalDataSeal(context.envelope, () =>
      repository.loadOrCreate(context.envelope, context.clock().toISOString()),
    );
    ofRing.set(context.database, seal);
    seal.prepare().catch(() => {
      // Not fatal here: the first use tries again and reports it.
    });
  }
  return seal;
}

/** An account's identity code as stored: its lookup hash and sealed value. */
export async function accountIdentityColumns(seal: PersonalDataSeal, identityCode: string) {
  return {
    identity_lookup: await seal.lookup(identityCode),
    identity_code_enc: seal.seal(identityCode, personalDataContext.accountIdentityCode),
  };
}

/**
 * A seeded account (a demo recipient, a benchmark's mailboxes): active under the current terms, with
 * no contact details. Opening an account for real is the accounts module's (account-repository.ts).
 */
export async function seededAccountRow(seal: PersonalDataSeal, identityCode: string, now: string) {
  return {
    ...(await accountIdentityColumns(seal, identityCode)),
    status: 'active' as const,
    email_enc: null,
    email_notifications: 0,
    mobile_enc: null,
    sms_notifications: 0,
    language: 'fi',
    terms_version: currentTerms.version,
    terms_accepted_at: now,
    opened_at: now,
    created_at: now,
    updated_at: now,
  };
}

/** A message's recipient as stored: its lookup hash and sealed value (none for a citizen's message). */
export interface RecipientColumns {
  recipient_lookup: string | null;
  recipient_id_enc: Buffer | null;
}

export async function recipientColumns(
  seal: PersonalDataSeal,
  recipientId: string | null,
): Promise<RecipientColumns> {
  if (recipientId === null) return { recipient_lookup: null, recipient_id_enc: null };
  return {
    recipient_lookup: await seal.lookup(recipientId),
    recipient_id_enc: seal.seal(recipientId, personalDataContext.messageRecipientId),
  };
}
