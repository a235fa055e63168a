import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../../src/db/schema.js';
import { Envelope } from '../../src/crypto/envelope.js';
import { generateKeyRingText, parseKeyRing } from '../../src/crypto/key-ring.js';
import { PersonalDataSeal, newSealedLookupKey } from '../../src/crypto/personal-data.js';
import { LookupKeyRepository } from '../../src/db/lookup-key-repository.js';
import { KeyFingerprintRepository } from '../../src/db/key-fingerprint-repository.js';
import { sealedColumns, sealedInText } from '../../src/modules/keys/encrypted-values.js';
import { KeyUsageRepository } from '../../src/modules/keys/key-usage-repository.js';
import { RateLimitCounterRepository } from '../../src/db/rate-limit-counter-repository.js';
import { AccountRepository, type OpeningRecord } from '../../src/modules/accounts/account-repository.js';
import { AccessLogRepository } from '../../src/modules/audit/access-log-repository.js';
import { AuditRepository } from '../../src/modules/audit/audit-repository.js';
import { CatalogueRepository } from '../../src/modules/catalogue/catalogue-repository.js';
import { EvidenceRepository } from '../../src/modules/evidence/evidence-repository.js';
import { ConsentRepository } from '../../src/modules/consents/consent-repository.js';
import { FeedbackRepository } from '../../src/modules/feedback/feedback-repository.js';
import { PersonDataRepository } from '../../src/modules/data-subject/person-data-repository.js';
import type { ClaimedJob } from '../../src/modules/delivery/job-handler.js';
import { jobKinds } from '../../src/modules/delivery/job-kinds.js';
import { NotificationRepository } from '../../src/modules/delivery/notification-repository.js';
import { OutboxRepository, insertJobsInTransaction } from '../../src/modules/delivery/outbox-repository.js';
import { PaperRepository } from '../../src/modules/delivery/paper-repository.js';
import { PrintBatchRepository, newBatchId } from '../../src/modules/delivery/print-batch-repository.js';
import { SessionRepository } from '../../src/modules/identity/session-repository.js';
import {
  factExpressions,
  flag,
  progressFlags,
} from '../../src/modules/messages/message-progress-repository.js';
import { SessionTableRepository } from '../../src/db/session-table-repository.js';
import { MailboxRepository } from '../../src/modules/mailbox/mailbox-repository.js';
import { AttachmentRepository } from '../../src/modules/messages/attachment-repository.js';
import { appendFeedEvent } from '../../src/modules/messages/event-repository.js';
import { FeedRepository } from '../../src/modules/messages/feed-repository.js';
import { MessageRepository } from '../../src/modules/messages/message-repository.js';
import { ReceivedRepository } from '../../src/modules/messages/received-repository.js';
import { RecipientRepository } from '../../src/modules/messages/recipient-repository.js';
import { stageConditions } from '../../src/modules/messages/message-stage.js';
import { StaffMessageRepository } from '../../src/modules/messages/staff-message-repository.js';
import { CredentialRepository } from '../../src/modules/organisations/credential-repository.js';
import { OrganisationRepository } from '../../src/modules/organisations/organisation-repository.js';
import { ReportingRepository } from '../../src/modules/reporting/reporting-repository.js';
import { StaffRepository } from '../../src/modules/staff/staff-repository.js';
import { StaffSessionRepository } from '../../src/modules/staff/staff-session-repository.js';
import { TestIdpRecordRepository } from '../../src/test-idp/test-idp-record-repository.js';

type Db = Kysely<DatabaseSchema>;
type Trx = Transaction<DatabaseSchema>;

/**
 * One sample call. `trx` is a transaction the caller holds (its begin and commit are not recorded).
 * Every query returns no rows and one affected row unless `respond` gives the rows of the next
 * queries, in order: for a call that needs a row back, or whose later queries depend on rows.
 */
export type SampleCall<R> = (repository: R, trx: Trx, respond: (...rows: unknown[][]) => void) => unknown;

/** Every public method of R: a method added to a repository without a sample does not compile. */
type SamplesOf<R> = {
  [K in keyof R as R[K] extends (...args: never[]) => unknown ? K : never]: SampleCall<R>;
};

export interface RepositorySamples {
  file: string;
  /** The exported class or function the samples are for. */
  name: string;
  create: (db: Db) => unknown;
  samples: Record<string, SampleCall<never>>;
}

/**
 * The samples of a repository class, made as `new Class(db, ...args)` on the recording database; the
 * snapshot sections are named after the class.
 */
function repository<R, A extends unknown[]>(
  file: string,
  Class: new (db: Db, ...args: A) => R,
  samples: SamplesOf<R>,
  ...args: A
): RepositorySamples {
  return { file, name: Class.name, create: (db) => new Class(db, ...args), samples } as RepositorySamples;
}

