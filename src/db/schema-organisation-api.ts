/**
 * Tables added by the organisation-api migrations. Merged into DatabaseSchema in schema.ts.
 *
 * The organisation API otherwise works on the core tables (organisations, services,
 * api_credentials, api_tokens, messages, attachments, events); migration 0003 adds the indexes its
 * lookups and purges need, and 0007 the login throttling tables below.
 */
export interface OrganisationApiTables {
  api_login_attempts: ApiLoginAttemptsTable;
  api_login_backoff: ApiLoginBackoffTable;
}

/** Login attempts per username and client address (primary key: both). */
export interface ApiLoginAttemptsTable {
  username: string;
  client_address: string;
  /** Attempts since window_started_at that were not followed by a success. */
  attempts: number;
  window_started_at: string;
  /** The last successful login from this address; null when none. */
  last_success_at: string | null;
}

/** Attempts per username from addresses not trusted for it (primary key: username). */
export interface ApiLoginBackoffTable {
  username: string;
  attempts: number;
  last_attempt_at: string;
}
