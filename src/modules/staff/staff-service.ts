import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import type { StaffRole } from '../../db/schema-organisation-staff.js';
import { isValidIdentityCode } from '../../domain/identity-code.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit, type AuditActorType } from '../audit/index.js';
import type { OrganisationService } from '../organisations/index.js';
import type { PopulationRegister } from '../population-register/index.js';
import { membershipsFromRoles, type StaffMembership } from './staff-access.js';
import type { StaffRepository, StaffTrx } from './staff-repository.js';

/** Who changes roles, for the audit trail: an operator (the CLI) or an admin on the staff pages. */
export interface RoleChanger {
  type: Extract<AuditActorType, 'operator' | 'staff'>;
  /** Operator name or staff member id; never an identity code. */
  id: string | null;
}

export const staffActions = {
  roleGranted: 'staff.role_granted',
  roleRevoked: 'staff.role_revoked',
} as const;

export interface GrantInput {
  identityCode: string;
  businessId: string;
  role: StaffRole;
  /**
   * Public service ids (sender.serviceId) of the organisation a case worker acts for; none or empty:
   * every service of the organisation. Not allowed with the admin role.
   */
  serviceIds?: string[] | undefined;
  by?: RoleChanger | undefined;
  requestId?: string | undefined;
}

export interface RevokeInput {
  identityCode: string;
  businessId: string;
  /** Only this role; absent: every role in the organisation. */
  role?: StaffRole | undefined;
  /** Only these services' case-worker roles; absent: every service. */
  serviceIds?: string[] | undefined;
  by?: RoleChanger | undefined;
  requestId?: string | undefined;
}

/** One person's roles in one organisation, as operators see them (services by their public ids). */
export interface StaffListing {
  identityCode: string;
  firstNames: string;
  lastName: string;
  businessId: string;
  admin: boolean;
  /** The services a case worker acts for: 'all', the service ids, or none. */
  caseWorkerServices: string[] | 'all';
}

const operator: RoleChanger = { type: 'operator', id: 'cli' };

/**
 * Staff members and their roles per organisation. Every grant and revocation is audited in the
 * transaction that makes it; the person appears as their staff member id, never an identity code.
 */
export class StaffService {
  constructor(
    private readonly deps: {
      repository: StaffRepository;
      db: Kysely<DatabaseSchema>;
      organisations: OrganisationService;
      register: PopulationRegister;
      clock: () => Date;
    },
  ) {}

  /**
   * Gives the person a role in the organisation (idempotent: a role they have is not added twice).
   * The names come from the population register; a person it does not know is refused, so a
   * mistyped but valid identity code is caught here rather than at their first sign-in.
   */
  async grant(input: GrantInput): Promise<StaffListing> {
    const identityCode = requireIdentityCode(input.identityCode);
    const organisation = await this.deps.organisations.requireActiveOrganisation(input.businessId);
    const serviceIds = input.serviceIds ?? [];
    if (input.role === 'admin' && serviceIds.length > 0) {
      throw new ValidationError('service', 'the admin role is for the whole organisation; give no service');
    }
    const servicePks = await this.servicePksOf(serviceIds, organisation.id, input.businessId);
    const person = await this.deps.register.findByIdentityCode(identityCode);
    if (!person)
      throw new ValidationError('identityCode', 'the population register does not know this person');
    const now = this.deps.clock();
    const by = input.by ?? operator;
    await this.deps.repository.transaction(async (trx) => {
      const memberId = await this.ensureMember(trx, identityCode, person, now);
      for (const servicePk of servicePks.length > 0 ? servicePks : [null]) {
        const added = await this.deps.repository.insertRoleIfMissing(
          {
            staffMemberId: memberId,
            organisationId: organisation.id,
            role: input.role,
            servicePk,
            now: now.toISOString(),
          },
          trx,
        );
        if (added) {
          await this.audit(trx, staffActions.roleGranted, memberId, by, input.requestId, now, {
            organisationId: organisation.id,
            role: input.role,
            servicePk,
          });
        }
      }
    });
    return this.listingOf(identityCode, organisation);
  }

  /**
   * Takes roles away (all of the person's in the organisation unless a role or services are named).
   * A person left with no role anywhere is marked removed. Staff sessions read the roles on every
   * request, so a revocation takes effect at the person's next click.
   */
  async revoke(input: RevokeInput): Promise<StaffListing> {
    const identityCode = requireIdentityCode(input.identityCode);
    const organisation = await this.deps.organisations.requireOrganisation(input.businessId);
    const member = await this.deps.repository.findMember(identityCode);
    if (!member) throw new NotFoundError('the person is not staff of any organisation');
    const serviceIds = input.serviceIds ?? [];
    if (input.role === 'admin' && serviceIds.length > 0) {
      throw new ValidationError('service', 'the admin role is for the whole organisation; give no service');
    }
    const servicePks = await this.servicePksOf(serviceIds, organisation.id, input.businessId);
    const now = this.deps.clock();
    const by = input.by ?? operator;
    const revoked = await this.deps.repository.transaction(async (trx) => {
      const deleted = await this.deps.repository.deleteRoles(
        {
          staffMemberId: member.id,
          organisationId: organisation.id,
          role: input.role,
          servicePks: servicePks.length > 0 ? servicePks : undefined,
        },
        trx,
      );
      for (const role of deleted) {
        await this.audit(trx, staffActions.roleRevoked, member.id, by, input.requestId, now, {
          organisationId: organisation.id,
          role: role.role,
          servicePk: role.servicePk,
        });
      }
      if (deleted.length > 0 && (await this.deps.repository.countRoles(member.id, trx)) === 0) {
        await this.deps.repository.updateMember(member.id, { removedAt: now.toISOString() }, trx);
      }
      return deleted.length;
    });
    if (revoked === 0) throw new NotFoundError('the person has no such role in the organisation');
    return this.listingOf(identityCode, organisation);
  }

