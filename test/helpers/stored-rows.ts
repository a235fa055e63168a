import assert from 'node:assert/strict';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../src/app-context.js';
import { openMessageRecipient, personalDataContext } from '../../src/crypto/personal-data.js';
import type { DatabaseSchema } from '../../src/db/schema.js';
import { personalDataSeal } from '../../src/personal-data-seal.js';
import type { TestHarness } from './test-app.js';

/** Reads of stored rows that tests assert on (what the application wrote, seen from the database). */

const countedTables = ['messages', 'attachments', 'events', 'outbox_jobs', 'api_tokens'] as const;
export type RowCounts = Record<(typeof countedTables)[number] | 'usedAttachments', number>;

/** Row counts of everything a rejected request must leave untouched. */
export async function rowCounts(h: TestHarness): Promise<RowCounts> {
  const db = h.context.database.db;
  const counts = {} as RowCounts;
  for (const table of countedTables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const used = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('message_id', 'is not', null)
    .executeTakeFirstOrThrow();
  counts.usedAttachments = Number(used.n);
  return counts;
}

/** A message's feed events in order: their types and parsed payloads. */
export async function eventsOf(
  h: TestHarness,
  messageId: number,
): Promise<Array<{ type: string; payload: unknown }>> {
  const rows = await rowsWhere(h.context, 'events', 'message_id', messageId, 'id');
  return rows.map((r) => ({ type: r.event_type, payload: JSON.parse(r.payload) }));
}

/** A message's signed evidence records, oldest first: the event, the payload as text and its details. */
export async function evidenceOf(
  h: TestHarness,
  messageId: number,
): Promise<Array<{ event: string; payload: string; details: unknown }>> {
  const rows = await rowsWhere(h.context, 'delivery_evidence', 'message_id', messageId, 'sequence');
  return rows.map((row) => {
    const payload = Buffer.from(row.record.split('.')[1]!, 'base64url').toString('utf8');
    return { event: row.event, payload, details: (JSON.parse(payload) as { details?: unknown }).details };
  });
}

/** The audit rows of an action in order: who acted, on what. */
export async function auditOf(
  h: TestHarness,
  action: string,
): Promise<
  Array<{ actorType: string; actorId: string | null; subjectType: string | null; subjectId: string | null }>
> {
  const rows = await rowsWhere(h.context, 'audit_events', 'action', action, 'id');
  return rows.map((r) => ({
    actorType: r.actor_type,
    actorId: r.actor_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
  }));
}

type RowTable =
  | 'accounts'
  | 'api_credentials'
  | 'attachments'
  | 'audit_events'
  | 'delivery_consents'
  | 'delivery_evidence'
  | 'events'
  | 'messages'
  | 'organisations'
  | 'outbox_jobs'
  | 'services'
  | 'print_letters'
  | 'staff_members';
type Row<T extends RowTable> = Selectable<DatabaseSchema[T]>;

/** The rows of `table` whose `column` is `value`, ordered by `orderBy`. */
async function rowsWhere<T extends RowTable>(
  context: Pick<AppContext, 'database'>,
  table: T,
  column: keyof DatabaseSchema[T] & string,
  value: number | string,
  orderBy: keyof DatabaseSchema[T] & string,
): Promise<Array<Row<T>>> {
  const rows = await context.database.db
    .selectFrom(table as 'messages')
    .selectAll()
    .where(column as 'id', '=', value as number)
    .orderBy(orderBy as 'id')
    .execute();
  return rows as unknown as Array<Row<T>>;
}

async function onlyRow<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  assert.ok(row, 'no such row');
  return row;
}

/** The rows of `table` whose `column` is `value`, oldest first. */
export async function storedRows<T extends RowTable>(
  h: TestHarness,
  table: T,
  column: keyof DatabaseSchema[T] & string,
  value: number | string,
) {
  return rowsWhere(h.context, table, column, value, 'id' as keyof DatabaseSchema[T] & string);
}

/** The row of `table` whose `column` is `value` (the oldest, if several); fails when there is none. */
export async function storedRow<T extends RowTable>(
  h: TestHarness,
  table: T,
  column: keyof DatabaseSchema[T] & string,
  value: number | string,
) {
  return onlyRow(storedRows(h, table, column, value));
}

/**
 * The stored account of a person, found by the lookup hash of the identity code, with its sealed
 * personal data opened next to the stored columns (`identity_code`, `email`, `mobile`).
 */
export async function accountRow(h: Pick<TestHarness, 'context'>, identityCode: string) {
  const seal = personalDataSeal(h.context);
  const row = await onlyRow(
    rowsWhere(h.context, 'accounts', 'identity_lookup', await seal.lookup(identityCode), 'id'),
  );
  return { ...row, ...openedAccount(h.context, row) };
}

/** The lookup hash an identity code is stored as (crypto/personal-data.ts). */
export function identityLookup(
  context: Pick<AppContext, 'database' | 'envelope' | 'clock'>,
  identityCode: string,
) {
  return personalDataSeal(context).lookup(identityCode);
}

/** An account row's sealed personal data, opened. */
export function openedAccount(
  context: Pick<AppContext, 'database' | 'envelope' | 'clock'>,
  row: Pick<Selectable<DatabaseSchema['accounts']>, 'identity_code_enc' | 'email_enc' | 'mobile_enc'>,
) {
  const seal = personalDataSeal(context);
  return {
    identity_code: seal.openIdentityCode(row.identity_code_enc),
    email: seal.openOptional(row.email_enc, personalDataContext.accountEmail),
    mobile: seal.openOptional(row.mobile_enc, personalDataContext.accountMobile),
  };
}

/** An account's contact details as stored (sealed), for setting up rows directly. */
export function sealedContact(
  context: Pick<AppContext, 'database' | 'envelope' | 'clock'>,
  contact: { email: string | null; mobile: string | null },
) {
  const seal = personalDataSeal(context);
  return {
    email_enc: seal.sealOptional(contact.email, personalDataContext.accountEmail),
    mobile_enc: seal.sealOptional(contact.mobile, personalDataContext.accountMobile),
  };
}

/** A stored message, its sealed recipient opened next to the stored columns (`recipient_id`). */
export async function messageRow(h: TestHarness, messageId: number) {
  const row = await storedRow(h, 'messages', 'id', messageId);
  return { ...row, recipient_id: openMessageRecipient(h.context.envelope, row.recipient_id_enc) };
}

/** A message's attachments in their order. */
export async function attachmentsOf(h: TestHarness, messageId: number) {
  return rowsWhere(h.context, 'attachments', 'message_id', messageId, 'position');
}

/** The messages of a person's account, oldest first. */
export async function messagesOf(h: TestHarness, accountId: number) {
  return rowsWhere(h.context, 'messages', 'account_id', accountId, 'id');
}

export async function jobsOf(context: Pick<AppContext, 'database'>, messageId: number) {
  return rowsWhere(context, 'outbox_jobs', 'message_id', messageId, 'id');
}

/** A message's feed event types in order. */
export async function eventTypesOf(
  context: Pick<AppContext, 'database'>,
  messageId: number,
): Promise<string[]> {
  return (await rowsWhere(context, 'events', 'message_id', messageId, 'id')).map((row) => row.event_type);
}

/** Whether a recorded delivery consent is still in force (not withdrawn). */
export async function consentInForce(h: TestHarness, consentId: number): Promise<boolean> {
  return (await storedRow(h, 'delivery_consents', 'id', consentId)).withdrawn_at === null;
}
