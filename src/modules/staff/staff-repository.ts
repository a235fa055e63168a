import type { Kysely, Transaction } from 'kysely';
import { definedColumns } from '../../db/defined-columns.js';
import { personalDataContext, type PersonalDataSeal } from '../../crypto/personal-data.js';
import { openedMember } from './staff-member-data.js';
import type { DatabaseSchema } from '../../db/schema.js';
import type { StaffRole } from '../../db/schema-organisation-staff.js';

type Db = Kysely<DatabaseSchema>;
export type StaffTrx = Transaction<DatabaseSchema>;

export interface StaffMemberRow {
  id: number;
  identityCode: string;
  firstNames: string;
  lastName: string;
  removedAt: string | null;
}

/** One role row with what the callers show of its organisation and service. */
export interface StaffRoleRow {
  staffMemberId: number;
  organisationId: number;
  businessId: string;
  organisationNameFi: string;
  organisationNameSv: string | null;
  organisationNameEn: string | null;
  role: StaffRole;
  servicePk: number | null;
  /** The service's public id (sender.serviceId); null for a role over all services. */
  serviceId: string | null;
}

export interface StaffListRow extends StaffRoleRow {
  identityCode: string;
  firstNames: string;
  lastName: string;
}

/** Which roles of a member to delete: one organisation, optionally one role and some services. */
export interface RoleSelection {
  staffMemberId: number;
  organisationId: number;
  role?: StaffRole | undefined;
  /** Only these service rows (null: the all-services row); absent: every row of the role. */
  servicePks?: Array<number | null> | undefined;
}

/** All SQL about staff members and their roles. */
export class StaffRepository {
  constructor(
    private readonly db: Db,
    private readonly seal: PersonalDataSeal,
  ) {}

