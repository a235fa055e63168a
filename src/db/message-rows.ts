import type { Insertable, Kysely } from 'kysely';
import type { DatabaseSchema, MessagesTable } from './schema.js';

/**
 * What a message written inside the service (a citizen's message, the welcome message) has where
 * an organisation's API message carries its own choices: no external id, options or paper part, an
 * ordinary electronic plain-text message that cannot be replied to.
 */
export const plainElectronicMessage = {
  external_id: null,
  channel: 'electronic',
  service_type: 'Normal',
  reply_allowed: 0,
  visibility: 'Normal',
  body_format: 'Text',
  options: '{}',
  paper_enc: null,
} as const satisfies Partial<Insertable<MessagesTable>>;

/**
 * Inserts a message row (in the caller's transaction when given one) and returns its id. A message
 * without a thread becomes its own thread root, so that replies can join it.
 */
export async function insertMessageRow(
  db: Kysely<DatabaseSchema>,
  row: Insertable<MessagesTable> & { thread_id: number | null },
): Promise<number> {
  const { id } = await db.insertInto('messages').values(row).returning('id').executeTakeFirstOrThrow();
  const messageId = Number(id);
  if (row.thread_id === null) {
    await db.updateTable('messages').set({ thread_id: messageId }).where('id', '=', messageId).execute();
  }
  return messageId;
}
