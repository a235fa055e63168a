import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError } from '../../../errors.js';
import { localisedName, type OrganisationService } from '../../../modules/organisations/index.js';
import type { ReportingServices } from '../../../modules/reporting/index.js';
import { requireStaff, type SignedInStaff } from '../../plugins/staff-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { renderPage } from '../../views/render.js';
import { DashboardPage } from '../../views/staff/dashboard-page.js';
import { staffFrame } from './staff-start-routes.js';

export const dashboardPath = '/virkailija/tilastot';

/** `?service=<service id>` (the organisations module's service id rule) or empty for all of them. */
const DashboardQuery = Type.Object(
  { service: Type.Optional(Type.String({ pattern: '^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$' })) },
  { additionalProperties: false },
);

/**
 * Which services' numbers a staff member sees: an admin all of the organisation's, a case worker
 * those their roles cover ('all' for a case worker of every service).
 */
function visibleServices(staff: SignedInStaff): number[] | 'all' {
  return staff.roles.admin ? 'all' : staff.roles.servicePks;
}

/**
 * GET /virkailija/tilastot: the organisation's dashboard for any member (counts only, no personal
 * data), limited to the services they may see; `?service=` narrows it to one of those. A service
 * id that is not one of them (another organisation's, one outside a case worker's roles, unknown)
 * is a 404 as anything else not theirs; a malformed one a 400.
 */
export function staffDashboardRoutes(deps: {
  reporting: ReportingServices;
  organisations: OrganisationService;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      dashboardPath,
      {
        config: { staffAccess: 'member' },
        schema: { hide: true, querystring: DashboardQuery, response: { 200: Type.String() } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const scope = visibleServices(staff);
        const services = (await deps.organisations.listServices(staff.organisation.businessId)).filter(
          (service) => scope === 'all' || scope.includes(service.id),
        );
        const chosen = request.query.service ?? '';
        let servicePks: number[] | 'all' = scope;
        if (chosen !== '') {
          const service = services.find((s) => s.serviceId === chosen);
          if (!service) throw new NotFoundError('not a service of this staff member');
          servicePks = [service.id];
        }
        const dashboard = await deps.reporting.dashboard.forOrganisation(staff.organisation.id, {
          servicePks,
        });
        const page = DashboardPage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          dashboard,
          organisationName: staff.organisation.name,
          filter:
            services.length > 1
              ? {
                  services: services.map((s) => ({
                    serviceId: s.serviceId,
                    name: localisedName(s, request.locale),
                  })),
                  chosen,
                }
              : undefined,
        });
        return reply.type('text/html; charset=utf-8').send(renderPage(page));
      },
    );
  };
}
