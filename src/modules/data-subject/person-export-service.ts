import { citizenNamesOf } from '../identity/index.js';
import type { PersonalDataSeal } from '../../crypto/personal-data.js';
import type { Kysely } from 'kysely';
import type { Envelope } from '../../crypto/envelope.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { ValidationError } from '../../errors.js';
import { toAccount, type AccountRow } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { contentContext, decryptText } from '../messages/index.js';
import type { PersonDataRepository } from './person-data-repository.js';

/** What the service holds about one person, as JSON for an access request (docs/data-subject-requests.md). */
export interface PersonExport {
  exportedAt: string;
  identityCode: string;
  account: (Omit<AccountRow, 'identityCode'> & { updatedAt: string }) | null;
  sessions: Array<{
    firstNames: string | null;
    lastName: string | null;
    method: string | null;
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
  }>;
  messages: Array<{
    id: number;
    direction: string;
    organisation: { businessId: string; name: string };
    service: { serviceId: string; name: string };
    channel: string;
    serviceType: string;
    citizenType: string | null;
    externalId: string | null;
    inReplyTo: number | null;
    createdAt: string;
    availableAt: string | null;
    readAt: string | null;
    receiptConfirmedAt: string | null;
    deemedReceivedOn: string | null;
    deletedAt: string | null;
    /** Set when the content was removed 60 days after deletion; the row stays as a record. */
    purgedAt: string | null;
    /** Only with `withContent`; never for purged messages or unacknowledged verifiable ones. */
    title?: string;
    body?: string;
    events: Array<{ type: string; occurredAt: string }>;
    paperLetters: Array<{
      batchId: string;
      pages: number;
      createdAt: string;
      sentForPrintingAt: string | null;
    }>;
  }>;
  /** Files in messages, and the person's own uploads; contents are not part of the export. */
  attachments: Array<{
    id: string;
    messageId: number | null;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    createdAt: string;
  }>;
  /** Notifications, reminders and letters, while kept (DELIVERY_RETENTION_DAYS after finishing). */
  deliveries: Array<{
    kind: string;
    messageId: number | null;
    state: string;
    runAt: string;
    createdAt: string;
    finishedAt: string | null;
    lastError: string | null;
    attempts: Array<{
      attempt: number;
      outcome: string;
      error: string | null;
      startedAt: string;
      finishedAt: string;
    }>;
  }>;
  /** While kept (AUDIT_RETENTION_DAYS). */
  audit: Array<{
    occurredAt: string;
    actorType: string;
    actorId: string | null;
    action: string;
    subjectType: string | null;
    subjectId: string | null;
    details: unknown;
  }>;
}

export interface PersonExportOptions {
  /** Decrypt and include message titles and bodies. Off by default: the operator need not read them. */
  withContent?: boolean;
}

/**
 * Collects a person's data for an access request. Operators only (the CLI); the export itself is
 * audited against the person's account, so a later export shows it.
 */
/** The account as exported: the identity code stands once, at the top of the export. */
function exportedAccount(
  row: Parameters<typeof toAccount>[0],
  seal: PersonalDataSeal,
): PersonExport['account'] {
  const { identityCode: _identityCode, ...fields } = toAccount(row, seal);
  return { ...fields, id: Number(row.id), updatedAt: row.updated_at };
}

export class PersonExportService {
  constructor(
    private readonly deps: {
      repository: PersonDataRepository;
      db: Kysely<DatabaseSchema>;
      envelope: Envelope;
      seal: PersonalDataSeal;
      clock: () => Date;
    },
  ) {}