/** An exported function of a repository file, called with the recording database. */
function exported(file: string, name: string, call: SampleCall<Db>): RepositorySamples {
  return { file, name, create: (db) => db, samples: { [name]: call } } as RepositorySamples;
}

const at = '2025-03-03T08:00:00.000Z';
const sampleEnvelope = new Envelope(parseKeyRing(generateKeyRingText('sample')));
// A fixed lookup key: the samples record SQL, never the key's own row.
const seal = new PersonalDataSeal(sampleEnvelope, () => Promise.resolve(Buffer.alloc(32, 7)));
const now = new Date(at);
const bytes = Buffer.from('sample');
const opening: OpeningRecord = {
  identityCode: '010101-123N',
  language: 'fi',
  termsVersion: '2026-1',
  now: at,
  email: 'a@example.fi',
  emailNotifications: true,
  mobile: null,
  smsNotifications: false,
};
/** What a welcome message and an organisation's message have in common. */
const messageBase = {
  organisationId: 1,
  servicePk: 1,
  accountId: 1,
  recipient: { recipient_lookup: 'ab12', recipient_id_enc: bytes },
  titleEnc: bytes,
  bodyEnc: bytes,
};
const claimed: ClaimedJob = {
  id: 7,
  kind: jobKinds.email,
  idempotencyKey: 'message:1:notify:email',
  messageId: 1,
  accountId: 2,
  payload: '{"template":"new-message"}',
  attempt: 1,
  runAt: now,
  createdAt: now,
  lockedBy: 'worker:token',
};

const newSession = { idHash: 'h', csrfToken: 'c', data: '{}', now: at, absoluteExpiresAt: at };

const accounts = 'src/modules/accounts/account-repository.ts';
const outbox = 'src/modules/delivery/outbox-repository.ts';
const printBatches = 'src/modules/delivery/print-batch-repository.ts';
const events = 'src/modules/messages/event-repository.ts';
const progress = 'src/modules/messages/message-progress-repository.ts';

const attachmentsColumn = () => sealedColumns.find((place) => place.table === 'attachments')!;
const testIdpSecretsText = () => sealedInText.find((place) => place.only !== undefined)!;

