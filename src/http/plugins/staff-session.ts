import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app-context.js';
import { NotFoundError } from '../../errors.js';
import { localisedName } from '../../modules/organisations/index.js';
import {
  isAdmin,
  isCaseWorker,
  staffPaths,
  type StaffMembership,
  type StaffRoles,
  type StaffSession,
  type StaffSessionService,
} from '../../modules/staff/index.js';
import { cookieOptions, hostCookieName } from './citizen-session.js';
import { assertCsrfToken, csrfCheckedInHandler, csrfTokenOf, unsafeMethods } from './csrf-token.js';

/**
 * Who may open a staff page, declared on the route (`config: { staffAccess: … }`):
 * - `signed-in`: any signed-in staff member, acting for an organisation or not (the chooser);
 * - `member`: acting for an organisation, in any role (the start page);
 * - `case-worker`: acting for an organisation as a case worker of at least one of its services
 *   (each page still asks canActOnService for the service it shows);
 * - `admin`: acting for an organisation as its admin.
 * Signed out: a redirect to the staff sign-in (and back afterwards). Not yet acting: a redirect to
 * the organisation chooser. Acting without the role: 404, as for anything that is not theirs.
 */
export type StaffAccess = 'signed-in' | 'member' | 'case-worker' | 'admin';

/** The signed-in staff member acting for one organisation, as every staff page sees them. */
export interface SignedInStaff {
  /** Hash of the session id (never the cookie value itself); safe to reference in audit records. */
  sessionId: string;
  staffMemberId: number;
  identityCode: string;
  /** "First names Last name", for the header. */
  name: string;
  /** The organisation acted for, named in the page's language. */
  organisation: { id: number; businessId: string; name: string };
  roles: StaffRoles;
  /** The same, for the staff module's checks (canActOnService, isAdmin). */
  membership: StaffMembership;
  /** How many organisations the person may act for (more than one: the switch is offered). */
  organisationCount: number;
  /** The session's CSRF token, to put in a `_csrf` hidden field or an `x-csrf-token` header. */
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member acting for an organisation; null elsewhere and on every citizen page. */
    staff: SignedInStaff | null;
    /** The staff session, also before an organisation is chosen; null when none. */
    staffSession: StaffSession | null;
  }
  interface FastifyContextConfig {
    /** Set on every route of the staff scope (routes/staff): only these read a staff session. */
    staffArea?: boolean;
    /** Who may open the page (see StaffAccess); absent: a public page of the staff area. */
    staffAccess?: StaffAccess;
  }
}

/** Cookie names, apart from the citizens'. */
export function staffSessionCookieName(context: AppContext): string {
  return hostCookieName(context, 'asiointitili_staff');
}

export function staffLoginCookieName(context: AppContext): string {
  return hostCookieName(context, 'asiointitili_staff_login');
}

export { cookieOptions as staffCookieOptions };

/** Where to send someone who must sign in as staff first, to come back to this page. */
export function staffLoginRedirect(request: FastifyRequest): string {
  const path = request.method === 'GET' ? request.url : staffPaths.root;
  return `${staffPaths.login}?return=${encodeURIComponent(path)}`;
}

export const chooseOrganisationPath = `${staffPaths.root}/organisaatio`;

function signedInStaff(
  request: FastifyRequest,
  session: StaffSession,
  acting: StaffMembership,
): SignedInStaff {
  return {
    sessionId: session.idHash,
    staffMemberId: session.member.id,
    identityCode: session.member.identityCode,
    name: `${session.member.firstNames} ${session.member.lastName}`,
    organisation: {
      id: acting.organisation.id,
      businessId: acting.organisation.businessId,
      name: localisedName(acting.organisation, request.locale),
    },
    roles: acting.roles,
    membership: acting,
    organisationCount: session.memberships.length,
    csrfToken: session.csrfToken,
  };
}

function allowed(access: StaffAccess, membership: StaffMembership): boolean {
  if (access === 'admin') return isAdmin(membership);
  if (access === 'case-worker') return isCaseWorker(membership);
  return true;
}

/**
 * Loads the staff session on the staff area's routes only (marked `staffArea` by their scope), and
 * enforces each route's `staffAccess` before its handler runs; refuses state-changing requests
 * without the session's CSRF token. The citizens' plugin leaves these routes alone
 * (`citizenSessionExempt`), so a citizen cookie means nothing here and a staff cookie nothing there.
 */
export function staffSessionPlugin(context: AppContext, sessions: StaffSessionService) {
  const cookieName = staffSessionCookieName(context);
  return fp(
    async (app: FastifyInstance) => {
      app.decorateRequest('staff', null);
      app.decorateRequest('staffSession', null);

      app.addHook('onRequest', async (request, reply) => {
        request.staff = null;
        request.staffSession = null;
        const { staffArea, staffAccess } = request.routeOptions.config;
        if (!staffArea) return;
        const cookieValue = request.cookies[cookieName];
        const session = cookieValue ? await sessions.resume(cookieValue) : undefined;
        if (cookieValue && !session) void reply.clearCookie(cookieName, cookieOptions(context));
        if (session) {
          request.staffSession = session;
          if (session.acting) request.staff = signedInStaff(request, session, session.acting);
          request.pageExtras.csrfToken = session.csrfToken;
        }
        if (!staffAccess) return;
        if (!session) return reply.redirect(staffLoginRedirect(request), 303);
        if (staffAccess === 'signed-in') return;
        if (!session.acting) {
          const path = request.method === 'GET' ? request.url : staffPaths.root;
          return reply.redirect(`${chooseOrganisationPath}?return=${encodeURIComponent(path)}`, 303);
        }
        if (!allowed(staffAccess, session.acting)) throw new NotFoundError('not a page of this staff member');
      });

      // preValidation: the body is parsed but not yet validated (as for citizens' pages).
      app.addHook('preValidation', async (request) => {
        if (!request.routeOptions.config.staffArea || !unsafeMethods.has(request.method)) return;
        const token = csrfTokenOf(request);
        // Such a handler checks the token with assertStaffCsrf.
        if (csrfCheckedInHandler(request, token)) return;
        assertStaffCsrf(request, token);
      });
    },
    { name: 'staff-session', dependencies: ['request-context', '@fastify/cookie'] },
  );
}

/** Throws 403 unless `token` is the staff session's CSRF token (for multipart handlers too). */
export function assertStaffCsrf(request: FastifyRequest, token: unknown): void {
  assertCsrfToken(request.staffSession?.csrfToken, token);
}

/**
 * The signed-in staff member on a route declared with `staffAccess` 'member', 'case-worker' or
 * 'admin' (the plugin has already redirected or refused anyone else); throws if misused.
 */
export function requireStaff(request: FastifyRequest): SignedInStaff {
  if (!request.staff) throw new Error('requireStaff on a route without staffAccess');
  return request.staff;
}
