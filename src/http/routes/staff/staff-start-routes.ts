import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app-context.js';
import { localisedName, type OrganisationService } from '../../../modules/organisations/index.js';
import { staffPaths, type StaffServices } from '../../../modules/staff/index.js';
import { chooseOrganisationPath, requireStaff, type SignedInStaff } from '../../plugins/staff-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { renderPage } from '../../views/render.js';
import type { StaffFrame } from '../../views/staff/staff-layout.js';
import { ChooseOrganisationPage, StaffStartPage } from '../../views/staff/staff-pages.js';
import { staffReturnPath } from './staff-return-path.js';

const html = Type.String();

/** What the staff layout shows of the signed-in staff member; for every staff page. */
export function staffFrame(staff: SignedInStaff): StaffFrame {
  return {
    name: staff.name,
    organisationName: staff.organisation.name,
    roles: staff.roles,
    organisationCount: staff.organisationCount,
    csrfToken: staff.csrfToken,
  };
}

function frameOf(request: FastifyRequest): StaffFrame | undefined {
  return request.staff ? staffFrame(request.staff) : undefined;
}

/** The staff start page and the organisation chooser. */
export function staffStartRoutes(
  context: AppContext,
  deps: { staff: StaffServices; organisations: OrganisationService },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      staffPaths.root,
      { config: { staffAccess: 'member' }, schema: { hide: true, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const { servicePks } = staff.roles;
        const serviceNames =
          servicePks === 'all'
            ? []
            : (await deps.organisations.listServices(staff.organisation.businessId))
                .filter((service) => servicePks.includes(service.id))
                .map((service) => localisedName(service, request.locale));
        const page = StaffStartPage({ ctx: pageContext(request), frame: staffFrame(staff), serviceNames });
        return reply.type('text/html; charset=utf-8').send(renderPage(page));
      },
    );

    app.get(
      chooseOrganisationPath,
      {
        config: { staffAccess: 'signed-in' },
        schema: {
          hide: true,
          querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) }),
          response: { 200: html },
        },
      },
      async (request, reply) => {
        const session = request.staffSession!;
        const page = ChooseOrganisationPage({
          ctx: pageContext(request),
          organisations: session.memberships.map((m) => ({
            id: m.organisation.id,
            name: localisedName(m.organisation, request.locale),
          })),
          current: session.acting?.organisation.id,
          returnTo: staffReturnPath(request.query.return, context.config.publicUrl),
          csrfToken: session.csrfToken,
          frame: frameOf(request),
        });
        return reply.type('text/html; charset=utf-8').send(renderPage(page));
      },
    );

    app.post(
      chooseOrganisationPath,
      {
        config: { staffAccess: 'signed-in' },
        schema: {
          hide: true,
          body: Type.Object({
            _csrf: Type.String(),
            organisationId: Type.Integer({ minimum: 1 }),
            return: Type.Optional(Type.String({ maxLength: 2000 })),
          }),
        },
      },
      async (request, reply) => {
        await deps.staff.sessions.chooseOrganisation(
          request.staffSession!,
          request.body.organisationId,
          request.id,
        );
        return reply.redirect(staffReturnPath(request.body.return, context.config.publicUrl), 303);
      },
    );
  };
}