export const repositorySamples: RepositorySamples[] = [
  repository('src/db/lookup-key-repository.ts', LookupKeyRepository, {
    // None stored yet: it is created, then read back.
    loadOrCreate: (r, _trx, respond) => {
      respond([], [], [{ key_enc: newSealedLookupKey(sampleEnvelope) }]);
      return r.loadOrCreate(sampleEnvelope, at);
    },
  }),
  repository('src/db/key-fingerprint-repository.ts', KeyFingerprintRepository, {
    all: (r) => r.all(),
    record: (r) => r.record(new Map([['ops', 'ab12']]), at),
  }),
  repository('src/modules/keys/key-usage-repository.ts', KeyUsageRepository, {
    countByKeyId: (r) => r.countByKeyId(sealedColumns[0]!),
    keyPartsNotUnder: (r, trx) => r.keyPartsNotUnder(trx, attachmentsColumn(), 'k2', 'a1', 2),
    replaceKeyPart: (r, trx) =>
      r.replaceKeyPart(trx, attachmentsColumn(), 'a1', Buffer.from('old'), Buffer.from('new!')),
    texts: (r) => r.texts(testIdpSecretsText(), 'v0', 2),
    replaceText: (r, trx) => r.replaceText(trx, sealedInText[0]!, 'h1', '{"a":1}', '{"a":2}'),
    transaction: (r) =>
      r.transaction((trx) => r.keyPartsNotUnder(trx, sealedColumns[0]!, 'k2', undefined, 2)),
  }),
  repository('src/db/rate-limit-counter-repository.ts', RateLimitCounterRepository, {
    hit: (r, _trx, respond) => {
      respond([{ hits: 1, window_ends_at: 2000 }]);
      return r.hit('login:a', 1000, 1000);
    },
    read: (r) => r.read('login:a', 1000),
    purgeEnded: (r) => r.purgeEnded(1000),
  }),
  repository('src/modules/evidence/evidence-repository.ts', EvidenceRepository, {
    lockMessage: (r) => r.lockMessage(1),
    messageFacts: (r) => r.messageFacts(1),
    attachmentDigests: (r) => r.attachmentDigests(1),
    lastRecord: (r) => r.lastRecord(1),
    deemedReceivedOn: (r) => r.deemedReceivedOn(1),
    hasEvent: (r) => r.hasEvent(1, 'DeemedReceived'),
    insert: (r) =>
      r.insert([
        {
          messageId: 1,
          sequence: 1,
          event: 'SubmissionAcceptance',
          recordedAt: at,
          kid: 'kid-1',
          record: 'a.b.c',
        },
        {
          messageId: 1,
          sequence: 2,
          event: 'ContentConsignment',
          recordedAt: at,
          kid: 'kid-1',
          record: 'd.e.f',
        },
      ]),
    records: (r) => r.records(1),
    recordsPerKid: (r) => r.recordsPerKid(),
    subject: async (r) => {
      await r.subject(1);
      await r.subject(1, 2);
    },
    dueDeemedReceived: (r) => r.dueDeemedReceived('2025-01-01', '2025-03-03', 100),
  }),
  repository(
    'src/modules/consents/consent-repository.ts',
    ConsentRepository,
    {
      with: (r, trx) => r.with(trx).findById(1),
      transaction: (r) => r.transaction((trx) => r.with(trx).findInForce(1, '010101-123N')),
      insertUnlessInForce: (r, _trx, respond) => {
        respond([{ id: 1 }]);
        return r.insertUnlessInForce({
          organisationId: 1,
          identityCode: '010101-123N',
          channel: 'paper',
          givenOn: '2025-03-01',
          recordedAt: at,
          recordedByStaffId: 3,
          recordedByName: 'Tiina Virkailija',
        });
      },
      findById: (r) => r.findById(1),
      findInForce: (r) => r.findInForce(1, '010101-123N'),
      listForPerson: (r) => r.listForPerson('010101-123N'),
      listForOrganisation: (r) => r.listForOrganisation(1, 51, 50),
      withdraw: async (r) => {
        await r.withdraw(1, { identityCode: '010101-123N' }, 'citizen', at);
        await r.withdraw(1, { organisationId: 1 }, 'organisation', at);
      },
      consentedAmong: (r) => r.consentedAmong(1, ['010101-123N', '020202-123X']),
      organisation: (r) => r.organisation(1),
    },
    seal,
  ),
  repository(
    accounts,
    AccountRepository,
    {
      with: (r, trx) => r.with(trx).findById(1),
      findByIdentityCode: (r) => r.findByIdentityCode('010101-123N'),
      findById: (r) => r.findById(1),
      insertAccount: (r, _trx, respond) => {
        respond([{ id: 1 }]);
        return r.insertAccount(opening);
      },
      reopenAccount: (r) => r.reopenAccount(1, opening),
      updateSettings: (r) =>
        r.updateSettings(
          1,
          { email: null, emailNotifications: false, mobile: '+358401234567', smsNotifications: true },
          'sv',
          at,
        ),
      close: (r) => r.close(1, at),
      acceptTerms: (r) => r.acceptTerms(1, '1.1', at),
      countAccounts: (r, _trx, respond) => {
        respond([{ count: 3 }]);
        return r.countAccounts();
      },
      insertWelcomeMessage: (r, _trx, respond) => {
        respond([{ id: 1 }]);
        return r.insertWelcomeMessage({
          ...messageBase,
          recipientId: '010101-123N',
          now: at,
        });
      },
    },
    seal,
  ),
  repository('src/modules/audit/audit-repository.ts', AuditRepository, {
    accountsOfSubject: (r) => r.accountsOfSubject({ subjectType: 'attachment', subjectId: 'a1' }),
    linkAccounts: (r) => r.linkAccounts(1, [2, 3]),
    advanceHead: (r, _trx, respond) => {
      respond([{ seq: 2, hash: 'a'.repeat(64) }]);
      return r.advanceHead();
    },
    setHeadHash: (r) => r.setHeadHash('b'.repeat(64)),
    lockHead: (r, _trx, respond) => {
      respond([{ seq: 2, hash: 'a'.repeat(64) }]);
      return r.lockHead();
    },
    head: (r, _trx, respond) => {
      respond([{ seq: 2, hash: 'a'.repeat(64) }]);
      return r.head();
    },
    insert: (r, _trx, respond) => {
      respond([{ id: 1 }]);
      return r.insert({
        seq: 3,
        prevHash: 'a'.repeat(64),
        hash: 'b'.repeat(64),
        actorType: 'citizen',
        actorId: '1',
        action: 'message.read',
        subjectType: 'message',
        subjectId: '2',
        requestId: 'request-1',
        details: '{"folder":"inbox"}',
        occurredAt: now.toISOString(),
      });
    },
    entriesAfterId: (r) => r.entriesAfterId(10, 1000),
    entriesBySeq: (r) => r.entriesBySeq(5, 50, 1000),
    checkpointsPerKey: (r) => r.checkpointsPerKey(),
    countEntries: (r, _trx, respond) => {
      respond([{ count: 3 }]);
      return r.countEntries();
    },
    seqByTime: async (r) => {
      await r.seqByTime({ from: now });
      await r.seqByTime({ before: now });
    },
    hashAt: (r) => r.hashAt(7),
    checkpoints: (r) => r.checkpoints(),
    checkpointsBetween: (r) => r.checkpointsBetween(5, 50),
    checkpointFrom: (r) => r.checkpointFrom(50),
    checkpointState: (r) => r.checkpointState(),
    insertCheckpoint: (r) =>
      r.insertCheckpoint({
        seq: 7,
        hash: 'b'.repeat(64),
        purgedThrough: 0,
        createdAt: now.toISOString(),
        keyId: 'kid-1',
        signature: 'c2lnbmF0dXJl',
      }),
    timesAfterSeq: (r) => r.timesAfterSeq(4, 1000),
    deleteChainedThrough: (r) => r.deleteChainedThrough(4),
    purgeUnchainedBefore: (r) => r.purgeUnchainedBefore(now, 100),
  }),
  repository(
    'src/modules/audit/access-log-repository.ts',
    AccessLogRepository,
    {
      page: (r) => r.page(1, 'others', 21, 20),
      organisationNames: (r) => r.organisationNames([1, 2]),
      staffNames: (r) => r.staffNames([3]),
    },
    seal,
  ),
  repository(
    'src/modules/data-subject/person-data-repository.ts',
    PersonDataRepository,
    {
      findAccount: (r) => r.findAccount('010101-123N'),
      listSessions: (r) => r.listSessions('010101-123N'),
      listMessages: (r) => r.listMessages('010101-123N', 1),
      listAttachments: (r) => r.listAttachments([1, 2], 1),
      listEvents: (r) => r.listEvents([1, 2]),
      listDeliveryJobs: (r) => r.listDeliveryJobs([1, 2], 1),
      listDeliveryAttempts: (r) => r.listDeliveryAttempts([7]),
      listPaperLetters: (r) => r.listPaperLetters([1, 2]),
      listAudit: (r) => r.listAudit(1, [1, 2]),
    },
    seal,
  ),
  repository(
    'src/modules/delivery/notification-repository.ts',
    NotificationRepository,
    {
      findAccount: (r) => r.findAccount(1),
      findMessage: (r) => r.findMessage(1),
    },
    seal,
  ),
  repository(outbox, OutboxRepository, {
    // PostgreSQL picks the rows first; the update runs only when it picked some.
    claimDue: (r, _trx, respond) => {
      respond([{ id: 7 }]);
      return r.claimDue(now, new Date(now.getTime() + 60_000), 'worker:token', 10);
    },
    complete: (r, trx) => r.complete(trx, claimed, now),
    reschedule: (r, trx) => r.reschedule(trx, claimed, now, 'gateway refused', now),
    fail: (r, trx) => r.fail(trx, claimed, 'gateway refused', now),
    recordAttempt: (r, trx) => r.recordAttempt(trx, claimed, 'retried', 'gateway refused', now, now),
    // No first attempt recorded: falls back to the earliest one.
    windowStart: (r) => r.windowStart(7),
    purgeFinished: (r, _trx, respond) => {
      respond([{ id: 7 }]);
      return r.purgeFinished(now, 100);
    },
    countByKindAndState: (r) => r.countByKindAndState(at),
    listFailed: (r) => r.listFailed(20),
    retryFailed: (r) => r.retryFailed(now),
  }),
  exported(outbox, 'insertJobsInTransaction', (_db, trx) =>
    insertJobsInTransaction(
      trx,
      [
        {
          kind: jobKinds.email,
          idempotencyKey: 'k:email',
          messageId: 1,
          accountId: 2,
          payload: { template: 'reminder' },
          runAt: now,
        },
        {
          kind: jobKinds.paperLetter,
          idempotencyKey: 'k:paper',
          messageId: 1,
          accountId: null,
          payload: {},
          runAt: now,
        },
      ],
      now,
    ),
  ),
  repository(
    'src/modules/delivery/paper-repository.ts',
    PaperRepository,
    {
      findMessage: (r) => r.findMessage(1),
      findDocument: (r) => r.findDocument('attachment-1', 1),
      hasFeedEvent: (r, trx) => r.hasFeedEvent(trx, 1, 'Paper mail created'),
    },
    sampleEnvelope,
  ),
  repository(printBatches, PrintBatchRepository, {
    // No batch open: one is opened, found on the second look, and the letter added to it.
    addLetter: (r, trx, respond) => {
      respond([], [], [{ id: 'batch-1' }], [{ letter_count: 1 }]);
      return r.addLetter(
        trx,
        {
          id: 'letter-1',
          messageId: 1,
          jobId: 7,
          pages: 2,
          flags: { colour: false },
          pdfEnc: bytes,
          sha256: 'ab',
        },
        now,
      );
    },
    openBatch: (r) => r.openBatch(),
    closingBatches: (r) => r.closingBatches(now),
    recentBatches: (r) => r.recentBatches(5),
    close: (r) => r.close('batch-1', now),
    letters: (r) => r.letters('batch-1'),
    markSent: (r, trx) => r.markSent(trx, 'batch-1', now),
    setDeemedReceived: (r, trx) => r.setDeemedReceived(trx, [1, 2], '2025-03-10'),
    letterMessages: (r, trx) => r.letterMessages(trx, 'batch-1'),
    messageForEvent: (r, trx) => r.messageForEvent(trx, 1),
  }),
  exported(printBatches, 'newBatchId', () => newBatchId(now)),
  repository(
    'src/db/session-table-repository.ts',
    SessionTableRepository,
    {
      insertRow: (r, trx) =>
        r.insertRow(newSession, { identity_lookup: 'ab12', identity_code_enc: Buffer.alloc(8) }, trx),
      touch: (r) => r.touch('h', at),
      delete: (r) => r.delete('h'),
      /** With the citizens' idle scope, then without one (staff sessions). */
      deleteExpired: async (r, trx) => {
        await r.deleteExpired(at, at);
        await new SessionTableRepository(trx, 'staff_sessions').deleteExpired(at, at);
      },
      transaction: (r) =>
        r.transaction((trx) =>
          r.insertRow(newSession, { identity_lookup: null, identity_code_enc: null }, trx),
        ),
    },
    'web_sessions',
    (eb) => eb('identity_lookup', 'is not', null),
  ),
  // Their inherited methods are sampled as SessionTableRepository's, in the file they are written in.
  repository<Omit<SessionRepository, keyof SessionTableRepository<'web_sessions'>>, [typeof seal]>(
    'src/modules/identity/session-repository.ts',
    SessionRepository,
    {
      insert: (r) =>
        r.insert({
          idHash: 'h',
          identityCode: '010101-123N',
          csrfToken: 'c',
          data: '{}',
          now: at,
          absoluteExpiresAt: at,
        }),
      findWithAccount: (r) => r.findWithAccount('h'),
      deleteReturningIdentity: (r, trx) => r.deleteReturningIdentity('h', trx),
      accountIdOf: (r) => r.accountIdOf('010101-123N'),
      deleteByFederationKey: (r, trx) => r.deleteByFederationKey('0f1e2d', trx),
    },
    seal,
  ),
  repository('src/modules/mailbox/mailbox-repository.ts', MailboxRepository, {
    listFolder: async (r) => {
      await r.listFolder(1, 'inbox', 'newest', at, 20, 0);
      await r.listFolder(1, 'sent', 'newest', at, 20, 0);
      await r.listFolder(1, 'deleted', 'newest', at, 20, 0);
      await r.listFolder(1, 'inbox', 'oldest', at, 20, 20);
      await r.listFolder(1, 'sent', 'oldest', at, 20, 20);
      await r.listFolder(1, 'deleted', 'oldest', at, 20, 20);
    },
    countUnread: (r, _trx, respond) => {
      respond([{ count: 2 }]);
      return r.countUnread(1, at);
    },
    findMessage: (r) => r.findMessage(1, 2),
    listThread: (r) => r.listThread(1, 2, at),
    listAttachments: (r) => r.listAttachments(2),
    findAttachment: (r) => r.findAttachment(2, 'attachment-1'),
    markRead: (r, trx) => r.markRead(trx, 2, at),
    confirmReceipt: (r, trx) => r.confirmReceipt(trx, 2, at, '2025-03-03'),
    setDeleted: (r, trx) => r.setDeleted(trx, 1, 2, at),
    accountIsActive: (r) => r.accountIsActive(1),
    listOpenServices: (r) => r.listOpenServices(),
    findOpenService: (r) => r.findOpenService(1),
    insertCitizenMessage: (r, trx, respond) => {
      respond([{ id: 3 }]);
      return r.insertCitizenMessage(trx, {
        accountId: 1,
        organisationId: 1,
        servicePk: 1,
        citizenType: 'question',
        titleEnc: bytes,
        bodyEnc: bytes,
        inReplyTo: 2,
        threadId: 2,
        now: at,
      });
    },
    insertAttachment: (r, trx) =>
      r.insertAttachment(trx, {
        id: 'attachment-1',
        accountId: 1,
        messageId: 3,
        position: 0,
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 6,
        sha256: 'ab',
        contentEnc: bytes,
        now: at,
      }),
    findPurgeable: (r) => r.findPurgeable(at, 100),
    purge: (r) => r.purge([1, 2], at, at),
    transaction: (r) => r.transaction((trx) => r.markRead(trx, 2, at)),
  }),
  repository('src/modules/messages/attachment-repository.ts', AttachmentRepository, {
    insertUpload: (r) =>
      r.insertUpload(
        {
          id: 'upload-1',
          organisationId: 1,
          fileName: 'a.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 6,
          sha256: 'ab',
          contentEnc: bytes,
        },
        at,
      ),
    uploadsOf: (r) => r.uploadsOf(1, ['upload-1', 'upload-2']),
    uploadContent: (r) => r.uploadContent(1, 'upload-1'),
    markUsed: (r) => r.markUsed(1, 'upload-1', 2, 0),
    listOfMessage: (r) => r.listOfMessage(2),
    citizenAttachmentFor: (r) => r.citizenAttachmentFor(1, 'attachment-1', at),
    purgeUnusedUploads: (r) => r.purgeUnusedUploads(at),
  }),
  // The stage's facts as SQL, shared by the staff's sent pages and the dashboard.
  exported(progress, 'progressFlags', (db) =>
    db
      .selectFrom('messages as m')
      .select((eb) => progressFlags(eb))
      .execute(),
  ),
  exported(progress, 'factExpressions', (db) =>
    db
      .selectFrom('messages as m')
      .select('m.id')
      .where((eb) =>
        eb.or(Object.values(factExpressions(eb)).map((fact) => eb.and([fact.holds, fact.fails]))),
      )
      .execute(),
  ),
  exported(progress, 'flag', (db) =>
    db
      .selectFrom('messages as m')
      .select((eb) => flag(eb, eb('m.read_at', 'is not', null)).as('is_read'))
      .execute(),
  ),
  exported(events, 'appendFeedEvent', (_db, trx) =>
    appendFeedEvent(trx, {
      organisationId: 1,
      messageId: 2,
      serviceId: 'service-1',
      externalId: 'ext-1',
      type: 'Receipt confirmed',
      occurredAt: now,
    }),
  ),
  repository('src/modules/messages/feed-repository.ts', FeedRepository, {
    page: (r) => r.page(1, 10, at, 50),
    ofMessage: (r) => r.ofMessage(1, 2),
    purgeBefore: (r) => r.purgeBefore(at),
  }),
  repository('src/modules/messages/message-repository.ts', MessageRepository, {
    insertOutgoing: (r, _trx, respond) => {
      respond([{ id: 2 }]);
      return r.insertOutgoing({
        ...messageBase,
        externalId: 'ext-1',
        channel: 'electronic',
        serviceType: 'Normal',
        replyAllowed: true,
        visibility: 'Normal',
        bodyFormat: 'Text',
        options: '{}',
        paperEnc: null,
      } as Parameters<MessageRepository['insertOutgoing']>[0]);
    },
    idByExternalId: (r) => r.idByExternalId(1, 'ext-1'),
    idByOrganisationExternalId: async (r) => {
      await r.idByOrganisationExternalId(1, 'ext-1');
      await r.idByOrganisationExternalId(1, 'ext-1', 1);
    },
    replyTarget: (r) => r.replyTarget(1, 2),
    outgoingState: (r) => r.outgoingState(1, 2),
    citizenMessage: (r) => r.citizenMessage(1, 2, at),
    inReplyTo: (r) => r.inReplyTo(1, 2),
    externalIdOf: (r) => r.externalIdOf(1, 2),
  }),
  repository('src/modules/messages/received-repository.ts', ReceivedRepository, {
    list: async (r) => {
      await r.list(1, 'all', 'all', 21, 0);
      await r.list(1, [1, 2], 'unhandled', 21, 20);
      await r.list(1, [1], 'handled', 21, 0);
    },
    message: (r) => r.message(1, [1, 2], 2),
    thread: (r) => r.thread(1, 'all', 3, 2),
    attachments: (r) => r.attachments(2),
    attachment: (r) => r.attachment(1, [1], 2, 'attachment-1'),
    setHandled: async (r) => {
      await r.setHandled(1, [1], 2, { staffMemberId: 4, at });
      await r.setHandled(1, 'all', 2, null);
    },
  }),
  repository(
    'src/modules/messages/recipient-repository.ts',
    RecipientRepository,
    {
      activeAccounts: (r) => r.activeAccounts(['010101-123N', '020202-2222']),
      activeAccountId: (r) => r.activeAccountId('010101-123N'),
      ensureDemoAccount: (r) => r.ensureDemoAccount('010101-123N', at),
    },
    seal,
  ),
  repository('src/modules/organisations/credential-repository.ts', CredentialRepository, {
    insertCredential: (r, _trx, respond) => {
      respond([{ id: 4 }]);
      return r.insertCredential(
        { organisationId: 1, username: 'api-user', passwordHash: 'hash', allowedIps: ['10.0.0.1'] },
        at,
      );
    },
    findByUsername: (r) => r.findByUsername('api-user'),
    findById: (r) => r.findById(4),
    list: async (r) => {
      await r.list();
      await r.list(1);
    },
    revoke: (r) => r.revoke(4, at),
    setAllowedIps: async (r) => {
      await r.setAllowedIps(4, ['10.0.0.0/8']);
      await r.setAllowedIps(4, null);
    },
    replacePassword: (r) => r.replacePassword(4, 'hash', at),
    insertToken: (r) =>
      r.insertToken({ tokenHash: 't', credentialId: 4, organisationId: 1, expiresAt: at }, at),
    findToken: (r) => r.findToken('t'),
    findLoginAttempts: (r) => r.findLoginAttempts('api-user', '10.0.0.1'),
    claimAddressAttempt: (r) =>
      r.claimAddressAttempt({
        username: 'api-user',
        clientAddress: '10.0.0.1',
        now: at,
        windowStart: at,
        maxAttempts: 5,
      }),
    findLoginBackoff: (r) => r.findLoginBackoff('api-user'),
    claimBackoffSlot: (r) =>
      r.claimBackoffSlot({
        username: 'api-user',
        now: at,
        windowStart: at,
        cutoffs: [
          { attempts: 1, orMore: false, lastAttemptBefore: at },
          { attempts: 2, orMore: true, lastAttemptBefore: at },
        ],
      }),
    recordLoginSuccess: (r) => r.recordLoginSuccess('api-user', '10.0.0.1', at),
    purgeExpired: (r) => r.purgeExpired(at, { windowStart: at, trustedSince: at }),
  }),
  repository('src/modules/catalogue/catalogue-repository.ts', CatalogueRepository, {
    listServices: (r) => r.listServices(),
    listForms: (r) => r.listForms(),
    findServicePk: (r) => r.findServicePk('service-1'),
    listServiceTexts: (r) => r.listServiceTexts(['service-1', 'service-2']),
    listFormsOf: (r) => r.listFormsOf([1, 2]),
    replaceForms: (r) =>
      r.replaceForms(
        1,
        [{ titleFi: 'Lomake', titleSv: null, titleEn: null, url: 'https://x.example/a.pdf' }],
        at,
      ),
    describeService: (r) =>
      r.describeService(1, { descriptionFi: 'Kuvaus', keywordsFi: 'avainsana', eServiceUrl: null }),
    setMunicipality: (r) => r.setMunicipality('1234567-1', { fi: 'Ylitornio', sv: 'Övertorneå' }),
    insertForm: (r) =>
      r.insertForm(
        { servicePk: 1, titleFi: 'Lomake', titleSv: null, titleEn: null, url: 'https://x.example/a.pdf' },
        at,
      ),
    replaceSearchIndex: (r) =>
      r.replaceSearchIndex([
        { servicePk: 1, nameTerms: 'lomak', organisationTerms: 'ylitornio', formTerms: '', textTerms: '' },
      ]),
    listSearchIndex: (r) => r.listSearchIndex(),
    matchAll: (r) => r.matchAll([['ylitornio'], ['lomak', 'lomake']]),
  }),
  repository('src/modules/reporting/reporting-repository.ts', ReportingRepository, {
    // Each with all services and with some: the scope adds a condition.
    progressCounts: async (r) => {
      await r.progressCounts(1, 'all');
      await r.progressCounts(1, [1, 2]);
    },
    citizenMessagesWaiting: async (r) => {
      await r.citizenMessagesWaiting(1, 'all');
      await r.citizenMessagesWaiting(1, [1, 2]);
    },
    hourlyVolume: async (r) => {
      await r.hourlyVolume(1, 'all', '2025-02-01T21:00:00.000Z', '2025-03-04T00:00:00.000Z');
      await r.hourlyVolume(1, [1, 2], '2025-02-01T21:00:00.000Z', '2025-03-04T00:00:00.000Z');
    },
  }),
  repository(
    'src/modules/messages/staff-message-repository.ts',
    StaffMessageRepository,
    {
      organisationPostal: (r) => r.organisationPostal(1),
      // Unfiltered with all services; every filter with some services; a stage of several facts.
      sentPage: async (r) => {
        await r.sentPage(1, 'all', {}, 21, 0);
        await r.sentPage(
          1,
          [1, 2],
          {
            servicePk: 1,
            conditions: stageConditions('available'),
            createdFrom: '2025-02-28T22:00:00.000Z',
            createdBefore: '2025-03-04T22:00:00.000Z',
            recipientId: '010180-9026',
          },
          21,
          20,
        );
      },
      sentMessage: async (r) => {
        await r.sentMessage(1, 'all', 7);
        await r.sentMessage(1, [1, 2], 7);
      },
      feedEvents: (r) => r.feedEvents(1, 7),
      finishedJobs: (r) => r.finishedJobs(7),
      attachments: (r) => r.attachments(1, 7),
    },
    seal,
  ),
  repository(
    'src/modules/feedback/feedback-repository.ts',
    FeedbackRepository,
    {
      insert: (r) =>
        r.insert({ receivedAt: at, topic: 'other', message: 'Palaute', replyEmail: null, locale: 'fi' }),
      listNewest: (r) => r.listNewest(50),
      purgeBefore: (r) => r.purgeBefore(at),
    },
    seal,
  ),
  repository('src/modules/organisations/organisation-repository.ts', OrganisationRepository, {
    insertOrganisation: (r, _trx, respond) => {
      respond([{ id: 1 }]);
      return r.insertOrganisation({ businessId: '1234567-1', nameFi: 'Virasto', city: 'Helsinki' }, at);
    },
    findOrganisationById: (r) => r.findOrganisationById(1),
    // With all services and with some: the scope adds a condition.
    servicesInScope: async (r) => {
      await r.servicesInScope(1, 'all');
      await r.servicesInScope(1, [1, 2]);
    },
    findOrganisationByBusinessId: (r) => r.findOrganisationByBusinessId('1234567-1'),
    listOrganisations: (r) => r.listOrganisations(),
    updateOrganisationNames: (r) => r.updateOrganisationNames(1, { nameFi: 'Virasto', nameSv: null }),
    deactivateOrganisation: (r) => r.deactivateOrganisation(1, at),
    updateService: (r) => r.updateService(1, { nameEn: 'Service', acceptsMessages: false }),
    deactivateService: (r) => r.deactivateService(1),
    insertService: async (r, _trx, respond) => {
      respond([{ id: 1 }]);
      await r.insertService(
        { organisationId: 1, serviceId: 'service-1', nameFi: 'Palvelu', acceptsMessages: true },
        at,
      );
      // The system sender's service: created inactive.
      respond([{ id: 2 }]);
      await r.insertService(
        {
          organisationId: 1,
          serviceId: 'service-2',
          nameFi: 'Tiedotteet',
          acceptsMessages: false,
          active: false,
        },
        at,
      );
    },
    renameSystemSender: (r) =>
      r.renameSystemSender({
        businessId: '1234567-1',
        nameFi: 'Virasto',
        nameSv: 'Verket',
        nameEn: 'Agency',
        serviceId: 'service-1',
        serviceNameFi: 'Palvelu',
        serviceNameSv: 'Tjänst',
        serviceNameEn: 'Service',
      }),
    findServiceByPk: (r) => r.findServiceByPk(1),
    findServiceByServiceId: (r) => r.findServiceByServiceId('service-1'),
    listServices: async (r) => {
      await r.listServices();
      await r.listServices(1);
    },
  }),
  repository('src/test-idp/test-idp-record-repository.ts', TestIdpRecordRepository, {
    upsert: (r) =>
      r.upsert('Session', 's-1', { payload: '{}', grantId: 'g-1', userCode: null, uid: 'u-1' }, 1000),
    insertIfAbsent: (r) => r.insertIfAbsent('Session', 's-1', '{}'),
    find: (r) => r.find('Session', 's-1', 1000),
    findBy: (r) => r.findBy('Session', 'uid', 'u-1', 1000),
    setPayload: (r) => r.setPayload('Session', 's-1', '{}'),
    delete: (r) => r.delete('Session', 's-1'),
    deleteByGrant: (r) => r.deleteByGrant('g-1'),
    purgeExpired: (r) => r.purgeExpired(1000),
  }),
  repository(
    'src/modules/staff/staff-repository.ts',
    StaffRepository,
    {
      findMember: (r, trx) => r.findMember('010101-123N', trx),
      insertMember: (r, trx, respond) => {
        respond([{ id: 1 }]);
        return r.insertMember({ identityCode: '010101-123N', firstNames: 'A', lastName: 'B', now: at }, trx);
      },
      updateMember: (r, trx) => r.updateMember(1, { firstNames: 'A', lastName: 'B', removedAt: null }, trx),
      insertRoleIfMissing: async (r, trx) => {
        await r.insertRoleIfMissing(
          { staffMemberId: 1, organisationId: 2, role: 'case_worker', servicePk: 3, now: at },
          trx,
        );
        await r.insertRoleIfMissing(
          { staffMemberId: 1, organisationId: 2, role: 'admin', servicePk: null, now: at },
          trx,
        );
      },
      deleteRoles: async (r, trx) => {
        await r.deleteRoles({ staffMemberId: 1, organisationId: 2 }, trx);
        await r.deleteRoles(
          { staffMemberId: 1, organisationId: 2, role: 'case_worker', servicePks: [null, 3] },
          trx,
        );
      },
      countRoles: (r, trx, respond) => {
        respond([{ count: 0 }]);
        return r.countRoles(1, trx);
      },
      rolesOf: async (r) => {
        await r.rolesOf(1);
        await r.rolesOf(1, 2);
      },
      listRoles: async (r) => {
        await r.listRoles();
        await r.listRoles(2);
      },
      transaction: (r) => r.transaction((trx) => r.findMember('010101-123N', trx)),
    },
    seal,
  ),
  repository<Omit<StaffSessionRepository, keyof SessionTableRepository<'staff_sessions'>>, [typeof seal]>(
    'src/modules/staff/staff-session-repository.ts',
    StaffSessionRepository,
    {
      insert: (r, trx) =>
        r.insert(
          {
            idHash: 'h',
            staffMemberId: 1,
            organisationId: null,
            csrfToken: 'c',
            data: '{}',
            now: at,
            absoluteExpiresAt: at,
          },
          trx,
        ),
      findWithMember: (r) => r.findWithMember('h'),
      setOrganisation: (r, trx) => r.setOrganisation('h', 2, trx),
      deleteReturning: (r, trx) => r.deleteReturning('h', trx),
    },
    seal,
  ),
];
