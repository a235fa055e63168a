import { openMessageRecipient } from '../../crypto/personal-data.js';
import { createHmac, sign } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import type { Envelope } from '../../crypto/envelope.js';
import { addDays, helsinkiDate } from '../../domain/legal-dates.js';
import { NotFoundError } from '../../errors.js';
import type { RelyingPartyKey } from '../identity/index.js';
import { contentContext, decryptText } from '../messages/index.js';
import {
  evidenceAlgorithm,
  evidenceJwsType,
  payloadOf,
  recordHash,
  sha256Hex,
  type EvidenceBundle,
  type EvidenceEventName,
  type EvidencePayload,
} from './evidence-format.js';
import { EvidenceRepository, type EvidenceRow, type MessageFacts, type Trx } from './evidence-repository.js';

/**
 * What happened to a message, as the modules that make it happen say it. Each maps to one event
 * name (evidenceEventFor); a notification's name depends on whether the message awaits acceptance.
 */
export type EvidenceOccurrence =
  | 'submitted'
  | 'available'
  | 'notified'
  | 'opened'
  | 'acknowledged'
  | 'deemed-received'
  | 'handed-to-printing'
  | 'not-delivered'
  | 'notification-failed';

const eventNames: Record<Exclude<EvidenceOccurrence, 'notified'>, EvidenceEventName> = {
  submitted: 'SubmissionAcceptance',
  available: 'ContentConsignment',
  opened: 'ContentAccessTracking',
  acknowledged: 'AcceptanceByRecipient',
  'deemed-received': 'DeemedReceived',
  'handed-to-printing': 'ContentHandover',
  'not-delivered': 'DeliveryNonDelivery',
  'notification-failed': 'NotificationFailure',
};

function evidenceEventFor(occurrence: EvidenceOccurrence, facts: MessageFacts): EvidenceEventName {
  if (occurrence !== 'notified') return eventNames[occurrence];
  // A verifiable message's content opens only after the recipient accepts it.
  return facts.serviceType === 'Verifiable' && !facts.receiptConfirmed
    ? 'NotificationForAcceptance'
    : 'NotificationForDelivery';
}

/** One record to append: what happened and what else it says. */
interface PendingEvent {
  occurrence: EvidenceOccurrence;
  details?: Record<string, string> | undefined;
}

/** What the sending path still holds in clear about the message it has just stored. */
export interface SubjectInClear {
  /** The identity code or business ID it was addressed to; null for paper mail without one. */
  recipientId: string | null;
  title: string;
  body: string;
  /** False when the message has no attachment, so there are no digests to read. */
  hasAttachments: boolean;
}

/** The keyed hash's purpose: the derived key is used for nothing else. */
const recipientKeyPurpose = 'delivery evidence recipient v1';

/** How many days back the worker looks for deemed-received days it has not recorded. */
const deemedLookBackDays = 60;
export const deemedBatchSize = 100;

/**
 * Writes signed evidence records (docs/evidence.md). The modules where things happen call
 * `recordInTransaction` inside their own transaction, so a record exists exactly when its event
 * does. Records of a message are chained: the recorder locks the message row, reads the last record
 * and appends after it.
 */
export class EvidenceRecorder {
  #recipientKey: { keyId: string; key: Buffer } | undefined;

  constructor(
    private readonly deps: {
      /** The signing key file's keys, oldest first (read on first use, re-read when it changes). */
      keys: () => readonly RelyingPartyKey[];
      envelope: Envelope;
      /** Our PUBLIC_URL origin: the records' `iss`. */
      issuer: string;
    },
  ) {}

  /**
   * Appends the record of `occurrence` at `at` to the message's chain, in the caller's transaction.
   * A message that is not an organisation's message to a citizen gets none.
   */
  async recordInTransaction(
    trx: Trx,
    messageId: number,
    occurrence: EvidenceOccurrence,
    at: Date,
    details?: Record<string, string>,
  ): Promise<void> {
    await this.append(trx, messageId, [{ occurrence, details }], at);
  }

