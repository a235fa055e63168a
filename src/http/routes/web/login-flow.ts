import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppContext } from '../../../app-context.js';
import { termsAcceptanceDue, type AccountServices } from '../../../modules/accounts/index.js';
import type { LoginOutcome } from '../../../modules/identity/index.js';
import {
  cookieOptions,
  loginCookieName,
  sessionCookieName,
  termsAcceptancePath,
} from '../../plugins/citizen-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { safeReturnPath } from '../../return-path.js';
import { LoginOutcomePage } from '../../views/account/login-pages.js';
import { renderPage } from '../../views/render.js';

/**
 * The beginning and the end of a login, the same whichever protocol identifies the person (OpenID
 * Connect in identity-routes.ts, SAML in saml-routes.ts); only the middle differs.
 */

/**
 * Where a signed-in person lands: the mailbox (or the page they were after) when their account is
 * active, otherwise the opening form, which also reopens a closed account.
 */
export function landingPath(accountActive: boolean, returnTo: string, publicUrl: URL): string {
  if (!accountActive) return '/account/open';
  const path = safeReturnPath(returnTo, publicUrl);
  return path === '/' || /^\/(login|auth|logout|account\/(open|terms))(\/|\?|$)/.test(path)
    ? '/mailbox/inbox'
    : path;
}

/** GET /login's query: where to go after identifying. */
export const loginQuery = Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) });

type Begin = (
  returnTo: string,
  locale: string,
) => Promise<{ loginCookie: string; redirectTo: URL } | undefined>;

export function loginProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  problem: 'failed' | 'assurance' | 'unavailable',
) {
  const page = LoginOutcomePage({ ctx: pageContext(request), outcome: problem });
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(page));
}

/**
 * GET /login: a signed-in person goes on to their landing page; anyone else to the identity
 * provider, with the pending login in the (encrypted) login cookie set with `loginCookieOptions`.
 */
export function startLogin(context: AppContext, begin: Begin, loginCookieOptions: CookieSerializeOptions) {
  const loginCookie = loginCookieName(context);
  return async (request: FastifyRequest<{ Querystring: { return?: string } }>, reply: FastifyReply) => {
    const returnTo = safeReturnPath(request.query.return, context.config.publicUrl);
    if (request.citizen) {
      const landing = landingPath(request.citizen.accountId !== null, returnTo, context.config.publicUrl);
      return reply.redirect(landing, 303);
    }
    const started = await begin(returnTo, request.locale);
    if (!started) return loginProblem(request, reply, 503, 'unavailable');
    void reply.setCookie(loginCookie, started.loginCookie, loginCookieOptions);
    return reply.redirect(started.redirectTo.href, 303);
  };
}

/**
 * The provider's answer has been handled (the caller has cleared the login cookie): a new session
 * and the landing page, back to the start when the person cancelled, or a problem page.
 */
export async function finishLogin(
  context: AppContext,
  services: AccountServices,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: LoginOutcome,
) {
  if (!outcome.ok) {
    if (outcome.reason === 'cancelled') return reply.redirect('/', 303);
    return loginProblem(
      request,
      reply,
      400,
      outcome.reason === 'insufficient-assurance' ? 'assurance' : 'failed',
    );
  }
  // Whatever session the browser had before is ended, not upgraded: the new id is the only one.
  const sessionCookie = sessionCookieName(context);
  await services.sessions.end(request.cookies[sessionCookie]);
  void reply.setCookie(sessionCookie, outcome.cookieValue, cookieOptions(context));
  const account = await services.accounts.accountOf(outcome.session.person.identityCode);
  const landing = landingPath(account?.status === 'active', outcome.returnTo, context.config.publicUrl);
  // Newer terms of use are asked for at once, whichever page the person was going to.
  if (account?.status === 'active' && termsAcceptanceDue(account.termsVersion)) {
    return reply.redirect(`${termsAcceptancePath}?return=${encodeURIComponent(landing)}`, 303);
  }
  return reply.redirect(landing, 303);
}

/** Our "you are logged out" page, where every protocol's logout ends. */
export const loggedOutPath = '/logged-out';

/**
 * GET /logged-out: where the identification service returns the browser after its logout
 * (post_logout_redirect_uri, or the end of SAML single logout). Parameters it may add (state) are
 * ignored: the page is the same for everyone. Someone who is signed in (again, or in another tab) is
 * not told they are logged out: the start page says who.
 */
export function loggedOutPage(app: FastifyInstance): void {
  app.get(
    loggedOutPath,
    { schema: { hide: true, response: { 200: Type.String() } } },
    async (request, reply) => {
      if (request.citizen) return reply.redirect('/', 303);
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(LoginOutcomePage({ ctx: pageContext(request), outcome: 'loggedOut' })));
    },
  );
}
