import type { FastifyRequest } from 'fastify';
import type { SignedInStaff } from '../../plugins/staff-session.js';
import type { StaffActor } from '../../../modules/messages/index.js';

/** The staff member as the messages module sees a case worker: organisation, services, request. */
export function caseWorkerOf(staff: SignedInStaff, request: FastifyRequest): StaffActor {
  return {
    organisationId: staff.organisation.id,
    staffMemberId: staff.staffMemberId,
    servicePks: staff.roles.servicePks,
    requestId: request.id,
  };
}
