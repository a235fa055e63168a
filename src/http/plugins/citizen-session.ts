import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app-context.js';
import { termsAcceptanceDue } from '../../modules/accounts/index.js';
import type { SessionService } from '../../modules/identity/index.js';
import { assertCsrfToken, csrfCheckedInHandler, csrfTokenOf, unsafeMethods } from './csrf-token.js';
import { applySavedLanguage } from './request-context.js';

/** The signed-in citizen, as every citizen page sees them. */
export interface SignedInCitizen {
  /** Hash of the session id (never the cookie value itself); safe to reference in audit records. */
  sessionId: string;
  identityCode: string;
  firstNames: string;
  lastName: string;
  /** The person's account while it is active; null when they have none or closed it. */
  accountId: number | null;
  /**
   * The person's closed account, if any. Closing keeps old messages readable: read-only pages may
   * accept it through requireMailboxReader.
   */
  closedAccountId: number | null;
  /** The active account accepted older terms of use than those in force (see requireAccount). */
  termsDue: boolean;
  /** The session's CSRF token, to put in a `_csrf` hidden field or an `x-csrf-token` header. */
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    citizen: SignedInCitizen | null;
  }
  interface FastifyContextConfig {
    /**
     * Set on multipart routes whose handler reads the `_csrf` field from the stream itself and calls
     * assertCsrf before acting. Without it, a state-changing multipart request must carry the token
     * in the `x-csrf-token` header or in a field attached to the body, or it is refused.
     */
    csrfCheckedInHandler?: boolean;
    /**
     * Set on the organisation API's routes by its own scope (routes/api/api-wire.ts): callers
     * authenticate with bearer tokens, so no citizen session is loaded and no CSRF token is asked.
     */
    citizenSessionExempt?: boolean;
    /**
     * A public form that a visitor may send without signing in (the feedback form): without a
     * session no CSRF token is asked (the form guards itself with a signed issue stamp); with one,
     * the session's token is required as everywhere else.
     */
    signedOutPostAllowed?: boolean;
    /**
     * The route never answers with a page (a download), so the navigation's unread count is not
     * read for it.
     */
    noPage?: boolean;
  }
}

/**
 * A cookie's name as the browser is to get it: under https with the `__Host-` prefix, which makes the
 * browser refuse it without Secure, a Domain or a path other than /. Citizens' and staff's cookies.
 */
export function hostCookieName(context: AppContext, name: string): string {
  return isHttps(context) ? `__Host-${name}` : name;
}

export function sessionCookieName(context: AppContext): string {
  return hostCookieName(context, 'asiointitili_session');
}

export function loginCookieName(context: AppContext): string {
  return hostCookieName(context, 'asiointitili_login');
}

export function isHttps(context: AppContext): boolean {
  return context.config.publicUrl.protocol === 'https:';
}

