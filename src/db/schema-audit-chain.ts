import type { Generated } from 'kysely';

/** Tables added by migration 0013 (the audit trail's hash chain). Merged into DatabaseSchema in schema.ts. */
export interface AuditChainTables {
  audit_chain_head: AuditChainHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
}

/** One row (id 1): the newest entry's sequence number and hash (0 and the genesis hash before any). */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** A signed statement about the chain (see docs/audit.md for what exactly is signed). */
export interface AuditCheckpointsTable {
  id: Generated<number>;
  seq: number;
  hash: string;
  /** Entries up to this sequence number were purged by retention (0: none). */
  purged_through: number;
  created_at: string;
  key_id: string;
  /** Ed25519 signature, base64url. */
  signature: string;
}
