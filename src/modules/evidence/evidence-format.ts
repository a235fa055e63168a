import { createHash } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';

/**
 * The delivery evidence format (docs/evidence.md), and its offline verification. No I/O and no
 * database: the CLI's `evidence verify` runs exactly this against a bundle file and a JWKS.
 *
 * A record is a compact JWS (ES256) over one JSON payload. Records of one message form a chain:
 * each carries its place (`seq`, from 1) and the SHA-256 of the previous record's compact text
 * (`prev`), so a record altered, removed from the middle or moved fails verification by name. The
 * chain cannot show that records were cut off its end; the timeline shows what it ends with.
 */

/**
 * The ETSI EN 319 522 event names we record, and two of ours where no ETSI event fits for certain:
 * DeemedReceived and NotificationFailure (an e-mail or SMS about the message could not be sent; the
 * message itself is in the mailbox all the same, so DeliveryNonDelivery would say too much).
 */
export const evidenceEventNames = [
  'SubmissionAcceptance',
  'ContentConsignment',
  'NotificationForDelivery',
  'NotificationForAcceptance',
  'ContentAccessTracking',
  'AcceptanceByRecipient',
  'DeemedReceived',
  'ContentHandover',
  'DeliveryNonDelivery',
  'NotificationFailure',
] as const;

export type EvidenceEventName = (typeof evidenceEventNames)[number];

/** The signed payload of one record. */
export interface EvidencePayload {
  /** Format version. */
  v: 1;
  /** Who signed: our PUBLIC_URL origin; its JWKS is at /.well-known/jwks.json there. */
  iss: string;
  /** 1, 2, 3 … within the message. */
  seq: number;
  event: EvidenceEventName;
  /** When the event happened (ISO 8601, UTC). */
  time: string;
  messageId: number;
  externalId: string | null;
  sender: { organisation: string; service: string };
  /**
   * HMAC-SHA256 (hex) of the identity code or business ID the message was addressed to, under a key
   * derived from the master key `keyId`; null for paper mail sent without one. The same in every
   * record of a message.
   */
  recipient: { hmacSha256: string; keyId: string } | null;
  /** SHA-256 (hex) of the plaintext title, body and each attachment (in the message's order). */
  content: { title: string; body: string; attachments: string[] };
  /** SHA-256 (hex) of the previous record's compact JWS; null in the first record. */
  prev: string | null;
  /** What else the event says (a notification's channel, a deemed-received date, a failure). */
  details?: Record<string, string>;
}

/** What `GET /v2/messages/{id}/evidence` and the citizen's download return. */
export interface EvidenceBundle {
  messageId: number;
  externalId: string | null;
  /** Compact JWS records, oldest first. */
  records: string[];
}

export const evidenceJwsType = 'delivery-evidence+jws';
export const evidenceAlgorithm = 'ES256';

/** The SHA-256 (hex) of a record's compact text: what the next record's `prev` holds. */
export function recordHash(record: string): string {
  return createHash('sha256').update(record, 'ascii').digest('hex');
}

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface TimelineEntry {
  seq: number;
  event: string;
  time: string;
  kid: string;
  details?: Record<string, string>;
}

