import type { Kysely, Selectable } from 'kysely';
import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { AccountStatus, DatabaseSchema } from '../../db/schema.js';
import {
  SessionTableRepository,
  type NewSessionRow,
  type SessionTrx,
} from '../../db/session-table-repository.js';
import { firstValue } from '../../db/first-value.js';

type Db = Kysely<DatabaseSchema>;
export type { SessionTrx };

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

/**
 * All SQL about web sessions (signed-in citizens and logins in progress); what every session table
 * shares is SessionTableRepository's. The idle timeout applies to signed-in rows only.
 */
export class SessionRepository extends SessionTableRepository<'web_sessions'> {
  /** Compiled once (see preparedQuery): it runs on every citizen page request. */
  private readonly sessionWithAccount;

  constructor(
    db: Db,
    private readonly seal: PersonalDataSeal,
  ) {
    super(db, 'web_sessions', (eb) => eb('identity_lookup', 'is not', null));
    this.sessionWithAccount = preparedQuery(this.db, 1, (idHash: string) =>
      this.db
        .selectFrom('web_sessions as w')
        // Both hold the lookup hash of the identity code (crypto/personal-data.ts).
        .leftJoin('accounts as a', 'a.identity_lookup', 'w.identity_lookup')
        .select([
          'w.id_hash',
          'w.identity_code_enc',
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

  /** A new row for the identified person (null: no identified person). */
  async insert(
    row: NewSessionRow & { identityCode: string | null },
    db: Db | SessionTrx = this.db,
  ): Promise<void> {
    const identity =
      row.identityCode === null
        ? { identity_lookup: null, identity_code_enc: null }
        : {
            identity_lookup: await this.seal.lookup(row.identityCode),
            identity_code_enc: this.seal.seal(row.identityCode, personalDataContext.sessionIdentityCode),
          };
    await this.insertRow(row, identity, db);
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
      ...toSession(row, this.seal),
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
      .returning(['identity_code_enc', 'data'])
      .executeTakeFirst();
    return row && { identityCode: this.#identityCode(row.identity_code_enc), data: row.data };
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
      .where('identity_lookup', 'is not', null)
      .where('data', 'like', `%"federationKey":"${key}"%`)
      .returning(['id_hash', 'identity_code_enc'])
      .execute();
    return rows.map((row) => ({
      idHash: row.id_hash,
      identityCode: this.#identityCode(row.identity_code_enc) ?? '',
    }));
  }

  /** The id of the person's account in any state, for the audit trail; undefined when they have none. */
  async accountIdOf(identityCode: string, db: Db | SessionTrx = this.db): Promise<number | undefined> {
    const lookup = await this.seal.lookup(identityCode);
    const id = await firstValue(db.selectFrom('accounts').select('id').where('identity_lookup', '=', lookup));
    return id === undefined ? undefined : Number(id);
  }

  #identityCode(sealed: Buffer | null): string | null {
    return this.seal.openOptional(sealed, personalDataContext.sessionIdentityCode);
  }
}

type SessionColumns = Pick<
  Selectable<DatabaseSchema['web_sessions']>,
  | 'id_hash'
  | 'identity_code_enc'
  | 'csrf_token'
  | 'data'
  | 'created_at'
  | 'last_seen_at'
  | 'absolute_expires_at'
>;

function toSession(row: SessionColumns, seal: PersonalDataSeal): SessionRow {
  return {
    idHash: row.id_hash,
    identityCode: seal.openOptional(row.identity_code_enc, personalDataContext.sessionIdentityCode),
    csrfToken: row.csrf_token,
    data: row.data,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    absoluteExpiresAt: row.absolute_expires_at,
  };
}
