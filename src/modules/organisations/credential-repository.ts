import { sql, type Kysely, type Selectable } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { ApiCredentialsTable, DatabaseSchema, OrganisationsTable } from '../../db/schema.js';

type Db = Kysely<DatabaseSchema>;

export interface CredentialRow {
  id: number;
  organisationId: number;
  businessId: string;
  username: string;
  passwordHash: string;
  allowedIps: string[] | null;
  createdAt: string;
  passwordChangedAt: string;
  revokedAt: string | null;
  organisationDeactivatedAt: string | null;
}

export interface TokenRow {
  credentialId: number;
  organisationId: number;
  businessId: string;
  username: string;
  expiresAt: string;
  allowedIps: string[] | null;
  revokedAt: string | null;
  organisationDeactivatedAt: string | null;
}

function parseIps(value: string | null): string[] | null {
  return value === null ? null : (JSON.parse(value) as string[]);
}

/** All SQL about API credentials, access tokens and login throttling. */
export class CredentialRepository {
  /**
   * Compiled once (see preparedQuery): it runs on every API request. Deliberately no cache of the
   * result: every request reads the token and its credentials afresh, so a revoked credential or
   * an expired token stops working at once.
   */
  private readonly tokenByHash;

  constructor(private readonly db: Db) {
    this.tokenByHash = preparedQuery(this.db, 1, (tokenHash: string) =>
      this.db
        .selectFrom('api_tokens as t')
        .innerJoin('api_credentials as c', 'c.id', 't.credential_id')
        .innerJoin('organisations as o', 'o.id', 't.organisation_id')
        .select([
          't.credential_id',
          't.organisation_id',
          'o.business_id',
          'c.username',
          't.expires_at',
          'c.allowed_ips',
          'c.revoked_at',
          'o.deactivated_at',
        ])
        .where('t.token_hash', '=', tokenHash),
    );
  }

  private credentials() {
    return this.db
      .selectFrom('api_credentials as c')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select([
        'c.id',
        'c.organisation_id',
        'o.business_id',
        'c.username',
        'c.password_hash',
        'c.allowed_ips',
        'c.created_at',
        'c.password_changed_at',
        'c.revoked_at',
        'o.deactivated_at',
      ]);
  }

  private static toCredential(
    row: Selectable<ApiCredentialsTable> &
      Pick<Selectable<OrganisationsTable>, 'business_id' | 'deactivated_at'>,
  ): CredentialRow {
    return {
      id: row.id,
      organisationId: row.organisation_id,
      businessId: row.business_id,
      username: row.username,
      passwordHash: row.password_hash,
      allowedIps: parseIps(row.allowed_ips),
      createdAt: row.created_at,
      passwordChangedAt: row.password_changed_at,
      revokedAt: row.revoked_at,
      organisationDeactivatedAt: row.deactivated_at,
    };
  }