  transaction<T>(work: (trx: StaffTrx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async findMember(identityCode: string, db: Db | StaffTrx = this.db): Promise<StaffMemberRow | undefined> {
    const row = await db
      .selectFrom('staff_members')
      .select(['id', 'identity_code_enc', 'first_names_enc', 'last_name_enc', 'removed_at'])
      .where('identity_lookup', '=', await this.seal.lookup(identityCode))
      .executeTakeFirst();
    return row && { id: Number(row.id), ...openedMember(this.seal, row), removedAt: row.removed_at };
  }

  async insertMember(
    member: { identityCode: string; firstNames: string; lastName: string; now: string },
    db: Db | StaffTrx = this.db,
  ): Promise<number> {
    const { id } = await db
      .insertInto('staff_members')
      .values({
        identity_lookup: await this.seal.lookup(member.identityCode),
        identity_code_enc: this.seal.seal(member.identityCode, personalDataContext.staffIdentityCode),
        ...sealedNames(this.seal, member),
        created_at: member.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(id);
  }

  /** New names (from the register or the identification), and removed_at set or cleared. */
  async updateMember(
    id: number,
    changes: { firstNames?: string; lastName?: string; removedAt?: string | null },
    db: Db | StaffTrx = this.db,
  ): Promise<void> {
    await db
      .updateTable('staff_members')
      .set(
        definedColumns({
          first_names_enc:
            changes.firstNames === undefined
              ? undefined
              : this.seal.seal(changes.firstNames, personalDataContext.staffFirstNames),
          last_name_enc:
            changes.lastName === undefined
              ? undefined
              : this.seal.seal(changes.lastName, personalDataContext.staffLastName),
          removed_at: changes.removedAt,
        }),
      )
      .where('id', '=', id)
      .execute();
  }

  /**
   * Adds the role unless the member already has it; true when added. Looked up first rather than
   * left to the unique index: on PostgreSQL a violation would abort the caller's transaction. Two
   * operators granting the same role at the same instant get one row and one error.
   */
  async insertRoleIfMissing(
    role: {
      staffMemberId: number;
      organisationId: number;
      role: StaffRole;
      servicePk: number | null;
      now: string;
    },
    db: Db | StaffTrx = this.db,
  ): Promise<boolean> {
    const existing = await db
      .selectFrom('staff_roles')
      .select('id')
      .where('staff_member_id', '=', role.staffMemberId)
      .where('organisation_id', '=', role.organisationId)
      .where('role', '=', role.role)
      .where((eb) =>
        role.servicePk === null ? eb('service_pk', 'is', null) : eb('service_pk', '=', role.servicePk),
      )
      .executeTakeFirst();
    if (existing) return false;
    await db
      .insertInto('staff_roles')
      .values({
        staff_member_id: role.staffMemberId,
        organisation_id: role.organisationId,
        role: role.role,
        service_pk: role.servicePk,
        created_at: role.now,
      })
      .execute();
    return true;
  }

  /** Deletes the selected roles; returns what was deleted (role and service of each). */
  async deleteRoles(
    selection: RoleSelection,
    db: Db | StaffTrx = this.db,
  ): Promise<Array<{ role: StaffRole; servicePk: number | null }>> {
    const { servicePks } = selection;
    const specific = servicePks?.filter((pk): pk is number => pk !== null) ?? [];
    const rows = await db
      .deleteFrom('staff_roles')
      .where('staff_member_id', '=', selection.staffMemberId)
      .where('organisation_id', '=', selection.organisationId)
      .$if(selection.role !== undefined, (q) => q.where('role', '=', selection.role!))
      .$if(servicePks !== undefined, (q) =>
        q.where((eb) =>
          eb.or([
            ...(servicePks!.includes(null) ? [eb('service_pk', 'is', null)] : []),
            ...(specific.length > 0 ? [eb('service_pk', 'in', specific)] : []),
          ]),
        ),
      )
      .returning(['role', 'service_pk'])
      .execute();
    return rows.map((row) => ({
      role: row.role,
      servicePk: row.service_pk === null ? null : Number(row.service_pk),
    }));
  }

  async countRoles(staffMemberId: number, db: Db | StaffTrx = this.db): Promise<number> {
    const row = await db
      .selectFrom('staff_roles')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('staff_member_id', '=', staffMemberId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * The roles of a member in organisations that are not deactivated (in one of them when given):
   * a deactivated organisation has no staff pages.
   */
  async rolesOf(staffMemberId: number, organisationId?: number): Promise<StaffRoleRow[]> {
    const rows = await this.roleQuery()
      .where('r.staff_member_id', '=', staffMemberId)
      .where('o.deactivated_at', 'is', null)
      .$if(organisationId !== undefined, (q) => q.where('r.organisation_id', '=', organisationId!))
      .orderBy('o.name_fi')
      .orderBy('r.id')
      .execute();
    return rows.map(toRole);
  }

  /** Every role with its member (of one organisation when given), for operators' listing. */
  async listRoles(organisationId?: number): Promise<StaffListRow[]> {
    const rows = await this.roleQuery()
      .innerJoin('staff_members as m', 'm.id', 'r.staff_member_id')
      .select(['m.identity_code_enc', 'm.first_names_enc', 'm.last_name_enc'])
      .$if(organisationId !== undefined, (q) => q.where('r.organisation_id', '=', organisationId!))
      .orderBy('o.business_id')
      .orderBy('r.id')
      .execute();
    // The names are sealed, so they are sorted here: per organisation, by last and first names.
    const byName = new Intl.Collator('fi');
    return rows
      .map((row) => ({ ...toRole(row), ...openedMember(this.seal, row) }))
      .sort(
        (a, b) =>
          (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0) ||
          byName.compare(a.lastName, b.lastName) ||
          byName.compare(a.firstNames, b.firstNames),
      );
  }

  private roleQuery() {
    return this.db
      .selectFrom('staff_roles as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .leftJoin('services as s', 's.id', 'r.service_pk')
      .select([
        'r.staff_member_id',
        'r.organisation_id',
        'o.business_id',
        'o.name_fi',
        'o.name_sv',
        'o.name_en',
        'r.role',
        'r.service_pk',
        's.service_id',
      ]);
  }
}

function sealedNames(seal: PersonalDataSeal, names: { firstNames: string; lastName: string }) {
  return {
    first_names_enc: seal.seal(names.firstNames, personalDataContext.staffFirstNames),
    last_name_enc: seal.seal(names.lastName, personalDataContext.staffLastName),
  };
}

function toRole(row: {
  staff_member_id: number;
  organisation_id: number;
  business_id: string;
  name_fi: string;
  name_sv: string | null;
  name_en: string | null;
  role: StaffRole;
  service_pk: number | null;
  service_id: string | null;
}): StaffRoleRow {
  return {
    staffMemberId: Number(row.staff_member_id),
    organisationId: Number(row.organisation_id),
    businessId: row.business_id,
    organisationNameFi: row.name_fi,
    organisationNameSv: row.name_sv,
    organisationNameEn: row.name_en,
    role: row.role,
    servicePk: row.service_pk === null ? null : Number(row.service_pk),
    serviceId: row.service_id,
  };
}
