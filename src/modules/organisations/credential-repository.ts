import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { DatabaseSchema } from '../../db/schema.js';

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
}

export interface TokenRow {
  credentialId: number;
  organisationId: number;
  businessId: string;
  username: string;
  expiresAt: string;
  allowedIps: string[] | null;
  revokedAt: string | null;
}

function parseIps(value: string | null): string[] | null {
  return value === null ? null : (JSON.parse(value) as string[]);
}

/** All SQL about API credentials, access tokens and failed logins. */
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
      ]);
  }

  private static toCredential(row: {
    id: number;
    organisation_id: number;
    business_id: string;
    username: string;
    password_hash: string;
    allowed_ips: string | null;
    created_at: string;
    password_changed_at: string;
    revoked_at: string | null;
  }): CredentialRow {
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
      }
    );
  }

  async recordLoginFailure(username: string, now: string): Promise<void> {
    await this.db.insertInto('api_login_failures').values({ username, failed_at: now }).execute();
  }

  /** Failure times since `since`, oldest first. */
  async loginFailuresSince(username: string, since: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('api_login_failures')
      .select('failed_at')
      .where('username', '=', username)
      .where('failed_at', '>', since)
      .orderBy('failed_at')
      .execute();
    return rows.map((row) => row.failed_at);
  }

  async clearLoginFailures(username: string): Promise<void> {
    await this.db.deleteFrom('api_login_failures').where('username', '=', username).execute();
  }

  /** Housekeeping: expired tokens and failures older than the throttling window. */
  async purgeExpired(now: string, failuresBefore: string): Promise<number> {
    const tokens = await this.db.deleteFrom('api_tokens').where('expires_at', '<=', now).executeTakeFirst();
    const failures = await this.db
      .deleteFrom('api_login_failures')
      .where('failed_at', '<=', failuresBefore)
      .executeTakeFirst();
    return Number(tokens.numDeletedRows) + Number(failures.numDeletedRows);
  }
}
