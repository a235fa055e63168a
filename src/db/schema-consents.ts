import type { Generated } from 'kysely';

/** Tables added by migration 0012 (the consent register). Merged into DatabaseSchema in schema.ts. */
export interface ConsentTables {
  delivery_consents: DeliveryConsentsTable;
}

export type ConsentChannel = 'paper' | 'phone' | 'in_person';
export type ConsentWithdrawnBy = 'citizen' | 'organisation';

/** A person's consent to an organisation's electronic delivery, as the organisation recorded it. */
export interface DeliveryConsentsTable {
  id: Generated<number>;
  organisation_id: number;
  /** Lookup hash of the identity code (crypto/personal-data.ts): the mailbox check finds consents by it. */
  identity_lookup: string;
  /** The identity code, sealed; null only while migration 0016 runs. */
  identity_code_enc: Buffer | null;
  channel: ConsentChannel;
  /** The date on the form or of the call (YYYY-MM-DD). */
  given_on: string;
  recorded_at: string;
  /** The staff member who recorded it (staff table of migration 0011; no foreign key). */
  recorded_by_staff_id: number | null;
  /** Their name as it was when recorded, sealed. */
  recorded_by_name_enc: Buffer | null;
  /** Null while the consent is in force. */
  withdrawn_at: string | null;
  withdrawn_by: ConsentWithdrawnBy | null;
}
