import type { Generated } from 'kysely';
import type { AuditChainTables } from './schema-audit-chain.js';
import type { CitizenPortalTables } from './schema-citizen-portal.js';
import type { ConsentTables } from './schema-consents.js';
import type { DeliveryTables } from './schema-delivery.js';
import type { EvidenceTables } from './schema-evidence.js';
import type { OperationsTables } from './schema-operations.js';
import type { OrganisationApiTables } from './schema-organisation-api.js';
import type { OrganisationStaffTables } from './schema-organisation-staff.js';
import type { PublicPagesTables } from './schema-public-pages.js';

/**
 * The current schema, as Kysely sees it. Portable value types on both dialects: timestamps are
 * ISO-8601 UTC text, flags are 0/1 integers, binary columns are Buffers, JSON is text.
 */
export interface DatabaseSchema
  extends
    OrganisationApiTables,
    CitizenPortalTables,
    DeliveryTables,
    OperationsTables,
    PublicPagesTables,
    OrganisationStaffTables,
    ConsentTables,
    AuditChainTables,
    EvidenceTables {
  system_state: SystemStateTable;
  lookup_keys: LookupKeysTable;
  audit_events: AuditEventsTable;
  audit_event_accounts: AuditEventAccountsTable;
  organisations: OrganisationsTable;
  services: ServicesTable;
  api_credentials: ApiCredentialsTable;
  api_tokens: ApiTokensTable;
  accounts: AccountsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  events: EventsTable;
  web_sessions: WebSessionsTable;
  outbox_jobs: OutboxJobsTable;
}

/** The sealed keys of lookup hashes (migration 0016, crypto/personal-data.ts). */
export interface LookupKeysTable {
  purpose: string;
  key_enc: Buffer;
  created_at: string;
}

export interface SystemStateTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Which audit entries concern which account: the citizen's access log (migration 0015). */
export interface AuditEventAccountsTable {
  account_id: number;
  audit_event_id: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  details: string | null;
  /** The entry's place in the hash chain (migration 0013); null on rows written before the chain began. */
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  business_id: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  created_at: string;
  /** Set when an operator deactivated the organisation (migration 0008); null while active. */
  deactivated_at: string | null;
  /** The municipality it serves, for the public catalogue's search (migration 0010). */
  municipality_fi: string | null;
  municipality_sv: string | null;
}

export interface ServicesTable {
  id: Generated<number>;
  organisation_id: number;
  service_id: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  accepts_messages: number;
  active: Generated<number>;
  created_at: string;
  /** The public catalogue's texts (migration 0010); null until described. */
  description_fi: string | null;
  description_sv: string | null;
  description_en: string | null;
  /** Comma-separated search words per language. */
  keywords_fi: string | null;
  keywords_sv: string | null;
  keywords_en: string | null;
  /** Where the organisation's own e-service for it starts (https). */
  e_service_url: string | null;
}

export interface ApiCredentialsTable {
  id: Generated<number>;
  organisation_id: number;
  username: string;
  password_hash: string;
  /** JSON array of CIDR strings, or null for no allowlist. */
  allowed_ips: string | null;
  created_at: string;
  password_changed_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  token_hash: string;
  credential_id: number;
  organisation_id: number;
  created_at: string;
  expires_at: string;
}

export type AccountStatus = 'active' | 'closed';

export interface AccountsTable {
  id: Generated<number>;
  /** Lookup hash of the identity code (crypto/personal-data.ts), unique; migration 0016. */
  identity_lookup: string;
  /** The identity code, sealed; null only while migration 0016 runs. */
  identity_code_enc: Buffer | null;
  status: AccountStatus;
  email_enc: Buffer | null;
  email_notifications: number;
  mobile_enc: Buffer | null;
  sms_notifications: number;
  language: string;
  terms_version: string;
  terms_accepted_at: string;
  opened_at: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export type MessageDirection = 'to_citizen' | 'from_citizen';

export interface MessagesTable {
  id: Generated<number>;
  direction: MessageDirection;
  organisation_id: number;
  service_pk: number;
  account_id: number | null;
  /** Identity code or business ID the organisation addressed (to_citizen). */
  /** Lookup hash of the recipient's identity code or business ID (crypto/personal-data.ts). */
  recipient_lookup: string | null;
  /** The recipient's identity code or business ID, sealed (migration 0016). */
  recipient_id_enc: Buffer | null;
  external_id: string | null;
  channel: 'electronic' | 'paper';
  service_type: 'Normal' | 'Verifiable';
  reply_allowed: number;
  visibility: string;
  body_format: 'Text' | 'Markdown';
  title_enc: Buffer;
  body_enc: Buffer;
  /** JSON: notification options and other contract fields kept as given. */
  options: string;
  /** Encrypted JSON of the paper part (addresses, flags, printing account). */
  paper_enc: Buffer | null;
  in_reply_to: number | null;
  thread_id: number | null;
  citizen_type: string | null;
  created_at: string;
  available_at: string | null;
  read_at: string | null;
  receipt_confirmed_at: string | null;
  deleted_at: string | null;
  purged_at: string | null;
  deemed_received_on: string | null;
  /** A citizen's message (from_citizen) marked handled by staff (migration 0011); null until then. */
  handled_at: string | null;
  /** The staff member (staff_members.id) who marked it handled. */
  handled_by_staff_id: number | null;
}

export interface AttachmentsTable {
  id: string;
  organisation_id: number | null;
  account_id: number | null;
  message_id: number | null;
  position: number | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content_enc: Buffer;
  created_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  organisation_id: number;
  message_id: number | null;
  service_id: string;
  event_type: string;
  occurred_at: string;
  /** JSON of the event exactly as the feed returns it. */
  payload: string;
}

export interface WebSessionsTable {
  id_hash: string;
  /** Lookup hash of the signed-in person's identity code; null before identification. */
  identity_lookup: string | null;
  identity_code_enc: Buffer | null;
  csrf_token: string;
  data: string;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
}

export type OutboxState = 'pending' | 'running' | 'done' | 'failed';

export interface OutboxJobsTable {
  id: Generated<number>;
  kind: string;
  idempotency_key: string;
  message_id: number | null;
  account_id: number | null;
  payload: string;
  state: OutboxState;
  attempts: Generated<number>;
  run_at: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}