  /** Every staff member's roles, per organisation (only one organisation's when given). */
  async list(businessId?: string): Promise<StaffListing[]> {
    const organisationId = businessId
      ? (await this.deps.organisations.requireOrganisation(businessId)).id
      : undefined;
    const rows = await this.deps.repository.listRoles(organisationId);
    const listings = new Map<string, StaffListing>();
    for (const row of rows) {
      const key = `${row.staffMemberId}:${row.organisationId}`;
      let listing = listings.get(key);
      if (!listing) {
        listing = {
          identityCode: row.identityCode,
          firstNames: row.firstNames,
          lastName: row.lastName,
          businessId: row.businessId,
          admin: false,
          caseWorkerServices: [],
        };
        listings.set(key, listing);
      }
      if (row.role === 'admin') listing.admin = true;
      else if (row.serviceId === null) listing.caseWorkerServices = 'all';
      else if (listing.caseWorkerServices !== 'all') listing.caseWorkerServices.push(row.serviceId);
    }
    return [...listings.values()];
  }

  /**
   * The organisations the person may act for, with their roles in each (none: not staff). Only
   * organisations that are not deactivated.
   */
  async membershipsOf(identityCode: string): Promise<StaffMembership[]> {
    const member = await this.deps.repository.findMember(identityCode);
    if (!member) return [];
    return membershipsFromRoles(await this.deps.repository.rolesOf(member.id));
  }

  private async listingOf(
    identityCode: string,
    organisation: { id: number; businessId: string },
  ): Promise<StaffListing> {
    const member = await this.deps.repository.findMember(identityCode);
    const roles = member ? await this.deps.repository.rolesOf(member.id, organisation.id) : [];
    const businessId = organisation.businessId;
    const listing: StaffListing = {
      identityCode,
      firstNames: member?.firstNames ?? '',
      lastName: member?.lastName ?? '',
      businessId,
      admin: roles.some((r) => r.role === 'admin'),
      caseWorkerServices: [],
    };
    for (const role of roles.filter((r) => r.role === 'case_worker')) {
      if (role.serviceId === null) listing.caseWorkerServices = 'all';
      else if (listing.caseWorkerServices !== 'all') listing.caseWorkerServices.push(role.serviceId);
    }
    return listing;
  }

  /** The pks of the organisation's services with these public ids; a service of another is refused. */
  private async servicePksOf(
    serviceIds: string[],
    organisationId: number,
    businessId: string,
  ): Promise<number[]> {
    const pks: number[] = [];
    for (const serviceId of serviceIds) {
      const service = await this.deps.organisations.findService(serviceId);
      if (!service || service.organisationId !== organisationId) {
        throw new ValidationError('service', `${serviceId} is not a service of organisation ${businessId}`);
      }
      if (!pks.includes(service.id)) pks.push(service.id);
    }
    return pks;
  }

  private async ensureMember(
    trx: StaffTrx,
    identityCode: string,
    person: { firstNames: string; lastName: string },
    now: Date,
  ): Promise<number> {
    const existing = await this.deps.repository.findMember(identityCode, trx);
    if (!existing) {
      return this.deps.repository.insertMember(
        { identityCode, firstNames: person.firstNames, lastName: person.lastName, now: now.toISOString() },
        trx,
      );
    }
    await this.deps.repository.updateMember(
      existing.id,
      { firstNames: person.firstNames, lastName: person.lastName, removedAt: null },
      trx,
    );
    return existing.id;
  }

  private audit(
    trx: StaffTrx,
    action: string,
    memberId: number,
    by: RoleChanger,
    requestId: string | undefined,
    at: Date,
    details: Record<string, unknown>,
  ): Promise<void> {
    return recordAudit(trx, {
      actorType: by.type,
      actorId: by.id,
      action,
      subjectType: 'staff_member',
      subjectId: String(memberId),
      requestId,
      details,
      occurredAt: at,
    });
  }
}

function requireIdentityCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!isValidIdentityCode(code)) {
    throw new ValidationError(
      'identityCode',
      'not a valid personal identity code (check the check character)',
    );
  }
  return code;
}