  /**
   * The records of a message just stored in the caller's transaction: SubmissionAcceptance and,
   * for an electronic message, ContentConsignment. The sender still holds the recipient, title and
   * body in clear, so their digests are taken from those instead of decrypting the row it has just
   * encrypted; both records are appended in one go.
   */
  async recordSubmission(
    trx: Trx,
    messageId: number,
    at: Date,
    submission: { channel: 'electronic' | 'paper'; clear: SubjectInClear },
  ): Promise<void> {
    const events: PendingEvent[] = [{ occurrence: 'submitted', details: { channel: submission.channel } }];
    if (submission.channel === 'electronic') events.push({ occurrence: 'available' });
    await this.append(trx, messageId, events, at, submission.clear);
  }

  private async append(
    trx: Trx,
    messageId: number,
    events: readonly PendingEvent[],
    at: Date,
    clear?: SubjectInClear,
  ): Promise<void> {
    const repository = new EvidenceRepository(trx);
    await repository.lockMessage(messageId);
    const facts = await repository.messageFacts(messageId);
    if (!facts) return;
    let last = await repository.lastRecord(messageId);
    // The recipient and content digests are taken once, at the first record, and carried forward:
    // later records need not decrypt anything, and a master key rotation changes no record's subject.
    let previous = last ? payloadOf(last.record) : undefined;
    const subject =
      previous ??
      (clear
        ? await this.subjectFromClear(repository, facts, clear)
        : await this.subjectOf(repository, facts));
    const key = this.signingKey();
    const rows: EvidenceRow[] = [];
    for (const { occurrence, details } of events) {
      // An event's time is taken before its transaction waits for this lock, so a record appended
      // after another may carry an earlier instant by a few milliseconds; the chain's times never go
      // backwards, so it gets its predecessor's.
      const time = previous && previous.time > at.toISOString() ? previous.time : at.toISOString();
      const payload: EvidencePayload = {
        v: 1,
        iss: this.deps.issuer,
        seq: (last?.sequence ?? 0) + 1,
        event: evidenceEventFor(occurrence, facts),
        time,
        messageId,
        externalId: facts.externalId,
        sender: { organisation: facts.organisationBusinessId, service: facts.serviceId },
        recipient: subject.recipient,
        content: subject.content,
        prev: last ? recordHash(last.record) : null,
        ...(details && Object.keys(details).length > 0 ? { details } : {}),
      };
      const record = signRecord(payload, key);
      rows.push({
        messageId,
        sequence: payload.seq,
        event: payload.event,
        recordedAt: payload.time,
        kid: key.kid,
        record,
      });
      last = { sequence: payload.seq, record };
      previous = payload;
    }
    await repository.insert(rows);
  }

  /** Records DeemedReceived once, when the message's deemed-received day has come. */
  async recordDeemedReceivedInTransaction(trx: Trx, messageId: number, now: Date): Promise<boolean> {
    const repository = new EvidenceRepository(trx);
    await repository.lockMessage(messageId);
    const deemedOn = await repository.deemedReceivedOn(messageId);
    if (deemedOn === null || deemedOn > helsinkiDate(now)) return false;
    if (await repository.hasEvent(messageId, 'DeemedReceived')) return false;
    await this.recordInTransaction(trx, messageId, 'deemed-received', now, { deemedReceivedOn: deemedOn });
    return true;
  }

  /**
   * The public halves of every ES256 key in the file (only those can have signed a record): old ones
   * stay published while records signed with them exist.
   */
  publicJwks(): { keys: JsonWebKey[] } {
    return {
      keys: this.deps
        .keys()
        .filter((key) => key.alg === evidenceAlgorithm)
        .map((key) => ({ ...key.publicJwk })),
    };
  }

  private signingKey(): RelyingPartyKey {
    const key = this.deps.keys().at(-1);
    if (!key || key.alg !== evidenceAlgorithm) {
      throw new Error(`the newest evidence signing key must be an ${evidenceAlgorithm} (P-256) key`);
    }
    return key;
  }

  private async subjectOf(
    repository: EvidenceRepository,
    facts: MessageFacts,
  ): Promise<Pick<EvidencePayload, 'recipient' | 'content'>> {
    const { envelope } = this.deps;
    return {
      recipient: this.recipientDigest(openMessageRecipient(envelope, facts.recipientIdEnc)),
      content: {
        title: sha256Hex(decryptText(envelope, facts.titleEnc, contentContext.title)),
        body: sha256Hex(decryptText(envelope, facts.bodyEnc, contentContext.body)),
        attachments: await repository.attachmentDigests(facts.id),
      },
    };
  }

