import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app-context.js';
import { loginStateSeconds } from '../../../modules/identity/index.js';
import { staffPaths, type StaffServices } from '../../../modules/staff/index.js';
import {
  chooseOrganisationPath,
  staffCookieOptions,
  staffLoginCookieName,
  staffSessionCookieName,
} from '../../plugins/staff-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { renderPage } from '../../views/render.js';
import { StaffLoginOutcomePage, type StaffLoginOutcome } from '../../views/staff/staff-pages.js';
import { identificationRateLimit } from '../web/identification-rate-limit.js';
import { staffReturnPath } from './staff-return-path.js';

const html = Type.String();

function problem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  kind: Exclude<StaffLoginOutcome, 'loggedOut'>,
) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(renderPage(StaffLoginOutcomePage({ ctx: pageContext(request), outcome: kind })));
}

/**
 * The staff sign-in through the staff client (GET /virkailija/kirjaudu, GET /virkailija/auth/callback),
 * logout (POST /virkailija/kirjaudu-ulos) and the logged-out page. A person identified but staff of
 * no organisation gets a 403 page (audited as staff.sign_in_refused by the staff module).
 */
export function staffIdentityRoutes(context: AppContext, staff: StaffServices): FastifyPluginAsyncTypebox {
  const sessionCookie = staffSessionCookieName(context);
  const loginCookie = staffLoginCookieName(context);
  const { publicUrl } = context.config;

  return async (app) => {
    app.get(
      staffPaths.login,
      {
        config: { rateLimit: identificationRateLimit },
        schema: {
          hide: true,
          querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) }),
        },
      },
      async (request, reply) => {
        const returnTo = staffReturnPath(request.query.return, publicUrl);
        if (request.staffSession) {
          return reply.redirect(request.staff ? returnTo : chooseOrganisationPath, 303);
        }
        const started = await staff.identification.begin(returnTo, request.locale);
        if (!started) return problem(request, reply, 503, 'unavailable');
        void reply.setCookie(
          loginCookie,
          started.loginCookie,
          staffCookieOptions(context, loginStateSeconds),
        );
        return reply.redirect(started.redirectTo.href, 303);
      },
    );

    app.get(
      staffPaths.callback,
      { config: { rateLimit: identificationRateLimit }, schema: { hide: true } },
      async (request, reply) => {
        // The URL as the provider addressed it: openid-client checks it against the redirect URI.
        const callbackUrl = new URL(request.url, publicUrl);
        const outcome = await staff.identification.complete(
          callbackUrl,
          request.cookies[loginCookie],
          request.id,
        );
        void reply.clearCookie(loginCookie, staffCookieOptions(context));
        if (!outcome.ok) {
          if (outcome.reason === 'cancelled') return reply.redirect('/', 303);
          if (outcome.reason === 'not-staff') return problem(request, reply, 403, 'refused');
          return problem(
            request,
            reply,
            400,
            outcome.reason === 'insufficient-assurance' ? 'assurance' : 'failed',
          );
        }
        // Whatever staff session the browser had is ended, not upgraded: the new id is the only one.
        await staff.sessions.end(request.cookies[sessionCookie]);
        void reply.setCookie(sessionCookie, outcome.cookieValue, staffCookieOptions(context));
        const returnTo = staffReturnPath(outcome.returnTo, publicUrl);
        if (outcome.session.acting) return reply.redirect(returnTo, 303);
        return reply.redirect(`${chooseOrganisationPath}?return=${encodeURIComponent(returnTo)}`, 303);
      },
    );

    // The staff plugin has checked the CSRF token; without a session that is a 403.
    app.post('/virkailija/kirjaudu-ulos', { schema: { hide: true } }, async (request, reply) => {
      const { redirectTo } = await staff.identification.logout(request.cookies[sessionCookie], request.id);
      void reply.clearCookie(sessionCookie, staffCookieOptions(context));
      return reply.redirect(redirectTo, 303);
    });

    app.get(
      staffPaths.loggedOut,
      { schema: { hide: true, response: { 200: html } } },
      async (request, reply) => {
        if (request.staff) return reply.redirect(staffPaths.root, 303);
        return reply
          .type('text/html; charset=utf-8')
          .send(renderPage(StaffLoginOutcomePage({ ctx: pageContext(request), outcome: 'loggedOut' })));
      },
    );
  };
}
