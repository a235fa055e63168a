import type { Expression, ExpressionBuilder, Insertable, Kysely, SqlBool, Transaction } from 'kysely';
import type { DatabaseSchema } from './schema.js';

type Db = Kysely<DatabaseSchema>;
export type SessionTrx = Transaction<DatabaseSchema>;

/**
 * The tables of server-side sessions: citizens' (web_sessions) and staff's (staff_sessions). They
 * stay apart so that neither kind of cookie is ever looked up as the other; what they share is the
 * life of a row (created, touched, timed out), kept here once.
 */
export type SessionTableName = 'web_sessions' | 'staff_sessions';

/** The shared columns under one name: the queries below are typed against them alone. */
type SharedDb = Kysely<Record<'session_table', SharedColumns>>;
interface SharedColumns {
  id_hash: string;
  csrf_token: string;
  data: string;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
}

/** The columns of a new row that every session table has. */
export interface NewSessionRow {
  idHash: string;
  csrfToken: string;
  data: string;
  now: string;
  absoluteExpiresAt: string;
}

/** The columns that say who a row of the table belongs to (its other columns are shared). */
export type SessionOwnerColumns<T extends SessionTableName> = Omit<
  Insertable<DatabaseSchema[T]>,
  'id_hash' | 'csrf_token' | 'data' | 'created_at' | 'last_seen_at' | 'absolute_expires_at'
>;

/** The rows of one session table that the idle timeout applies to (all when not given). */
export type IdleScope<T extends SessionTableName> = (
  eb: ExpressionBuilder<DatabaseSchema, T>,
) => Expression<SqlBool>;

/**
 * The SQL every session table shares, for one table: insert, touch, delete, sweep. A module's own
 * session repository extends it with the reads and writes only its sessions have.
 */
export class SessionTableRepository<T extends SessionTableName> {
  constructor(
    protected readonly db: Db,
    private readonly table: T,
    private readonly idleScope?: IdleScope<T>,
  ) {}

  /** Kysely cannot narrow a query over a table chosen by a type parameter; both tables fit this. */
  private get sessions(): SharedDb {
    return this.db as never;
  }

  private get name(): 'session_table' {
    return this.table as never;
  }

  transaction<R>(work: (trx: SessionTrx) => Promise<R>): Promise<R> {
    return this.db.transaction().execute(work);
  }

  /** A new row: the shared columns from `row`, the table's own from `owner`. */
  async insertRow(
    row: NewSessionRow,
    owner: SessionOwnerColumns<T>,
    db: Db | SessionTrx = this.db,
  ): Promise<void> {
    await (db as Db as never as SharedDb)
      .insertInto(this.name)
      .values({
        id_hash: row.idHash,
        ...owner,
        csrf_token: row.csrfToken,
        data: row.data,
        created_at: row.now,
        last_seen_at: row.now,
        absolute_expires_at: row.absoluteExpiresAt,
      })
      .execute();
  }

  async touch(idHash: string, now: string): Promise<void> {
    await this.sessions
      .updateTable(this.name)
      .set({ last_seen_at: now })
      .where('id_hash', '=', idHash)
      .execute();
  }

  /** Deletes the row; true when it existed. */
  async delete(idHash: string): Promise<boolean> {
    const result = await this.sessions.deleteFrom(this.name).where('id_hash', '=', idHash).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Rows past their absolute expiry, or idle since before `idleBefore` (within the idle scope). */
  async deleteExpired(now: string, idleBefore: string): Promise<void> {
    await this.sessions
      .deleteFrom(this.name)
      .where((eb) => {
        const idle = eb('last_seen_at', '<=', idleBefore);
        const scope = this.idleScope?.(eb as never);
        return eb.or([eb('absolute_expires_at', '<=', now), scope ? eb.and([scope, idle]) : idle]);
      })
      .execute();
  }
}
