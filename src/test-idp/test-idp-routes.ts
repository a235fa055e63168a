import type { IncomingMessage } from 'node:http';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Interaction, Provider } from 'oidc-provider';
import type { AppContext } from '../app-context.js';
import { isValidIdentityCode } from '../domain/identity-code.js';
import { languageCookie, pageContext } from '../http/plugins/request-context.js';
import { isLocale, translator } from '../i18n/i18n.js';
import type { PageContext } from '../http/views/page-context.js';
import { identificationRateLimit } from '../http/routes/web/identification-rate-limit.js';
import { renderPage } from '../http/views/render.js';
import { assuranceOf, isMethodId, type MethodId } from './identification-methods.js';
import { logoutConfirmPath, testIdpPath, type BundledIdp } from './test-idp.js';
import {
  IdentityCodePage,
  IdpErrorPage,
  MethodChoicePage,
  type IdentityCodeProblem,
} from './test-idp-pages.js';

const Uid = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });

/**
 * The IdP's pages never show the service's signed-in bar: they belong to another party. Like a
 * broker, they speak the language the service asked for (`ui_locales`) unless the person has chosen
 * one here (the language links or the cookie they set).
 */
function idpPageContext(request: FastifyRequest, interaction?: Interaction): PageContext {
  const { signedInName: _name, csrfToken: _token, ...rest } = pageContext(request);
  const asked = String(interaction?.params.ui_locales ?? '').split(' ')[0];
  const chosen = (request.query as { lang?: unknown } | undefined)?.lang ?? request.cookies[languageCookie];
  if (chosen === undefined && isLocale(asked)) return { ...rest, locale: asked, t: translator(asked) };
  return rest;
}

function html(reply: FastifyReply, page: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(page);
}

/**
 * Mounts the bundled test IdP under /test-idp. The interaction pages (choosing the method, entering
 * the identity code) are ordinary Fastify routes with our views, security headers and body parsing;
 * every other path is handed, untouched, to oidc-provider's own request handler.
 */
