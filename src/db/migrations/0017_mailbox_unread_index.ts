import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The navigation's unread count is on every mailbox page. Through the (account_id, direction, id)
 * index it read every received message of the person, and each row only past its encrypted title
 * and body (the flags come after them in the row, so SQLite walked the body's overflow pages): about
 * half a millisecond a page at 1,000 messages. This index holds only the unread messages of
 * Saapuneet, so the count reads the index alone, as many entries as there are unread messages.
 * Its conditions are the count's own, written as literals in the query so that both SQLite and
 * PostgreSQL can see the index applies. Expand-only.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('messages_unread')
    .on('messages')
    .columns(['account_id', 'available_at'])
    .where(
      sql<boolean>`direction = 'to_citizen' and channel = 'electronic' and read_at is null and deleted_at is null and purged_at is null`,
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('messages_unread').execute();
}
