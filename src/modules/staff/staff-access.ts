import type { StaffRoleRow } from './staff-repository.js';

/**
 * Who may do what on the staff pages: pure functions of a membership, shared by every staff page and
 * service so they cannot disagree. A membership is always one organisation's; nothing here reaches
 * another organisation.
 */

/** The organisation a membership is in, named in every language it has. */
export interface StaffOrganisation {
  id: number;
  businessId: string;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
}

/** A person's roles in one organisation. */
export interface StaffRoles {
  /** Manages the organisation's services, staff and API credentials. */
  admin: boolean;
  /**
   * The services the person may do case work for: 'all' (a case-worker role without a service),
   * the pks of the services named in their roles, or none (an admin who is not a case worker).
   */
  servicePks: number[] | 'all';
}

export interface StaffMembership {
  organisation: StaffOrganisation;
  roles: StaffRoles;
}

/** A service as the access check needs it: its pk and its organisation. */
export interface ServiceRef {
  id: number;
  organisationId: number;
}

/** An admin of the membership's organisation. */
export function isAdmin(membership: Pick<StaffMembership, 'roles'>): boolean {
  return membership.roles.admin;
}

/** A case worker of the organisation for at least one of its services. */
export function isCaseWorker(membership: Pick<StaffMembership, 'roles'>): boolean {
  const { servicePks } = membership.roles;
  return servicePks === 'all' || servicePks.length > 0;
}

/**
 * May the person do case work (send, read, reply, mark handled) for this service? Only for a
 * service of the membership's own organisation, and only one their case-worker roles cover. Being
 * an admin alone is not enough: admins manage, case workers handle citizens' matters.
 */
export function canActOnService(membership: StaffMembership, service: ServiceRef): boolean {
  if (service.organisationId !== membership.organisation.id) return false;
  const { servicePks } = membership.roles;
  return servicePks === 'all' || servicePks.includes(service.id);
}

/** Role rows (any organisations) grouped into one membership per organisation, in the rows' order. */
export function membershipsFromRoles(rows: StaffRoleRow[]): StaffMembership[] {
  const byOrganisation = new Map<number, StaffMembership>();
  for (const row of rows) {
    let membership = byOrganisation.get(row.organisationId);
    if (!membership) {
      membership = {
        organisation: {
          id: row.organisationId,
          businessId: row.businessId,
          nameFi: row.organisationNameFi,
          nameSv: row.organisationNameSv,
          nameEn: row.organisationNameEn,
        },
        roles: { admin: false, servicePks: [] },
      };
      byOrganisation.set(row.organisationId, membership);
    }
    const { roles } = membership;
    if (row.role === 'admin') roles.admin = true;
    else if (row.servicePk === null) roles.servicePks = 'all';
    else if (roles.servicePks !== 'all' && !roles.servicePks.includes(row.servicePk)) {
      roles.servicePks = [...roles.servicePks, row.servicePk];
    }
  }
  return [...byOrganisation.values()];
}
