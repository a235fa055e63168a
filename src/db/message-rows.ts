import type { Insertable, Kysely } from 'kysely';
import { preparedStatement, preparedStatementsBy } from './prepared-query.js';
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
  // Kysely leaves out a column whose value is undefined; so does the compiled statement's shape.
  const columns = Object.keys(row).filter((column) => row[column as keyof typeof row] !== undefined);
  const values = columns.map((column) => row[column as keyof typeof row]);
  const [inserted] = (await insertStatement(columns)(db, ...values)).rows;
  if (!inserted) throw new Error('the message row was not inserted');
  const messageId = Number(inserted.id);
  if (row.thread_id === null) await ownThreadStatement(db, messageId, messageId);
  return messageId;
}

/**
 * The insert compiled once per set of columns (see preparedStatement): every send writes a message
 * row, and building the statement cost more than running it. The callers use a handful of shapes.
 */
const insertByShape = preparedStatementsBy((shape: string) => compileInsert(shape.split(',')));

function insertStatement(columns: string[]) {
  return insertByShape(columns.join(','));
}

function compileInsert(columns: string[]) {
  return preparedStatement(columns.length, (db, ...values: unknown[]) =>
    db
      .insertInto('messages')
      .values(
        Object.fromEntries(
          columns.map((column, index) => [column, values[index]]),
        ) as Insertable<MessagesTable>,
      )
      .returning('id'),
  );
}

/** A message without a thread becomes its own thread's root (its id given twice: one parameter each). */
const ownThreadStatement = preparedStatement(2, (db, threadId: number, messageId: number) =>
  db.updateTable('messages').set({ thread_id: threadId }).where('id', '=', messageId),
);
