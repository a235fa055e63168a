import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { SignedInStaff } from '../../plugins/staff-session.js';
import type { StaffActor } from '../../../modules/messages/index.js';
import { renderPage } from '../../views/render.js';

/** The staff member as the messages module sees a case worker: organisation, services, request. */
export function caseWorkerOf(staff: SignedInStaff, request: FastifyRequest): StaffActor {
  return {
    organisationId: staff.organisation.id,
    staffMemberId: staff.staffMemberId,
    servicePks: staff.roles.servicePks,
    requestId: request.id,
  };
}

/** A page with citizens' content or identity codes: never kept by the browser or a cache in between. */
export function sendPersonalPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(renderPage(page));
}