  async insertCredential(
    credential: {
      organisationId: number;
      username: string;
      passwordHash: string;
      allowedIps: string[] | null;
    },
    now: string,
  ): Promise<number> {
    const { id } = await this.db
      .insertInto('api_credentials')
      .values({
        organisation_id: credential.organisationId,
        username: credential.username,
        password_hash: credential.passwordHash,
        allowed_ips: credential.allowedIps ? JSON.stringify(credential.allowedIps) : null,
        created_at: now,
        password_changed_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async findByUsername(username: string): Promise<CredentialRow | undefined> {
    const row = await this.credentials().where('c.username', '=', username).executeTakeFirst();
    return row && CredentialRepository.toCredential(row);
  }

  async findById(id: number): Promise<CredentialRow | undefined> {
    const row = await this.credentials().where('c.id', '=', id).executeTakeFirst();
    return row && CredentialRepository.toCredential(row);
  }

  async list(organisationId?: number): Promise<CredentialRow[]> {
    let query = this.credentials().orderBy('o.business_id').orderBy('c.id');
    if (organisationId !== undefined) query = query.where('c.organisation_id', '=', organisationId);
    return (await query.execute()).map((row) => CredentialRepository.toCredential(row));
  }

  /** Revokes and drops every token of the credential in one transaction; false if already revoked. */
  async revoke(credentialId: number, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('api_credentials')
        .set({ revoked_at: now })
        .where('id', '=', credentialId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      await trx.deleteFrom('api_tokens').where('credential_id', '=', credentialId).execute();
      return Number(result.numUpdatedRows) === 1;
    });
  }

  /** A new allowlist (null: every address). Tokens already issued are checked against it on use. */
  async setAllowedIps(credentialId: number, allowedIps: string[] | null): Promise<void> {
    await this.db
      .updateTable('api_credentials')
      .set({ allowed_ips: allowedIps ? JSON.stringify(allowedIps) : null })
      .where('id', '=', credentialId)
      .execute();
  }

  /** New password hash; every token issued under the old password stops working at once. */
  async replacePassword(credentialId: number, passwordHash: string, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('api_credentials')
        .set({ password_hash: passwordHash, password_changed_at: now })
        .where('id', '=', credentialId)
        .execute();
      await trx.deleteFrom('api_tokens').where('credential_id', '=', credentialId).execute();
    });
  }

