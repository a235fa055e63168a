import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../../app-context.js';
import type { AccountServices } from '../../../modules/accounts/index.js';
import { jwksMaxAgeSeconds, loginStateSeconds } from '../../../modules/identity/index.js';
import { cookieOptions, loginCookieName, sessionCookieName } from '../../plugins/citizen-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { LoggedOutPage, LoginProblemPage } from '../../views/account/login-pages.js';
import { renderPage } from '../../views/render.js';
import { safeReturnPath } from '../../return-path.js';
import { identificationRateLimit } from './identification-rate-limit.js';

/**
 * Where a signed-in person lands: the mailbox (or the page they were after) when their account is
 * active, otherwise the opening form, which also reopens a closed account.
 */
export function landingPath(accountActive: boolean, returnTo: string, publicUrl: URL): string {
  if (!accountActive) return '/account/open';
  const path = safeReturnPath(returnTo, publicUrl);
  return path === '/' || /^\/(login|auth|logout|account\/open)(\/|\?|$)/.test(path) ? '/mailbox/inbox' : path;
}

/**
 * GET /login, GET /auth/callback, POST /logout, GET /logged-out, our public keys at
 * GET /oidc/jwks.json and (with a federation entity key) GET /oidc/signed-jwks.jwt and
 * GET /.well-known/openid-federation.
 */
export function identityRoutes(context: AppContext, services: AccountServices): FastifyPluginAsyncTypebox {
  const sessionCookie = sessionCookieName(context);
  const loginCookie = loginCookieName(context);

  return async (app) => {
    app.get(
      '/login',
      {
        config: { rateLimit: identificationRateLimit },
        schema: {
          hide: true,
          querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) }),
        },
      },
      async (request, reply) => {
        const returnTo = safeReturnPath(request.query.return, context.config.publicUrl);
        if (request.citizen) {
          const landing = landingPath(request.citizen.accountId !== null, returnTo, context.config.publicUrl);
          return reply.redirect(landing, 303);
        }
        const started = await services.identification.begin(returnTo, request.locale);
        if (!started) {
          const page = LoginProblemPage({ ctx: pageContext(request), problem: 'unavailable' });
          return reply.status(503).type('text/html; charset=utf-8').send(renderPage(page));
        }
        void reply.setCookie(loginCookie, started.loginCookie, cookieOptions(context, loginStateSeconds));
        return reply.redirect(started.redirectTo.href, 303);
      },
    );

    app.get(
      '/auth/callback',
      { config: { rateLimit: identificationRateLimit }, schema: { hide: true } },
      async (request, reply) => {
        // The URL as the provider addressed it: openid-client checks it against the redirect URI.
        const callbackUrl = new URL(request.url, context.config.publicUrl);
        const outcome = await services.identification.complete(
          callbackUrl,
          request.cookies[loginCookie],
          request.id,
        );
        void reply.clearCookie(loginCookie, cookieOptions(context));
        if (!outcome.ok) {
          if (outcome.reason === 'cancelled') return reply.redirect('/', 303);
          const problem = outcome.reason === 'insufficient-assurance' ? 'assurance' : 'failed';
          const page = LoginProblemPage({ ctx: pageContext(request), problem });
          return reply.status(400).type('text/html; charset=utf-8').send(renderPage(page));
        }
        // Whatever session the browser had before is ended, not upgraded: the new id is the only one.
        await services.sessions.end(request.cookies[sessionCookie]);
        void reply.setCookie(sessionCookie, outcome.cookieValue, cookieOptions(context));
        const account = await services.accounts.accountOf(outcome.session.person.identityCode);
        return reply.redirect(
          landingPath(account?.status === 'active', outcome.returnTo, context.config.publicUrl),
          303,
        );
      },
    );

    // The FTN profile's keys, for the provider to verify our signatures and encrypt to us. Public
    // halves only (RelyingPartyKeys never hands out more); absent when the profile is not in use.
    // The keys are read as they are now: a rotation is published without a restart.
    const keys = services.identification.relyingPartyKeyStore;
    if (keys) {
      app.get('/oidc/jwks.json', { schema: { hide: true } }, async (_request, reply) =>
        reply
          .header('cache-control', `public, max-age=${jwksMaxAgeSeconds}`)
          .type('application/jwk-set+json')
          .send(JSON.stringify(keys.current().publicJwks())),
      );
    }

    // OpenID Federation: our entity configuration and our JWKS as a signed JWT, both signed with the
    // federation entity key (src/modules/identity/federation.ts); served only when that key is set.
    const federation = services.identification.federation;
    if (federation) {
      const statement =
        (type: string, make: () => Promise<string>) => async (_request: unknown, reply: FastifyReply) =>
          reply
            .header('cache-control', `public, max-age=${jwksMaxAgeSeconds}`)
            .type(type)
            .send(await make());
      const schema = { hide: true, response: { 200: Type.String() } };
      app.get(
        '/.well-known/openid-federation',
        { schema },
        statement('application/entity-statement+jwt', () => federation.entityStatement()),
      );
      app.get(
        '/oidc/signed-jwks.jwt',
        { schema },
        statement('application/jwk-set+jwt', () => federation.signedJwks()),
      );
    }

    // The CSRF check of the session plugin has already run; without a session this is a 403. One
    // step for the person: our session ends here, the identification service's at the address the
    // identification module answers with, which returns the browser to /logged-out.
    app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
      const { redirectTo } = await services.identification.logout(request.cookies[sessionCookie], request.id);
      void reply.clearCookie(sessionCookie, cookieOptions(context));
      return reply.redirect(redirectTo, 303);
    });

    // Where the identification service returns the browser after its logout (post_logout_redirect_uri).
    // Parameters it may add (state) are ignored: the page is the same for everyone. Someone who is
    // signed in (again, or in another tab) is not told they are logged out: the start page says who.
    app.get(
      '/logged-out',
      { schema: { hide: true, response: { 200: Type.String() } } },
      async (request, reply) => {
        if (request.citizen) return reply.redirect('/', 303);
        return reply
          .type('text/html; charset=utf-8')
          .send(renderPage(LoggedOutPage({ ctx: pageContext(request) })));
      },
    );
  };
}
