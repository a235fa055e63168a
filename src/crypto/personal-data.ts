import { createHmac, randomBytes } from 'node:crypto';
import { DecryptionError, type Envelope } from './envelope.js';

/**
 * The contexts personal data is sealed under, one per column. Rows are not bound in (their id is not
 * known before the insert); a value moved to another row of the same column is caught by the row's
 * lookup hash no longer matching it.
 */
export const personalDataContext = {
  lookupKey: 'lookup_keys.key',
  accountIdentityCode: 'accounts.identity_code',
  accountEmail: 'accounts.email',
  accountMobile: 'accounts.mobile',
  sessionIdentityCode: 'web_sessions.identity_code',
  consentIdentityCode: 'delivery_consents.identity_code',
  consentRecordedByName: 'delivery_consents.recorded_by_name',
  feedbackReplyEmail: 'feedback.reply_email',
  staffIdentityCode: 'staff_members.identity_code',
  messageRecipientId: 'messages.recipient_id',
  staffFirstNames: 'staff_members.first_names',
  staffLastName: 'staff_members.last_name',
} as const;

/** The one lookup key's row in `lookup_keys`. */
export const identityLookupPurpose = 'identity-code';

export const lookupKeyBytes = 32;

/** A fresh lookup key, sealed for `lookup_keys.key_enc` (see docs/keys.md). */
export function newSealedLookupKey(envelope: Envelope): Buffer {
  const key = randomBytes(lookupKeyBytes);
  try {
    return envelope.encrypt(key, personalDataContext.lookupKey);
  } finally {
    key.fill(0);
  }
}

/**
 * Personal data at rest: identity codes are stored as a keyed hash (HMAC-SHA256, hex) for lookups and
 * unique constraints, next to their sealed value; names, e-mail addresses and phone numbers only
 * sealed (the envelope, under the master key ring).
 *
 * The lookup key is a random key of its own, stored sealed in `lookup_keys` like any other value: a
 * master key rotation rewraps it and never changes it, so the stored hashes stay valid and the old
 * master key can be retired. It is loaded (or created, once) on first use.
 */
export class PersonalDataSeal {
  #key: Promise<Buffer> | undefined;

  constructor(
    private readonly envelope: Envelope,
    private readonly loadLookupKey: () => Promise<Buffer>,
  ) {}

  /** Loads the lookup key now (it is otherwise loaded on first use). */
  async prepare(): Promise<void> {
    await this.#lookupKey();
  }

  /** The lookup hash of one identity code (or business ID), as stored. */
  async lookup(identityCode: string): Promise<string> {
    return lookupHash(await this.#lookupKey(), identityCode);
  }

  /** Lookup hash → identity code for many codes, computed in one pass (the mailbox check). */
  async lookups(identityCodes: readonly string[]): Promise<Map<string, string>> {
    const key = await this.#lookupKey();
    return new Map(identityCodes.map((code) => [lookupHash(key, code), code]));
  }

  seal(value: string, context: string): Buffer {
    return this.envelope.encrypt(value, context);
  }

  sealOptional(value: string | null, context: string): Buffer | null {
    return value === null ? null : this.seal(value, context);
  }

  open(sealed: Buffer, context: string): string {
    return this.envelope.decryptText(sealed, context);
  }

  openOptional(sealed: Buffer | null, context: string): string | null {
    return sealed === null ? null : this.open(sealed, context);
  }

  /** An account's identity code from its sealed value. */
  openIdentityCode(sealed: Buffer | null): string {
    return openAccountIdentityCode(this.envelope, sealed);
  }

  #lookupKey(): Promise<Buffer> {
    // A failed load is not cached: the next call tries again (e.g. the database was briefly away).
    this.#key ??= this.loadLookupKey().catch((error: unknown) => {
      this.#key = undefined;
      throw error;
    });
    return this.#key;
  }
}

/** HMAC-SHA256 of the identity code under the lookup key, hex. */
export function lookupHash(key: Buffer, identityCode: string): string {
  return createHmac('sha256', key).update(identityCode, 'utf8').digest('hex');
}

/** The lookup key from its sealed form. */
export function openLookupKey(envelope: Envelope, sealed: Buffer): Buffer {
  return envelope.decrypt(sealed, personalDataContext.lookupKey);
}

/** A message's recipient (identity code or business ID) from its sealed value; null for none. */
export function openMessageRecipient(envelope: Envelope, sealed: Buffer | null): string | null {
  return sealed === null ? null : envelope.decryptText(sealed, personalDataContext.messageRecipientId);
}

/** An account's identity code from its sealed value (for rows read by a join, without the seal). */
export function openAccountIdentityCode(envelope: Envelope, sealed: Buffer | null): string {
  if (sealed === null) throw new DecryptionError('account has no sealed identity code');
  return envelope.decryptText(sealed, personalDataContext.accountIdentityCode);
}