  private async subjectFromClear(
    repository: EvidenceRepository,
    facts: MessageFacts,
    clear: SubjectInClear,
  ): Promise<Pick<EvidencePayload, 'recipient' | 'content'>> {
    return {
      recipient: this.recipientDigest(clear.recipientId),
      content: {
        title: sha256Hex(clear.title),
        body: sha256Hex(clear.body),
        attachments: clear.hasAttachments ? await repository.attachmentDigests(facts.id) : [],
      },
    };
  }

  /**
   * The keyed hash of the recipient under the key derived for this purpose from the active master
   * key. The derived key is kept while that master key stays active: deriving it again for every
   * message costs an HKDF, and it is no more secret than the master key held beside it.
   */
  private recipientDigest(recipientId: string | null): EvidencePayload['recipient'] {
    if (recipientId === null) return null;
    const { envelope } = this.deps;
    if (this.#recipientKey?.keyId !== envelope.activeKeyId) {
      this.#recipientKey?.key.fill(0);
      this.#recipientKey = envelope.derivedKey(recipientKeyPurpose);
    }
    const { keyId, key } = this.#recipientKey;
    return { hmacSha256: createHmac('sha256', key).update(recipientId).digest('hex'), keyId };
  }
}

/**
 * The compact JWS (ES256) of a payload, signed on the spot. jose's CompactSign signs through
 * WebCrypto, which hands the signature to the thread pool: inside a group commit every unit waited
 * for that round trip one after another while holding the only SQLite connection. A P-256 signature
 * takes tens of microseconds, less than the round trip. The output is the same compact JWS
 * (IEEE P1363 r||s signature), verified by any JOSE library.
 */
function signRecord(payload: EvidencePayload, key: RelyingPartyKey): string {
  const header = { alg: evidenceAlgorithm, kid: key.kid, typ: evidenceJwsType };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput, 'ascii'), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * Hands out bundles: to the sending organisation (the API) and, after the mailbox has found the
 * message to be the citizen's own, to the citizen. A deemed-received day that has come but was not
 * yet recorded (the worker had not got to it) is recorded first, so the bundle is complete.
 */
export class EvidenceBundles {
  constructor(
    private readonly deps: {
      db: Kysely<DatabaseSchema>;
      recorder: EvidenceRecorder;
      clock: () => Date;
    },
  ) {}

  /** The bundle of a message the organisation sent; any other id is "Message not found". */
  async forOrganisation(organisationId: number, messageId: number): Promise<EvidenceBundle> {
    const subject = await new EvidenceRepository(this.deps.db).subject(messageId, organisationId);
    if (!subject) throw new NotFoundError('Message not found');
    return this.bundle(subject.messageId, subject.externalId);
  }

  /** The bundle of a message whose reader the caller has already checked (the mailbox's owner rule). */
  async forMessage(messageId: number): Promise<EvidenceBundle> {
    const subject = await new EvidenceRepository(this.deps.db).subject(messageId);
    if (!subject) throw new NotFoundError('Message not found');
    return this.bundle(subject.messageId, subject.externalId);
  }

  /**
   * One round of the worker's task: records DeemedReceived for messages whose day has come; returns
   * how many (a full batch means: run again).
   */
  async recordDueDeemedReceived(): Promise<number> {
    const now = this.deps.clock();
    const today = helsinkiDate(now);
    const due = await new EvidenceRepository(this.deps.db).dueDeemedReceived(
      addDays(today, -deemedLookBackDays),
      today,
      deemedBatchSize,
    );
    for (const messageId of due) await this.recordDeemed(messageId, now);
    return due.length;
  }

  private async bundle(messageId: number, externalId: string | null): Promise<EvidenceBundle> {
    const repository = new EvidenceRepository(this.deps.db);
    let records = await repository.records(messageId);
    // As for the worker: only a message with a chain gets its DeemedReceived record.
    if (records.length > 0 && (await this.recordDeemed(messageId, this.deps.clock()))) {
      records = await repository.records(messageId);
    }
    return { messageId, externalId, records };
  }

  private recordDeemed(messageId: number, now: Date): Promise<boolean> {
    return this.deps.db
      .transaction()
      .execute((trx) => this.deps.recorder.recordDeemedReceivedInTransaction(trx, messageId, now));
  }
}