  async export(identityCode: string, options: PersonExportOptions = {}): Promise<PersonExport> {
    // The code is never echoed: the message may end up in a terminal log.
    if (!isValidIdentityCode(identityCode)) {
      throw new ValidationError('identityCode', 'not a valid personal identity code');
    }
    const now = this.deps.clock();
    const account = await this.deps.repository.findAccount(identityCode);
    const accountId = account === undefined ? undefined : Number(account.id);
    const messages = await this.deps.repository.listMessages(identityCode, accountId);
    const messageIds = messages.map((m) => Number(m.id));
    const [sessions, attachments, events, jobs, letters, audit] = await Promise.all([
      this.deps.repository.listSessions(identityCode),
      this.deps.repository.listAttachments(messageIds, accountId),
      this.deps.repository.listEvents(messageIds),
      this.deps.repository.listDeliveryJobs(messageIds, accountId),
      this.deps.repository.listPaperLetters(messageIds),
      this.deps.repository.listAudit(accountId, messageIds),
    ]);
    const attempts = await this.deps.repository.listDeliveryAttempts(jobs.map((j) => Number(j.id)));

    const result: PersonExport = {
      exportedAt: now.toISOString(),
      identityCode,
      account: account ? exportedAccount(account, this.deps.seal) : null,
      sessions: sessions.map((s) => {
        const data = parseJson(s.data) as { method?: string } | null;
        const names = citizenNamesOf(this.deps.envelope, s.id_hash, s.data);
        return {
          firstNames: names?.firstNames ?? null,
          lastName: names?.lastName ?? null,
          method: data?.method ?? null,
          createdAt: s.created_at,
          lastSeenAt: s.last_seen_at,
          expiresAt: s.absolute_expires_at,
        };
      }),
      messages: messages.map((m) => {
        const id = Number(m.id);
        // An unacknowledged verifiable message stays sealed here as in the mailbox: its content
        // opens only with the recipient's own acknowledgement, which is what serves the notice.
        const sealed =
          m.direction === 'to_citizen' && m.service_type === 'Verifiable' && m.receipt_confirmed_at === null;
        const content =
          options.withContent && m.purged_at === null && !sealed
            ? {
                title: decryptText(this.deps.envelope, m.title_enc, contentContext.title),
                body: decryptText(this.deps.envelope, m.body_enc, contentContext.body),
              }
            : {};
        return {
          id,
          direction: m.direction,
          organisation: { businessId: m.business_id, name: m.organisation_name },
          service: { serviceId: m.service_id, name: m.service_name },
          channel: m.channel,
          serviceType: m.service_type,
          citizenType: m.citizen_type,
          externalId: m.external_id,
          inReplyTo: m.in_reply_to === null ? null : Number(m.in_reply_to),
          createdAt: m.created_at,
          availableAt: m.available_at,
          readAt: m.read_at,
          receiptConfirmedAt: m.receipt_confirmed_at,
          deemedReceivedOn: m.deemed_received_on,
          deletedAt: m.deleted_at,
          purgedAt: m.purged_at,
          ...content,
          events: events
            .filter((e) => Number(e.message_id) === id)
            .map((e) => ({ type: e.event_type, occurredAt: e.occurred_at })),
          paperLetters: letters
            .filter((l) => Number(l.message_id) === id)
            .map((l) => ({
              batchId: l.batch_id,
              pages: l.pages,
              createdAt: l.created_at,
              sentForPrintingAt: l.sent_at,
            })),
        };
      }),
      attachments: attachments.map((a) => ({
        id: a.id,
        messageId: a.message_id === null ? null : Number(a.message_id),
        fileName: a.file_name,
        mediaType: a.media_type,
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
        createdAt: a.created_at,
      })),
      deliveries: jobs.map((j) => ({
        kind: j.kind,
        messageId: j.message_id === null ? null : Number(j.message_id),
        state: j.state,
        runAt: j.run_at,
        createdAt: j.created_at,
        finishedAt: j.finished_at,
        lastError: j.last_error,
        attempts: attempts
          .filter((a) => Number(a.job_id) === Number(j.id))
          .map((a) => ({
            attempt: a.attempt,
            outcome: a.outcome,
            error: a.error,
            startedAt: a.started_at,
            finishedAt: a.finished_at,
          })),
      })),
      audit: audit.map((a) => ({
        occurredAt: a.occurred_at,
        actorType: a.actor_type,
        actorId: a.actor_id,
        action: a.action,
        subjectType: a.subject_type,
        subjectId: a.subject_id,
        details: a.details === null ? null : parseJson(a.details),
      })),
    };

    await recordAudit(this.deps.db, {
      actorType: 'operator',
      actorId: null,
      action: 'person.export',
      subjectType: accountId === undefined ? undefined : 'account',
      subjectId: accountId === undefined ? undefined : String(accountId),
      details: { withContent: options.withContent === true, messages: messageIds.length },
      occurredAt: now,
    });
    return result;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
