import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';

type Db = Kysely<DatabaseSchema>;

export interface SessionRow {
  idHash: string;
  identityCode: string | null;
  csrfToken: string;
  data: string;
  createdAt: string;
  lastSeenAt: string;
  absoluteExpiresAt: string;
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
  constructor(private readonly db: Db) {}

  async insert(row: NewSessionRow): Promise<void> {
    await this.db
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
