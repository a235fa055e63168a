import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import type { AccountServices } from '../../../modules/accounts/index.js';
import { loginStateSeconds } from '../../../modules/identity/index.js';
import { cookieOptions, loginCookieName, sessionCookieName } from '../../plugins/citizen-session.js';
import { identificationRateLimit } from './identification-rate-limit.js';
import { finishLogin, loginQuery, startLogin } from './login-flow.js';

/** GET /login, GET /auth/callback, POST /logout and our public keys at GET /oidc/jwks.json. */
export function identityRoutes(context: AppContext, services: AccountServices): FastifyPluginAsyncTypebox {
  const sessionCookie = sessionCookieName(context);
  const loginCookie = loginCookieName(context);

  return async (app) => {
    app.get(
      '/login',
      { config: { rateLimit: identificationRateLimit }, schema: { hide: true, querystring: loginQuery } },
      startLogin(
        context,
        (returnTo, locale) => services.identification.begin(returnTo, locale),
        cookieOptions(context, loginStateSeconds),
      ),
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
        return finishLogin(context, services, request, reply, outcome);
      },
    );

    // The FTN profile's keys, for the provider to verify our signatures and encrypt to us. Public
    // halves only (RelyingPartyKeys never hands out more); absent when the profile is not in use.
    const keys = services.identification.relyingPartyKeys;
    if (keys) {
      app.get('/oidc/jwks.json', { schema: { hide: true } }, async (_request, reply) =>
        reply
          .header('cache-control', 'public, max-age=300')
          .type('application/jwk-set+json')
          .send(JSON.stringify(keys.publicJwks())),
      );
    }

    // The CSRF check of the session plugin has already run; without a session this is a 403.
    app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
      await services.sessions.logout(request.cookies[sessionCookie], request.id);
      void reply.clearCookie(sessionCookie, cookieOptions(context));
      const endSession = await services.identification.endSessionUrl();
      return reply.redirect(endSession?.href ?? '/', 303);
    });
  };
}
