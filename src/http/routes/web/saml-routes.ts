import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app-context.js';
import type { AccountServices } from '../../../modules/accounts/index.js';
import { loginStateSeconds, type SamlIdentificationService } from '../../../modules/identity/index.js';
import { cookieOptions, isHttps, loginCookieName, sessionCookieName } from '../../plugins/citizen-session.js';
import { identificationRateLimit } from './identification-rate-limit.js';
import {
  finishLogin,
  loggedOutPage,
  loggedOutPath,
  loginProblem,
  loginQuery,
  startLogin,
} from './login-flow.js';

/** A base64 SAML message: Suomi.fi's responses are a few tens of kilobytes. */
const samlMessage = Type.String({ maxLength: 400_000, pattern: '^[A-Za-z0-9+/=\\s]+$' });
const relayState = Type.String({ maxLength: 1000 });
const redirectBindingQuery = Type.Object({
  SAMLRequest: Type.Optional(samlMessage),
  SAMLResponse: Type.Optional(samlMessage),
  RelayState: Type.Optional(relayState),
  SigAlg: Type.Optional(Type.String({ maxLength: 200 })),
  Signature: Type.Optional(Type.String({ maxLength: 2000 })),
});
const postBindingBody = Type.Object({
  SAMLRequest: Type.Optional(samlMessage),
  SAMLResponse: Type.Optional(samlMessage),
  RelayState: Type.Optional(relayState),
});

/** Present fields only (TypeBox's optional fields may be absent, never undefined-valued for node-saml). */
function fieldsOf(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * Citizen identification through Suomi.fi e-Identification (IDENTIFICATION=suomifi-saml), in place of
 * the OpenID Connect routes: GET /login, POST /logout, and the SAML endpoints GET /saml/metadata
 * (our SP metadata), POST /saml/acs (assertion consumer service) and GET|POST /saml/slo (single
 * logout, both ways).
 */
export function samlRoutes(
  context: AppContext,
  services: AccountServices,
  saml: SamlIdentificationService,
): FastifyPluginAsyncTypebox {
  const sessionCookie = sessionCookieName(context);
  const loginCookie = loginCookieName(context);
  // The IdP returns the browser with a cross-site POST, which carries no SameSite=Lax cookie: the
  // login cookie is SameSite=None over https (it is encrypted, single use and short-lived). Over
  // plain http (local use) browsers refuse None without Secure, and Lax is kept.
  const loginCookieOptions = {
    ...cookieOptions(context, loginStateSeconds),
    ...(isHttps(context) ? { sameSite: 'none' as const } : {}),
  };

  return async (app) => {
    // Our key and certificate now, so an unusable file stops the start, not the first login.
    await saml.keys();

    app.get(
      '/login',
      { config: { rateLimit: identificationRateLimit }, schema: { hide: true, querystring: loginQuery } },
      startLogin(context, (returnTo, locale) => saml.begin(returnTo, locale), loginCookieOptions),
    );

    app.post(
      '/saml/acs',
      {
        // A cross-site POST from the IdP: no session, no CSRF token; the login cookie and the
        // response's signature, InResponseTo and single use are the checks.
        config: { rateLimit: identificationRateLimit, citizenSessionExempt: true },
        schema: {
          hide: true,
          body: Type.Object({ SAMLResponse: samlMessage, RelayState: Type.Optional(relayState) }),
        },
      },
      async (request, reply) => {
        const outcome = await saml.complete(
          request.body.SAMLResponse,
          request.cookies[loginCookie],
          request.id,
        );
        void reply.clearCookie(loginCookie, loginCookieOptions);
        return finishLogin(context, services, request, reply, outcome);
      },
    );

    app.get(
      '/saml/metadata',
      { schema: { hide: true, response: { 200: Type.String() } } },
      async (_request, reply) =>
        reply
          .header('cache-control', 'public, max-age=300')
          .type('application/samlmetadata+xml; charset=utf-8')
          .send(await saml.metadataXml()),
    );

    // The person logs out here: our session ends at once, then the IdP's, by a signed LogoutRequest
    // (whose answer comes back to /saml/slo). A session from before SAML has no login to end there.
    // The CSRF check of the session plugin has already run; without a session this is a 403.
    app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
      const { redirectTo } = await saml.logout(request.cookies[sessionCookie], loggedOutPath, request.id);
      void reply.clearCookie(sessionCookie, cookieOptions(context));
      return reply.redirect(redirectTo, 303);
    });

    const singleLogout = async (
      request: FastifyRequest,
      reply: FastifyReply,
      message: Parameters<SamlIdentificationService['singleLogout']>[0],
    ) => {
      const outcome = await saml.singleLogout(message, request.id);
      if (outcome.kind === 'request') {
        // The browser that brings the IdP's request may be the person's own: its cookie goes too.
        void reply.clearCookie(sessionCookie, cookieOptions(context));
        return reply.redirect(outcome.responseUrl, 303);
      }
      if (outcome.kind === 'response') return reply.redirect(loggedOutPath, 303);
      return loginProblem(request, reply, 400, 'failed');
    };

    loggedOutPage(app);

    app.get(
      '/saml/slo',
      {
        config: { rateLimit: identificationRateLimit },
        schema: { hide: true, querystring: redirectBindingQuery },
      },
      async (request, reply) => {
        // The signature covers the query exactly as sent, so node-saml is given the raw string too.
        const mark = request.url.indexOf('?');
        const rawQuery = mark < 0 ? '' : request.url.slice(mark + 1);
        return singleLogout(request, reply, { query: fieldsOf(request.query), rawQuery });
      },
    );

    app.post(
      '/saml/slo',
      {
        config: { rateLimit: identificationRateLimit, citizenSessionExempt: true },
        schema: { hide: true, body: postBindingBody },
      },
      async (request, reply) => singleLogout(request, reply, { body: fieldsOf(request.body) }),
    );
  };
}
