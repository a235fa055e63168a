import type { Generated } from 'kysely';

/** Tables added by migration 0014 (signed delivery evidence). Merged into DatabaseSchema in schema.ts. */
export interface EvidenceTables {
  delivery_evidence: DeliveryEvidenceTable;
}

/** One evidence record of a message (docs/evidence.md). */
export interface DeliveryEvidenceTable {
  id: Generated<number>;
  message_id: number;
  /** 1, 2, 3 … per message: the record's place in the message's chain. */
  sequence: number;
  /** The record's event name (e.g. SubmissionAcceptance), also inside the signed payload. */
  event: string;
  recorded_at: string;
  /** The signing key's id, also in the JWS header. */
  kid: string;
  /** The compact JWS (ES256) as handed out; never rewritten. */
  record: string;
}
