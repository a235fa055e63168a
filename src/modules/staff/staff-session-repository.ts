import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { SessionTableRepository, type NewSessionRow } from '../../db/session-table-repository.js';
import type { StaffTrx } from './staff-repository.js';
import type { PersonalDataSeal } from '../../crypto/personal-data.js';
import { openedMember } from './staff-member-data.js';

type Db = Kysely<DatabaseSchema>;

export interface NewStaffSessionRow extends NewSessionRow {
  staffMemberId: number;
  organisationId: number | null;
}

/** A staff session with its member, read together (one query per staff page). */
export interface StaffSessionRow {
  idHash: string;
  staffMemberId: number;
  organisationId: number | null;
  csrfToken: string;
  data: string;
  lastSeenAt: string;
  absoluteExpiresAt: string;
  identityCode: string;
  firstNames: string;
  lastName: string;
}

/**
 * All SQL about staff sessions (table staff_sessions; the citizens' are in web_sessions); what every
 * session table shares is SessionTableRepository's.
 */
export class StaffSessionRepository extends SessionTableRepository<'staff_sessions'> {
  /** Compiled once (see preparedQuery): it runs on every staff page request. */
  private readonly sessionWithMember;

  constructor(
    db: Db,
    private readonly seal: PersonalDataSeal,
  ) {
    super(db, 'staff_sessions');
    this.sessionWithMember = preparedQuery(this.db, 1, (idHash: string) =>
      this.db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff_members as m', 'm.id', 's.staff_member_id')
        .select([
          's.id_hash',
          's.staff_member_id',
          's.organisation_id',
          's.csrf_token',
          's.data',
          's.last_seen_at',
          's.absolute_expires_at',
          'm.identity_code_enc',
          'm.first_names_enc',
          'm.last_name_enc',
        ])
        .where('s.id_hash', '=', idHash),
    );
  }

  async insert(row: NewStaffSessionRow, db: Db | StaffTrx = this.db): Promise<void> {
    await this.insertRow(
      row,
      { staff_member_id: row.staffMemberId, organisation_id: row.organisationId },
      db,
    );
  }

  async findWithMember(idHash: string): Promise<StaffSessionRow | undefined> {
    const [row] = (await this.sessionWithMember(idHash)).rows;
    if (!row) return undefined;
    return {
      idHash: row.id_hash,
      staffMemberId: Number(row.staff_member_id),
      organisationId: row.organisation_id === null ? null : Number(row.organisation_id),
      csrfToken: row.csrf_token,
      data: row.data,
      lastSeenAt: row.last_seen_at,
      absoluteExpiresAt: row.absolute_expires_at,
      ...openedMember(this.seal, row),
    };
  }

  /** The organisation the session acts for from now on. */
  async setOrganisation(idHash: string, organisationId: number, db: Db | StaffTrx = this.db): Promise<void> {
    await db
      .updateTable('staff_sessions')
      .set({ organisation_id: organisationId })
      .where('id_hash', '=', idHash)
      .execute();
  }

  /** Deletes the row and returns its member and data, or undefined when there was none. */
  async deleteReturning(
    idHash: string,
    db: Db | StaffTrx = this.db,
  ): Promise<{ staffMemberId: number; data: string } | undefined> {
    const row = await db
      .deleteFrom('staff_sessions')
      .where('id_hash', '=', idHash)
      .returning(['staff_member_id', 'data'])
      .executeTakeFirst();
    return row && { staffMemberId: Number(row.staff_member_id), data: row.data };
  }
}