export function testIdpRoutes(context: AppContext, idp: BundledIdp): FastifyPluginAsyncTypebox {
  /** The pending interaction, only if it is the one the URL names (the cookie is the authority). */
  async function interactionFor(
    request: FastifyRequest,
    reply: FastifyReply,
    uid: string,
  ): Promise<Interaction | undefined> {
    const provider = await idp.provider();
    try {
      // oidc-provider needs the raw request and response only to build its context; reading the
      // interaction touches cookies on the request and never writes to the response.
      const interaction = await provider.interactionDetails(request.raw, reply.raw);
      return interaction.uid === uid ? interaction : undefined;
    } catch {
      return undefined;
    }
  }

  const expired = (request: FastifyRequest, reply: FastifyReply) =>
    html(reply, renderPage(IdpErrorPage({ ctx: idpPageContext(request) })), 400);

  return async (app) => {
    app.get(
      `${testIdpPath}/interaction/:uid`,
      {
        schema: {
          hide: true,
          params: Uid,
          querystring: Type.Object({ method: Type.Optional(Type.String()) }),
        },
      },
      async (request, reply) => {
        const interaction = await interactionFor(request, reply, request.params.uid);
        if (!interaction) return expired(request, reply);
        const ctx = idpPageContext(request, interaction);
        const method = request.query.method;
        if (isMethodId(method)) {
          return html(reply, renderPage(IdentityCodePage({ ctx, uid: interaction.uid, method })));
        }
        return html(reply, renderPage(MethodChoicePage({ ctx, uid: interaction.uid })));
      },
    );

    app.post(
      `${testIdpPath}/interaction/:uid/login`,
      {
        config: { rateLimit: identificationRateLimit },
        schema: {
          hide: true,
          params: Uid,
          body: Type.Object({ method: Type.String(), identityCode: Type.String({ maxLength: 100 }) }),
        },
      },
      async (request, reply) => {
        const interaction = await interactionFor(request, reply, request.params.uid);
        const method = request.body.method;
        if (!interaction || !isMethodId(method)) return expired(request, reply);
        // People type the check letter and century sign in either case; the code itself is upper case.
        const code = request.body.identityCode.trim().toUpperCase();
        let problem: IdentityCodeProblem | undefined;
        if (!isValidIdentityCode(code)) problem = 'invalid';
        else if (!(await context.populationRegister.findByIdentityCode(code))) problem = 'unknown';
        if (problem) {
          const page = IdentityCodePage({
            ctx: idpPageContext(request, interaction),
            uid: interaction.uid,
            method: method as MethodId,
            value: request.body.identityCode,
            problem,
          });
          return html(reply, renderPage(page), 400);
        }
        const provider = await idp.provider();
        const returnTo = await provider.interactionResult(
          request.raw,
          reply.raw,
          { login: { accountId: code, acr: assuranceOf(method), amr: [method], remember: false } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(returnTo, 303);
      },
    );

    app.post(
      `${testIdpPath}/interaction/:uid/abort`,
      { schema: { hide: true, params: Uid } },
      async (request, reply) => {
        const interaction = await interactionFor(request, reply, request.params.uid);
        if (!interaction) return expired(request, reply);
        const provider = await idp.provider();
        const returnTo = await provider.interactionResult(
          request.raw,
          reply.raw,
          { error: 'access_denied', error_description: 'identification cancelled' },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(returnTo, 303);
      },
    );

    // The logout the service asked for with a matching id_token_hint, confirmed without a page: the
    // browser brings the confirmation secret oidc-provider put in its session, and this route sends
    // oidc-provider's own confirmation request for it (with the browser's cookies) and passes its
    // answer on: the provider session ends and the browser goes to the service's post-logout page.
    app.get(
      logoutConfirmPath,
      {
        schema: {
          hide: true,
          querystring: Type.Object({ xsrf: Type.String({ pattern: '^[0-9a-f]{1,128}$' }) }),
        },
      },
      async (request, reply) => {
        const { publicUrl } = context.config;
        const confirmed = await app.inject({
          method: 'POST',
          url: `${testIdpPath}/session/end/confirm`,
          headers: {
            host: publicUrl.host,
            'x-forwarded-proto': publicUrl.protocol.replace(':', ''),
            'content-type': 'application/x-www-form-urlencoded',
            ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
          },
          payload: new URLSearchParams({ xsrf: request.query.xsrf, logout: 'yes' }).toString(),
          remoteAddress: request.ip,
        });
        const location = confirmed.headers.location;
        if (confirmed.statusCode !== 303 || typeof location !== 'string') return expired(request, reply);
        const cookies = confirmed.headers['set-cookie'];
        if (cookies !== undefined) void reply.header('set-cookie', cookies);
        return reply.redirect(location, 303);
      },
    );

    // Everything else belongs to oidc-provider (a Koa app), which reads request bodies itself: in
    // this scope Fastify's parsers are replaced by one that leaves the stream untouched.
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
      let handle: ReturnType<Provider['callback']> | undefined;
      const forward = async (request: FastifyRequest, reply: FastifyReply) => {
        const provider = await idp.provider();
        handle ??= provider.callback();
        const path = (request.raw.url ?? '').split('?')[0] ?? '';
        const query = new URLSearchParams((request.raw.url ?? '').split('?')[1] ?? '');
        // oidc-provider answers these with self-submitting pages (inline script). Our client never
        // asks for form_post, so refuse it; and a logout without a provider session has nothing to
        // confirm, so it goes straight back to the one registered post-logout address.
        if (query.has('response_mode') && query.get('response_mode') !== 'query')
          return expired(request, reply);
        if (path === `${testIdpPath}/session/end`) {
          const session = await provider.Session.get(provider.app.createContext(request.raw, reply.raw));
          if (!session.accountId) {
            return reply.redirect(new URL('/logged-out', context.config.publicUrl).href, 303);
          }
        }
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        const url = raw.url ?? testIdpPath;
        // oidc-provider routes relative to its mount path and derives that from originalUrl.
        raw.originalUrl = url;
        const rest = url.slice(testIdpPath.length);
        raw.url = rest.startsWith('/') ? rest : `/${rest}`;
        reply.hijack();
        handle(raw, reply.raw);
      };
      scope.all(testIdpPath, { schema: { hide: true } }, forward);
      scope.all(`${testIdpPath}/*`, { schema: { hide: true } }, forward);
    });
  };
}