export type Verification =
  | { ok: true; messageId: number; externalId: string | null; timeline: TimelineEntry[] }
  | {
      ok: false;
      /** What is wrong; names the record (its number in the bundle, from 1) when one is to blame. */
      problem: string;
      /** The record's number in the bundle (from 1); undefined when the bundle itself is malformed. */
      record?: number;
      /** The records verified before it. */
      timeline: TimelineEntry[];
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a bundle from its JSON text or parsed value; a string names what is wrong with it. */
export function readBundle(value: unknown): EvidenceBundle | string {
  if (!isRecord(value)) return 'the bundle is not a JSON object';
  const { messageId, externalId, records } = value;
  if (typeof messageId !== 'number' || !Number.isSafeInteger(messageId)) return 'messageId is not a number';
  if (externalId !== null && typeof externalId !== 'string') return 'externalId is neither text nor null';
  if (!Array.isArray(records) || !records.every((record) => typeof record === 'string')) {
    return 'records is not a list of compact JWS texts';
  }
  if (records.length === 0) return 'the bundle has no records';
  return { messageId, externalId, records: records as string[] };
}

/** Reads a JWK set's public signing keys by kid. */
function keysById(jwks: unknown): Map<string, JWK> {
  const keys = isRecord(jwks) && Array.isArray(jwks.keys) ? (jwks.keys as unknown[]) : [];
  const byId = new Map<string, JWK>();
  for (const key of keys) {
    if (isRecord(key) && typeof key.kid === 'string' && key.d === undefined) byId.set(key.kid, key as JWK);
  }
  return byId;
}

/** Checks one record against the one before it; a string says what is wrong. */
function chainProblem(
  payload: EvidencePayload,
  index: number,
  bundle: EvidenceBundle,
  previous: { record: string; time: string } | undefined,
): string | undefined {
  if (payload.v !== 1) return 'has an unknown format version';
  if (payload.messageId !== bundle.messageId) return `is about message ${payload.messageId}, not this one`;
  if (payload.externalId !== bundle.externalId) return 'names another externalId than the bundle';
  if (payload.seq !== index + 1) {
    return `is number ${payload.seq} of the chain, found in place ${index + 1} (a record before it is missing, or records were reordered)`;
  }
  const expected = previous ? recordHash(previous.record) : null;
  if (payload.prev !== expected)
    return 'does not follow the record before it (removed, replaced or reordered)';
  if (typeof payload.time !== 'string' || Number.isNaN(Date.parse(payload.time))) return 'has no valid time';
  if (previous && payload.time < previous.time) return 'is dated before the record before it';
  return undefined;
}

/**
 * Verifies a bundle against a JWK set: every signature (ES256, by a key of the set), the chain
 * (places, previous-record hashes, the same message) and the order of times. Stops at the first bad
 * record and names it.
 */
export async function verifyBundle(input: unknown, jwks: unknown): Promise<Verification> {
  const bundle = readBundle(input);
  if (typeof bundle === 'string') return { ok: false, problem: bundle, timeline: [] };
  const keys = keysById(jwks);
  const timeline: TimelineEntry[] = [];
  let previous: { record: string; time: string } | undefined;
  for (const [index, record] of bundle.records.entries()) {
    const fail = (problem: string): Verification => ({
      ok: false,
      problem: `record ${index + 1} ${problem}`,
      record: index + 1,
      timeline,
    });
    let kid: string;
    try {
      const header = decodeProtectedHeader(record);
      if (header.alg !== evidenceAlgorithm) return fail(`is not signed with ${evidenceAlgorithm}`);
      if (typeof header.kid !== 'string') return fail('names no signing key (kid)');
      kid = header.kid;
    } catch {
      return fail('is not a compact JWS');
    }
    const jwk = keys.get(kid);
    if (!jwk) return fail(`is signed by an unknown key (${kid})`);
    let payload: EvidencePayload;
    try {
      const key = await importJWK(jwk, evidenceAlgorithm);
      const verified = await compactVerify(record, key, { algorithms: [evidenceAlgorithm] });
      payload = JSON.parse(new TextDecoder().decode(verified.payload)) as EvidencePayload;
    } catch {
      return fail(`has a signature that does not verify with key ${kid} (altered)`);
    }
    const problem = chainProblem(payload, index, bundle, previous);
    if (problem) return fail(problem);
    timeline.push({
      seq: payload.seq,
      event: payload.event,
      time: payload.time,
      kid,
      ...(payload.details ? { details: payload.details } : {}),
    });
    previous = { record, time: payload.time };
  }
  return { ok: true, messageId: bundle.messageId, externalId: bundle.externalId, timeline };
}

/** The payload of a record this service signed (no verification: for the signer's own chain). */
export function payloadOf(record: string): EvidencePayload {
  const payload = record.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as EvidencePayload;
}
