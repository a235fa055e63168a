import { openMessageRecipient } from '../../crypto/personal-data.js';
import { createHmac } from 'node:crypto';
import { CompactSign } from 'jose';
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
import { EvidenceRepository, type MessageFacts, type Trx } from './evidence-repository.js';

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
    const repository = new EvidenceRepository(trx);
    await repository.lockMessage(messageId);
    const facts = await repository.messageFacts(messageId);
    if (!facts) return;
    const last = await repository.lastRecord(messageId);
    // The recipient and content digests are taken once, at the first record, and carried forward:
    // later records need not decrypt anything, and a master key rotation changes no record's subject.
    const previous = last ? payloadOf(last.record) : undefined;
    const subject = previous ?? (await this.subjectOf(repository, facts));
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
    const key = this.signingKey();
    const record = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: evidenceAlgorithm, kid: key.kid, typ: evidenceJwsType })
      .sign(key.privateKey);
    await repository.insert({
      messageId,
      sequence: payload.seq,
      event: payload.event,
      recordedAt: payload.time,
      kid: key.kid,
      record,
    });
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
    let recipient: EvidencePayload['recipient'] = null;
    const recipientId = openMessageRecipient(envelope, facts.recipientIdEnc);
    if (recipientId !== null) {
      const { keyId, key } = envelope.derivedKey(recipientKeyPurpose);
      recipient = { hmacSha256: createHmac('sha256', key).update(recipientId).digest('hex'), keyId };
      key.fill(0);
    }
    return {
      recipient,
      content: {
        title: sha256Hex(decryptText(envelope, facts.titleEnc, contentContext.title)),
        body: sha256Hex(decryptText(envelope, facts.bodyEnc, contentContext.body)),
        attachments: await repository.attachmentDigests(facts.id),
      },
    };
  }
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