  async insertToken(
    token: { tokenHash: string; credentialId: number; organisationId: number; expiresAt: string },
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        token_hash: token.tokenHash,
        credential_id: token.credentialId,
        organisation_id: token.organisationId,
        created_at: now,
        expires_at: token.expiresAt,
      })
      .execute();
  }

  async findToken(tokenHash: string): Promise<TokenRow | undefined> {
    const [row] = (await this.tokenByHash(tokenHash)).rows;
    return (
      row && {
        credentialId: row.credential_id,
        organisationId: row.organisation_id,
        businessId: row.business_id,
        username: row.username,
        expiresAt: row.expires_at,
        allowedIps: parseIps(row.allowed_ips),
        revokedAt: row.revoked_at,
        organisationDeactivatedAt: row.deactivated_at,
      }
    );
  }

  /** The per-address counter of a username, if there is one (read before deciding on trust). */
  async findLoginAttempts(
    username: string,
    clientAddress: string,
  ): Promise<{ attempts: number; windowStartedAt: string; lastSuccessAt: string | null } | undefined> {
    const row = await this.db
      .selectFrom('api_login_attempts')
      .select(['attempts', 'window_started_at', 'last_success_at'])
      .where('username', '=', username)
      .where('client_address', '=', clientAddress)
      .executeTakeFirst();
    return (
      row && {
        attempts: row.attempts,
        windowStartedAt: row.window_started_at,
        lastSuccessAt: row.last_success_at,
      }
    );
  }

  /**
   * Counts one attempt for the username and address unless `maxAttempts` have been made in the
   * current window; true when it was counted (the password may be checked). One statement, so
   * concurrent attempts cannot all see a count below the limit: the row lock (PostgreSQL) or the
   * single writer (SQLite) orders them, and each sees the count the previous one left. A window
   * that started at or before `windowStart` is over and begins again at `now`.
   */
  async claimAddressAttempt(claim: {
    username: string;
    clientAddress: string;
    now: string;
    windowStart: string;
    maxAttempts: number;
  }): Promise<boolean> {
    const row = await this.db
      .insertInto('api_login_attempts')
      .values({
        username: claim.username,
        client_address: claim.clientAddress,
        attempts: 1,
        window_started_at: claim.now,
        last_success_at: null,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['username', 'client_address'])
          .doUpdateSet((eb) => {
            const windowOver = eb('api_login_attempts.window_started_at', '<=', claim.windowStart);
            return {
              attempts: eb
                .case()
                .when(windowOver)
                .then(sql.lit(1))
                .else(eb('api_login_attempts.attempts', '+', sql.lit(1)))
                .end(),
              window_started_at: eb
                .case()
                .when(windowOver)
                .then(claim.now)
                .else(eb.ref('api_login_attempts.window_started_at'))
                .end(),
            };
          })
          .where((eb) =>
            eb.or([
              eb('api_login_attempts.window_started_at', '<=', claim.windowStart),
              eb('api_login_attempts.attempts', '<', claim.maxAttempts),
            ]),
          ),
      )
      .returning('attempts')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The backoff counter of a username, if there is one (to tell a refused attempt how long to wait). */
  async findLoginBackoff(username: string): Promise<{ attempts: number; lastAttemptAt: string } | undefined> {
    const row = await this.db
      .selectFrom('api_login_backoff')
      .select(['attempts', 'last_attempt_at'])
      .where('username', '=', username)
      .executeTakeFirst();
    return row && { attempts: row.attempts, lastAttemptAt: row.last_attempt_at };
  }

  /**
   * Lets one untrusted attempt through if its wait is over, counting it; true when it was let
   * through. The wait depends on the count, so the condition lists, per count, the latest time the
   * previous attempt may have been let through (`cutoffs`, from login-throttle). As with
   * claimAddressAttempt, one statement: of concurrent attempts only the first finds the wait over.
   * A count whose last attempt was at or before `windowStart` starts again from one.
   */
  async claimBackoffSlot(claim: {
    username: string;
    now: string;
    windowStart: string;
    cutoffs: readonly { attempts: number; orMore: boolean; lastAttemptBefore: string }[];
  }): Promise<boolean> {
    const row = await this.db
      .insertInto('api_login_backoff')
      .values({ username: claim.username, attempts: 1, last_attempt_at: claim.now })
      .onConflict((conflict) =>
        conflict
          .column('username')
          .doUpdateSet((eb) => ({
            attempts: eb
              .case()
              .when('api_login_backoff.last_attempt_at', '<=', claim.windowStart)
              .then(sql.lit(1))
              .else(eb('api_login_backoff.attempts', '+', sql.lit(1)))
              .end(),
            last_attempt_at: claim.now,
          }))
          .where((eb) =>
            eb.or(
              claim.cutoffs.map((cutoff) =>
                eb.and([
                  eb('api_login_backoff.attempts', cutoff.orMore ? '>=' : '=', cutoff.attempts),
                  eb('api_login_backoff.last_attempt_at', '<=', cutoff.lastAttemptBefore),
                ]),
              ),
            ),
          ),
      )
      .returning('attempts')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * A successful login from the address: its count starts again, and the address is remembered as
   * one that succeeded. The username's backoff is left alone: it counts attempts from elsewhere.
   */
  async recordLoginSuccess(username: string, clientAddress: string, now: string): Promise<void> {
    await this.db
      .insertInto('api_login_attempts')
      .values({
        username,
        client_address: clientAddress,
        attempts: 0,
        window_started_at: now,
        last_success_at: now,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['username', 'client_address'])
          .doUpdateSet({ attempts: 0, window_started_at: now, last_success_at: now }),
      )
      .execute();
  }

  /**
   * Housekeeping: expired tokens; throttling rows whose window is over, except addresses that
   * succeeded since `trustedSince` (they are remembered as trusted).
   */
  async purgeExpired(now: string, cutoffs: { windowStart: string; trustedSince: string }): Promise<number> {
    const tokens = await this.db.deleteFrom('api_tokens').where('expires_at', '<=', now).executeTakeFirst();
    const attempts = await this.db
      .deleteFrom('api_login_attempts')
      .where('window_started_at', '<=', cutoffs.windowStart)
      .where((eb) =>
        eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<=', cutoffs.trustedSince)]),
      )
      .executeTakeFirst();
    const backoff = await this.db
      .deleteFrom('api_login_backoff')
      .where('last_attempt_at', '<=', cutoffs.windowStart)
      .executeTakeFirst();
    return Number(tokens.numDeletedRows) + Number(attempts.numDeletedRows) + Number(backoff.numDeletedRows);
  }
}
