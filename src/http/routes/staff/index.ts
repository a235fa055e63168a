import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import type { AppServices } from '../../../services.js';
import { staffConsentRoutes } from './staff-consent-routes.js';
import { staffDashboardRoutes } from './staff-dashboard-routes.js';
import { adminRoutes, adminStaffRoutes } from './admin-routes.js';
import { receivedRoutes } from './received-routes.js';
import { sendRoutes } from './send-routes.js';
import { staffIdentityRoutes } from './staff-identity-routes.js';
import { staffStartRoutes } from './staff-start-routes.js';

/**
 * The organisations' staff pages under /virkailija, in one scope: every route in it is marked
 * `staffArea` (the staff session plugin loads the staff session for it) and `citizenSessionExempt`
 * (the citizens' plugin neither loads a citizen session nor asks for a citizen CSRF token). Access
 * is declared per route with `config: { staffAccess }` (see plugins/staff-session.ts). A later staff
 * page registers its routes here.
 */
export function staffRoutes(context: AppContext, services: AppServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onRoute', (route) => {
      route.config = { ...route.config, staffArea: true, citizenSessionExempt: true };
    });
    // Only routes that ask for it (config.rateLimit) are limited: the sign-in steps.
    await app.register(rateLimit, { global: false });
    // The send form posts files: parsed here unless an outer scope already does; its limits are
    // given per request (send-routes.ts).
    if (!app.hasContentTypeParser('multipart/form-data')) {
      await app.register(multipart);
    }
    await app.register(staffIdentityRoutes(context, services.staff));
    await app.register(
      staffStartRoutes(context, { staff: services.staff, organisations: services.organisations }),
    );
    await app.register(receivedRoutes(services.messaging));
    await app.register(sendRoutes(services.messaging));
    await app.register(staffConsentRoutes(context, services.consents));
    await app.register(
      staffDashboardRoutes({ reporting: services.reporting, organisations: services.organisations }),
    );
    await app.register(adminRoutes(services.organisationAdmin));
    await app.register(
      adminStaffRoutes({ staff: services.staff.staff, organisations: services.organisations }),
    );
  };
}
