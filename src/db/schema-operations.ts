/** Tables added by migration 0008 (operations). Merged into DatabaseSchema in schema.ts. */
export interface OperationsTables {
  key_fingerprints: KeyFingerprintsTable;
  rate_limit_counters: RateLimitCountersTable;
  test_idp_records: TestIdpRecordsTable;
}

/** One row per master key id that has wrapped data here: HMAC-SHA256 of a fixed label under the key. */
export interface KeyFingerprintsTable {
  key_id: string;
  fingerprint: string;
  first_used_at: string;
}

/** Request counts per limiter and client, shared by every web process (fixed windows). */
export interface RateLimitCountersTable {
  counter_key: string;
  hits: number;
  /** Milliseconds since the epoch when the current window ends. */
  window_ends_at: number;
}

/** oidc-provider's records (sessions, interactions, codes, grants) of the bundled test service. */
export interface TestIdpRecordsTable {
  model: string;
  record_id: string;
  payload: string;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  /** Milliseconds since the epoch; null: does not expire by itself. */
  expires_at: number | null;
}