export function cookieOptions(context: AppContext, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    // Lax, not Strict: the identity provider's redirect back to /auth/callback is a cross-site
    // top-level navigation and must carry the login cookie.
    sameSite: 'lax' as const,
    secure: isHttps(context),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/** The test IdP has its own state checks (the organisation API marks its routes itself). */
const csrfExempt = /^\/test-idp(\/|$|\?)/;
/** Requests that never concern a citizen's session, besides the organisation API's. */
const sessionless = /^\/(assets|metrics|healthz|readyz)(\/|$|\?)/;

/**
 * Throws 403 unless `token` is the signed-in session's CSRF token. For multipart handlers that read
 * the `_csrf` field from the stream themselves (see `csrfCheckedInHandler`).
 */
export function assertCsrf(request: FastifyRequest, token: unknown): void {
  assertCsrfToken(request.citizen?.csrfToken, token);
}

/**
 * Loads the citizen's server-side session on every page request, enforces the idle and absolute
 * timeouts, refreshes the account state (an account opened or closed in another tab takes effect at
 * once) and refuses state-changing requests without the session's CSRF token.
 */
export function citizenSessionPlugin(
  context: AppContext,
  sessions: SessionService,
  mailbox: {
    /** Unread messages in Saapuneet (the mailbox module's count: one indexed query). */
    unreadCount(accountId: number): Promise<number>;
  },
): FastifyPluginAsync {
  const cookieName = sessionCookieName(context);

  return fp(
    async (app) => {
      app.decorateRequest('citizen', null);

      app.addHook('onRequest', async (request, reply) => {
        request.citizen = null;
        if (request.routeOptions.config.citizenSessionExempt || sessionless.test(request.url)) return;
        const cookieValue = request.cookies[cookieName];
        if (!cookieValue) return;
        // One query reads the session and the person's current account.
        const resumed = await sessions.resumeWithAccount(cookieValue);
        if (!resumed) {
          // Timed out or unknown: forget the cookie so the browser stops sending it.
          void reply.clearCookie(cookieName, cookieOptions(context));
          return;
        }
        const { session, account } = resumed;
        request.citizen = {
          sessionId: session.idHash,
          identityCode: session.person.identityCode,
          firstNames: session.person.firstNames,
          lastName: session.person.lastName,
          accountId: account?.status === 'active' ? account.id : null,
          closedAccountId: account?.status === 'closed' ? account.id : null,
          termsDue: account?.status === 'active' && termsAcceptanceDue(account.termsVersion),
          csrfToken: session.csrfToken,
        };
        request.pageExtras.signedInName = `${session.person.firstNames} ${session.person.lastName}`;
        request.pageExtras.csrfToken = session.csrfToken;
        request.pageExtras.hasMailbox = account !== undefined;
        request.pageExtras.accountClosed = account?.status === 'closed';
        applySavedLanguage(request, account?.language);
      });

      // The navigation's unread count, for every page that shows the mailbox navigation (a person
      // with an active or a closed account), in one place. preHandler: after the CSRF check, so a
      // refused request costs no query. The message page corrects it by the message it opens.
      app.addHook('preHandler', async (request) => {
        const accountId = request.citizen?.accountId ?? request.citizen?.closedAccountId ?? null;
        if (accountId === null || request.routeOptions.config.noPage) return;
        request.pageExtras.unreadCount = await mailbox.unreadCount(accountId);
      });

      // preValidation: the body is parsed but not yet validated, so a forged request is refused
      // before any schema error could tell the attacker anything.
      app.addHook('preValidation', async (request) => {
        if (!unsafeMethods.has(request.method) || request.routeOptions.config.citizenSessionExempt) return;
        if (csrfExempt.test(request.url)) return;
        if (request.routeOptions.config.signedOutPostAllowed && request.citizen === null) return;
        const token = csrfTokenOf(request);
        if (csrfCheckedInHandler(request, token)) return;
        assertCsrf(request, token);
      });
    },
    { name: 'citizen-session', dependencies: ['request-context', '@fastify/cookie'] },
  );
}

/** The signed-in citizen, or a redirect to identification (then `return reply` from the handler). */
export function requireCitizen(request: FastifyRequest, reply: FastifyReply): SignedInCitizen | undefined {
  if (request.citizen) return request.citizen;
  const path = request.method === 'GET' ? request.url : '/';
  void reply.redirect(`/login?return=${encodeURIComponent(path)}`, 303);
  return undefined;
}

/** Where a person whose accepted terms of use are older than those in force accepts the new ones. */
export const termsAcceptancePath = '/account/terms';

/**
 * Sends a person who must accept new terms of use to do so first (then `return`), and on to this
 * page afterwards. True when it did.
 */
function redirectedToTerms(request: FastifyRequest, reply: FastifyReply, citizen: SignedInCitizen): boolean {
  if (!citizen.termsDue) return false;
  const path = request.method === 'GET' ? request.url : '/';
  void reply.redirect(`${termsAcceptancePath}?return=${encodeURIComponent(path)}`, 303);
  return true;
}

/**
 * The signed-in citizen with an active account whose accepted terms are current; otherwise a
 * redirect to identification, opening or accepting the new terms. `termsDue: 'allow'` is for the
 * few pages a person may use before accepting: closing the account instead.
 */
export function requireAccount(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { termsDue?: 'allow' } = {},
): (SignedInCitizen & { accountId: number }) | undefined {
  const citizen = requireCitizen(request, reply);
  if (!citizen) return undefined;
  if (citizen.accountId === null) {
    void reply.redirect('/account/open', 303);
    return undefined;
  }
  if (options.termsDue !== 'allow' && redirectedToTerms(request, reply, citizen)) return undefined;
  return { ...citizen, accountId: citizen.accountId };
}

/**
 * For read-only mailbox pages: accepts a closed account too (old messages stay readable after the
 * account is closed). `readOnly` is true for a closed account; nothing may be sent or changed then.
 */
export function requireMailboxReader(
  request: FastifyRequest,
  reply: FastifyReply,
): (SignedInCitizen & { accountId: number; readOnly: boolean }) | undefined {
  const citizen = requireCitizen(request, reply);
  if (!citizen) return undefined;
  const accountId = citizen.accountId ?? citizen.closedAccountId;
  if (accountId === null) {
    void reply.redirect('/account/open', 303);
    return undefined;
  }
  if (redirectedToTerms(request, reply, citizen)) return undefined;
  return { ...citizen, accountId, readOnly: citizen.accountId === null };
}
