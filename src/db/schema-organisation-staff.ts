import type { Generated } from 'kysely';

/** Tables added by migration 0011 (organisation staff). Merged into DatabaseSchema in schema.ts. */
export interface OrganisationStaffTables {
  staff_members: StaffMembersTable;
  staff_roles: StaffRolesTable;
  staff_sessions: StaffSessionsTable;
}

/** A person who may act for organisations on the staff pages. */
export interface StaffMembersTable {
  id: Generated<number>;
  /** Lookup hash of the identity code (crypto/personal-data.ts): identification finds the person by it. */
  identity_lookup: string;
  /** The identity code, sealed; null only while migration 0016 runs. */
  identity_code_enc: Buffer | null;
  /** Copied from the population register, refreshed at sign-in; sealed. */
  first_names_enc: Buffer | null;
  last_name_enc: Buffer | null;
  created_at: string;
  /** Every role was revoked; null while the person has roles (or had them restored). */
  removed_at: string | null;
}

export type StaffRole = 'admin' | 'case_worker';

/** One role of a staff member in one organisation. */
export interface StaffRolesTable {
  id: Generated<number>;
  staff_member_id: number;
  organisation_id: number;
  role: StaffRole;
  /** A case worker's one service; null: every service of the organisation (always null for admin). */
  service_pk: number | null;
  created_at: string;
}

/** A signed-in staff member's server-side session (never a citizen's: see web_sessions). */
export interface StaffSessionsTable {
  id_hash: string;
  staff_member_id: number;
  /** The organisation the person acts for; null until chosen. */
  organisation_id: number | null;
  csrf_token: string;
  /** JSON: sign-in method and the sealed provider session (for logout at the provider). */
  data: string;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
}
