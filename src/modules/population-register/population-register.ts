/**
 * Port to the population register (väestötietojärjestelmä, VTJ). The account looks people up by
 * personal identity code to learn how to reach them: their name, postal address for paper mail,
 * preferred language, and whether their address is protected or they have died. Adapters may read
 * a local file (demo and small deployments) or call the national register.
 */

/** Languages the service communicates in; the register's "asiointikieli". */
export type Language = 'fi' | 'sv' | 'en';

export interface PostalAddress {
  streetAddress: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case, e.g. "FI". */
  countryCode: string;
}

export interface RegisteredPerson {
  /** Personal identity code in its canonical form (upper case, no spaces). */
  identityCode: string;
  firstNames: string;
  lastName: string;
  /** YYYY-MM-DD; always the same date the identity code encodes. */
  birthDate: string;
  /** Normalised e-mail address, or null when the register has none. */
  email: string | null;
  /** Null when the person has no known postal address. */
  address: PostalAddress | null;
  language: Language;
  /**
   * Turvakielto: the address is confidential and must not be disclosed to anyone else, such as
   * senders or case workers.
   */
  addressProtection: boolean;
  deceased: boolean;
}

export interface PopulationRegister {
  /** Resolves to undefined when the register does not know the code; never rejects for that. */
  findByIdentityCode(identityCode: string): Promise<RegisteredPerson | undefined>;
}
