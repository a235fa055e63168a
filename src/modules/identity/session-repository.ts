import type { Kysely, Selectable, Transaction } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { AccountStatus, DatabaseSchema } from '../../db/schema.js';

type Db = Kysely<DatabaseSchema>;
export type SessionTrx = Transaction<DatabaseSchema>;

export interface SessionRow {
  idHash: string;
  identityCode: string | null;
  csrfToken: string;
  data: string;
  createdAt: string;
  lastSeenAt: string;
  absoluteExpiresAt: string;
}

/** The session with the state of its person's account, read together (one query per page). */
export interface SessionWithAccountRow extends SessionRow {
  account: { id: number; status: AccountStatus; language: string; termsVersion: string } | undefined;
}

export interface NewSessionRow {
  idHash: string;
  identityCode: string | null;
  csrfToken: string;
  data: string;
  now: string;
  absoluteExpiresAt: string;
}

/** All SQL about web sessions (signed-in citizens and logins in progress). */
export class SessionRepository {
  /** Compiled once (see preparedQuery): it runs on every citizen page request. */
  private readonly sessionWithAccount;

  constructor(private readonly db: Db) {
    this.sessionWithAccount = preparedQuery(this.db, 1, (idHash: string) =>
      this.db
        .selectFrom('web_sessions as w')
        .leftJoin('accounts as a', 'a.identity_code', 'w.identity_code')
        .select([
          'w.id_hash',
          'w.identity_code',
          'w.csrf_token',
          'w.data',
          'w.created_at',
          'w.last_seen_at',
          'w.absolute_expires_at',
          'a.id as account_id',
          'a.status as account_status',
          'a.language as account_language',
          'a.terms_version as account_terms_version',
        ])
        .where('w.id_hash', '=', idHash),
    );
  }

  transaction<T>(work: (trx: SessionTrx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async insert(row: NewSessionRow, db: Db | SessionTrx = this.db): Promise<void> {
    await db
      .insertInto('web_sessions')
      .values({
        id_hash: row.idHash,
        identity_code: row.identityCode,
        csrf_token: row.csrfToken,
        data: row.data,
        created_at: row.now,
        last_seen_at: row.now,
        absolute_expires_at: row.absoluteExpiresAt,
      })
      .execute();
  }

  async find(idHash: string): Promise<SessionRow | undefined> {
    const row = await this.db
      .selectFrom('web_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return toSession(row);
  }

  /**
   * The session and, for a signed-in one, the person's account (any state) in one query: every
   * citizen page needs both, and the account is re-read on every request so that opening or closing
   * it in another tab takes effect at once.
   */
  async findWithAccount(idHash: string): Promise<SessionWithAccountRow | undefined> {
    const [row] = (await this.sessionWithAccount(idHash)).rows;
    if (!row) return undefined;
    return {
      ...toSession(row),
      account:
        row.account_id === null || row.account_status === null
          ? undefined
          : {
              id: Number(row.account_id),
              status: row.account_status,
              language: row.account_language ?? '',
              termsVersion: row.account_terms_version ?? '',
            },
    };
  }

  async touch(idHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('web_sessions')
      .set({ last_seen_at: now })
      .where('id_hash', '=', idHash)
      .execute();
  }

  /** Deletes the row; true when it existed (so a login state can be consumed exactly once). */
  async delete(idHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('web_sessions').where('id_hash', '=', idHash).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Deletes the row and returns its identity code (null for a row of no identified person) and
   * data, or undefined when there was no such row: the logout is recorded only for a session that
   * existed, and what the identification service left in the data is read from the deleted row.
   */
  async deleteReturningIdentity(
    idHash: string,
    db: Db | SessionTrx = this.db,
  ): Promise<{ identityCode: string | null; data: string } | undefined> {
    const row = await db
      .deleteFrom('web_sessions')
      .where('id_hash', '=', idHash)
      .returning(['identity_code', 'data'])
      .executeTakeFirst();
    return row && { identityCode: row.identity_code, data: row.data };
  }

  /**
   * Deletes the signed-in sessions whose data carries this federated-login key (see SessionService:
   * a hex digest, so no LIKE wildcard can occur in it) and returns their ids and identity codes.
   * No index: it runs only when the identity provider ends a session (single logout), rarely, and a
   * scan of the live sessions costs less than another column would in every other query.
   */
  async deleteByFederationKey(
    key: string,
    db: Db | SessionTrx = this.db,
  ): Promise<Array<{ idHash: string; identityCode: string }>> {
    const rows = await db
      .deleteFrom('web_sessions')
      .where('identity_code', 'is not', null)
      .where('data', 'like', `%"federationKey":"${key}"%`)
      .returning(['id_hash', 'identity_code'])
      .execute();
    return rows.map((row) => ({ idHash: row.id_hash, identityCode: row.identity_code ?? '' }));
  }

  /** The id of the person's account in any state, for the audit trail; undefined when they have none. */
  async accountIdOf(identityCode: string, db: Db | SessionTrx = this.db): Promise<number | undefined> {
    const row = await db
      .selectFrom('accounts')
      .select('id')
      .where('identity_code', '=', identityCode)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.id);
  }

  /** Rows past their absolute expiry, or idle since before `idleBefore` (citizen sessions only). */
  async deleteExpired(now: string, idleBefore: string): Promise<void> {
    await this.db
      .deleteFrom('web_sessions')
      .where((eb) =>
        eb.or([
          eb('absolute_expires_at', '<=', now),
          eb.and([eb('identity_code', 'is not', null), eb('last_seen_at', '<=', idleBefore)]),
        ]),
      )
      .execute();
  }
}

type SessionColumns = Pick<
  Selectable<DatabaseSchema['web_sessions']>,
  'id_hash' | 'identity_code' | 'csrf_token' | 'data' | 'created_at' | 'last_seen_at' | 'absolute_expires_at'
>;

function toSession(row: SessionColumns): SessionRow {
  return {
    idHash: row.id_hash,
    identityCode: row.identity_code,
    csrfToken: row.csrf_token,
    data: row.data,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    absoluteExpiresAt: row.absolute_expires_at,
  };
}
