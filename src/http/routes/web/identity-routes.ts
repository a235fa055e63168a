import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../../app-context.js';
import type { AccountServices } from '../../../modules/accounts/index.js';
import { jwksMaxAgeSeconds, loginStateSeconds } from '../../../modules/identity/index.js';
import { cookieOptions, loginCookieName, sessionCookieName } from '../../plugins/citizen-session.js';
import { identificationRateLimit } from './identification-rate-limit.js';
import { finishLogin, loggedOutPage, loginQuery, startLogin } from './login-flow.js';

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

    loggedOutPage(app);
  };
}
