import type { PersonalDataSeal } from '../../crypto/personal-data.js';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { messagesWithSender } from '../../db/message-with-sender.js';
import type { DatabaseSchema } from '../../db/schema.js';

type Db = Kysely<DatabaseSchema>;

/** Tables whose rows belong to a message or straight to an account (attachments, delivery jobs). */
type PersonLinkedTable = 'attachments' | 'outbox_jobs';

/** Rows of one of the person's messages or of their account (the caller gives at least one). */
function ofMessagesOrAccount<T extends PersonLinkedTable>(
  eb: ExpressionBuilder<DatabaseSchema, T>,
  messageIds: readonly number[],
  accountId: number | undefined,
) {
  // Both tables have message_id and account_id; Kysely cannot see that through T.
  const linked = eb as unknown as ExpressionBuilder<DatabaseSchema, PersonLinkedTable>;
  return linked.or([
    ...(messageIds.length === 0 ? [] : [linked('message_id', 'in', messageIds)]),
    ...(accountId === undefined ? [] : [linked('account_id', '=', accountId)]),
  ]);
}

/**
 * All SQL that finds what the service holds about one person, for a data subject's access request.
 * Read-only. Everything hangs off the person's account and the messages addressed to their identity
 * code (paper mail to someone without an account has no account id, only the identity code).
 */
export class PersonDataRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  async findAccount(identityCode: string) {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('identity_lookup', '=', await this.seal.lookup(identityCode))
      .executeTakeFirst();
  }

  /** Signed-in sessions still on record (expired ones are swept at the next sign-in of anyone). */
  async listSessions(identityCode: string) {
    return this.db
      .selectFrom('web_sessions')
      .select(['id_hash', 'data', 'created_at', 'last_seen_at', 'absolute_expires_at'])
      .where('identity_lookup', '=', await this.seal.lookup(identityCode))
      .orderBy('created_at')
      .execute();
  }

  /** Messages to and from the person, with their senders' and services' names, oldest first. */
  async listMessages(identityCode: string, accountId: number | undefined) {
    const recipient = await this.seal.lookup(identityCode);
    return messagesWithSender(this.db)
      .select([
        'messages.id',
        'messages.direction',
        'messages.channel',
        'messages.service_type',
        'messages.citizen_type',
        'messages.external_id',
        'messages.in_reply_to',
        'messages.thread_id',
        'messages.title_enc',
        'messages.body_enc',
        'messages.created_at',
        'messages.available_at',
        'messages.read_at',
        'messages.receipt_confirmed_at',
        'messages.deemed_received_on',
        'messages.deleted_at',
        'messages.purged_at',
        'organisations.business_id',
        'organisations.name_fi as organisation_name',
        'services.service_id',
        'services.name_fi as service_name',
      ])
      .where((eb) =>
        eb.or([
          ...(accountId === undefined ? [] : [eb('messages.account_id', '=', accountId)]),
          eb.and([
            eb('messages.direction', '=', 'to_citizen'),
            eb('messages.recipient_lookup', '=', recipient),
          ]),
        ]),
      )
      .orderBy('messages.id')
      .execute();
  }

  /** Attachments of the given messages, and the person's own uploads not (yet) attached to one. */
  async listAttachments(messageIds: readonly number[], accountId: number | undefined) {
    if (messageIds.length === 0 && accountId === undefined) return [];
    return this.db
      .selectFrom('attachments')
      .select([
        'id',
        'message_id',
        'position',
        'file_name',
        'media_type',
        'size_bytes',
        'sha256',
        'created_at',
      ])
      .where((eb) => ofMessagesOrAccount(eb, messageIds, accountId))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async listEvents(messageIds: readonly number[]) {
    if (messageIds.length === 0) return [];
    return this.db
      .selectFrom('events')
      .select(['message_id', 'event_type', 'occurred_at'])
      .where('message_id', 'in', messageIds)
      .orderBy('id')
      .execute();
  }

  /** Delivery jobs (notifications, reminders, letters) for the person's account or messages. */
  async listDeliveryJobs(messageIds: readonly number[], accountId: number | undefined) {
    if (messageIds.length === 0 && accountId === undefined) return [];
    return this.db
      .selectFrom('outbox_jobs')
      .select([
        'id',
        'kind',
        'message_id',
        'state',
        'attempts',
        'run_at',
        'created_at',
        'finished_at',
        'last_error',
      ])
      .where((eb) => ofMessagesOrAccount(eb, messageIds, accountId))
      .orderBy('id')
      .execute();
  }

  async listDeliveryAttempts(jobIds: readonly number[]) {
    if (jobIds.length === 0) return [];
    return this.db
      .selectFrom('delivery_attempts')
      .select(['job_id', 'attempt', 'outcome', 'error', 'started_at', 'finished_at'])
      .where('job_id', 'in', jobIds)
      .orderBy('id')
      .execute();
  }

  /** Paper letters composed for the messages, and when their batch went to the printing service. */
  async listPaperLetters(messageIds: readonly number[]) {
    if (messageIds.length === 0) return [];
    return this.db
      .selectFrom('print_letters as l')
      .innerJoin('print_batches as b', 'b.id', 'l.batch_id')
      .select(['l.message_id', 'l.batch_id', 'l.pages', 'l.created_at', 'b.sent_at'])
      .where('l.message_id', 'in', messageIds)
      .orderBy('l.created_at')
      .execute();
  }

  /**
   * Audit rows of the person's own actions (actor: their account) and of accesses to their account
   * or messages by anyone else (subject). The audit table has no index on the actor: an access
   * request is rare, and a full scan is cheaper than an index every audited action would pay for.
   */
  async listAudit(accountId: number | undefined, messageIds: readonly number[]) {
    if (accountId === undefined && messageIds.length === 0) return [];
    const account = accountId === undefined ? undefined : String(accountId);
    return this.db
      .selectFrom('audit_events')
      .select(['occurred_at', 'actor_type', 'actor_id', 'action', 'subject_type', 'subject_id', 'details'])
      .where((eb) =>
        eb.or([
          ...(account === undefined
            ? []
            : [
                eb.and([eb('actor_type', '=', 'citizen'), eb('actor_id', '=', account)]),
                eb.and([eb('subject_type', '=', 'account'), eb('subject_id', '=', account)]),
              ]),
          ...(messageIds.length === 0
            ? []
            : [
                eb.and([
                  eb('subject_type', '=', 'message'),
                  eb(
                    'subject_id',
                    'in',
                    messageIds.map((id) => String(id)),
                  ),
                ]),
              ]),
        ]),
      )
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
  }
}
