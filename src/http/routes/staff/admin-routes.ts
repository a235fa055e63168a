import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type ComponentChildren } from 'preact';
import { isValidIdentityCode } from '../../../domain/identity-code.js';
import { NotFoundError, ValidationError } from '../../../errors.js';
import { maskIdentityCode } from '../../../modules/messages/index.js';
import {
  AdminInputError,
  localisedName,
  type AdminActor,
  type AdminProblem,
  type OrganisationAdmin,
  type OrganisationService,
} from '../../../modules/organisations/index.js';
import type { StaffService } from '../../../modules/staff/index.js';
import { requireStaff, type SignedInStaff } from '../../plugins/staff-session.js';
import { pageContext } from '../../plugins/request-context.js';
import type { PageContext } from '../../views/page-context.js';
import {
  AdminAllowlistBody,
  AdminCredentialCreatedBody,
  AdminCredentialsBody,
  AdminRevokeCredentialBody,
  allowlistEntries,
} from '../../views/staff/admin-credential-pages.js';
import { AdminStaffPage, adminStaffPath } from '../../views/staff/admin-pages.js';
import { adminBase, adminPaths } from '../../views/staff/admin-parts.js';
import {
  AdminStaffBody,
  serviceFieldPrefix,
  type AdminStaffForm,
  type AdminStaffProblem,
  type AdminStaffRow,
} from '../../views/staff/admin-staff-pages.js';
import {
  AdminDeactivateServiceBody,
  AdminServiceFormBody,
  AdminServicesBody,
  parseServiceForm,
  serviceFormValues,
  type ServiceFormValues,
} from '../../views/staff/admin-service-pages.js';
import { staffFrame } from './staff-start-routes.js';
import { sendPersonalPage } from '../personal-page.js';

const html = Type.String();

const ServiceParams = Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 200 }) });
const CredentialParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 200 }) });
/** The outcome of the previous action (post/redirect/get); fixed lists, so nothing is echoed. */
const ServicesQuery = Type.Object({
  ilmoitus: Type.Optional(
    Type.Union([Type.Literal('saved'), Type.Literal('added'), Type.Literal('deactivated')]),
  ),
});
const CredentialsQuery = Type.Object({
  ilmoitus: Type.Optional(Type.Union([Type.Literal('revoked'), Type.Literal('allowlistSaved')])),
});
const CsrfBody = Type.Object({ _csrf: Type.String() });
/**
 * The service form, urlencoded with flat names (`nameFi`, `forms.0.url`, …): parseServiceForm reads
 * the known ones. Long enough that an over-long text comes back to the form with its problem.
 */
const ServiceFormBody = Type.Object(
  { _csrf: Type.String() },
  { additionalProperties: Type.String({ maxLength: 10_000 }), maxProperties: 400 },
);
const AllowlistBody = Type.Object({ _csrf: Type.String(), allowedIps: Type.String({ maxLength: 10_000 }) });

/** The admin as OrganisationAdmin sees them: the staff member, and the request for the audit. */
function adminActor(staff: SignedInStaff, request: FastifyRequest): AdminActor {
  return { staffMemberId: staff.staffMemberId, requestId: request.id };
}

/** An admin page: never kept by a cache (forms with the session's token, credentials' details). */
function sendAdminPage(
  reply: FastifyReply,
  request: FastifyRequest,
  staff: SignedInStaff,
  page: { title: string; hasErrors?: boolean; body: ComponentChildren },
  status = 200,
): FastifyReply {
  const ctx = pageContext(request);
  const vnode = AdminStaffPage({
    ctx,
    frame: staffFrame(staff),
    title: page.title,
    hasErrors: page.hasErrors,
    children: page.body,
  });
  return sendPersonalPage(reply, vnode, status);
}

function serviceForm(
  ctx: PageContext,
  mode: 'add' | 'edit',
  values: ServiceFormValues,
  problems: readonly AdminProblem[],
) {
  return {
    title: ctx.t(mode === 'add' ? 'staffAdmin.serviceForm.addTitle' : 'staffAdmin.serviceForm.editTitle'),
    hasErrors: problems.length > 0,
    body: h(AdminServiceFormBody, { ctx, mode, values, problems }),
  };
}

type AdminApp = Parameters<FastifyPluginAsyncTypebox>[0];

/** A change an admin confirms on a page of its own (deactivating a service, revoking a credential). */
interface Confirmation<P extends TObject, T> {
  /** GET shows the confirmation page at this path; its form POSTs back to it. */
  path: string;
  params: P;
  /** The thing to change, of the admin's organisation (OrganisationAdmin: another's is a 404). */
  find: (organisationId: number, params: Static<P>) => Promise<T>;
  /** Changed already: nothing to confirm, and confirming again changes nothing more. */
  done: (thing: T) => boolean;
  page: (ctx: PageContext, thing: T) => { title: string; body: ComponentChildren };
  change: (organisationId: number, params: Static<P>, actor: AdminActor) => Promise<unknown>;
  /** The list the admin returns to, and the notice it shows after the change. */
  listPath: string;
  notice: string;
}

/**
 * Both routes of a confirmation. Repeating the POST (a second click, the back button) or opening the
 * page of something changed already leads back to the list without changing anything more.
 */
function confirmationRoutes<P extends TObject, T>(app: AdminApp, confirmation: Confirmation<P, T>) {
  const config = { staffAccess: 'admin' as const };
  // Fastify has validated the params against `confirmation.params`; the type provider cannot name
  // that type for a generic schema, so it is said here.
  const confirmedParams = (params: unknown) => params as Static<P>;
  app.get(
    confirmation.path,
    { config, schema: { hide: true, params: confirmation.params, response: { 200: html } } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const ctx = pageContext(request);
      const thing = await confirmation.find(staff.organisation.id, confirmedParams(request.params));
      if (confirmation.done(thing)) return reply.redirect(confirmation.listPath, 303);
      return sendAdminPage(reply, request, staff, confirmation.page(ctx, thing));
    },
  );
  // The staff session plugin has checked the form's _csrf token before this handler runs.
  app.post(
    confirmation.path,
    { config, schema: { hide: true, params: confirmation.params, body: CsrfBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const params = confirmedParams(request.params);
      const thing = await confirmation.find(staff.organisation.id, params);
      if (!confirmation.done(thing)) {
        await confirmation.change(staff.organisation.id, params, adminActor(staff, request));
      }
      return reply.redirect(`${confirmation.listPath}?ilmoitus=${confirmation.notice}`, 303);
    },
  );
}

/** The allowlist textarea's text for stored entries: one per line. */
const allowlistText = (entries: readonly string[]) => entries.join('\n');

/**
 * §4 Admin: an organisation admin's services (the public catalogue's fields) and API credentials
 * under /virkailija/hallinta. Admins only (`staffAccess: 'admin'`); OrganisationAdmin treats anything
 * of another organisation as unknown, so it is a 404. Confirmations GET and POST the same path;
 * after a change the browser is sent (303) to the list with a notice, except for new credentials,
 * whose password page is the creating POST's own answer.
 */
export function adminRoutes(admin: OrganisationAdmin): FastifyPluginAsyncTypebox {
  return async (app) => {
    const config = { staffAccess: 'admin' as const };

    app.get(adminBase, { config, schema: { hide: true } }, async (_request, reply) =>
      reply.redirect(adminPaths.services, 303),
    );

    app.get(
      adminPaths.services,
      { config, schema: { hide: true, querystring: ServicesQuery, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const ctx = pageContext(request);
        const services = await admin.listServices(staff.organisation.id);
        return sendAdminPage(reply, request, staff, {
          title: ctx.t('staffAdmin.services.title'),
          body: h(AdminServicesBody, { ctx, services, notice: request.query.ilmoitus }),
        });
      },
    );

    app.get(
      adminPaths.newService,
      { config, schema: { hide: true, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const ctx = pageContext(request);
        return sendAdminPage(reply, request, staff, serviceForm(ctx, 'add', serviceFormValues(), []));
      },
    );

    // The staff session plugin has checked the form's _csrf token before these handlers run.
    app.post(
      adminPaths.newService,
      { config, schema: { hide: true, body: ServiceFormBody, response: { 400: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const values = parseServiceForm(request.body);
        try {
          await admin.addService(staff.organisation.id, values, adminActor(staff, request));
          return reply.redirect(`${adminPaths.services}?ilmoitus=added`, 303);
        } catch (error) {
          if (!(error instanceof AdminInputError)) throw error;
          const ctx = pageContext(request);
          return sendAdminPage(reply, request, staff, serviceForm(ctx, 'add', values, error.problems), 400);
        }
      },
    );

    app.get(
      `${adminPaths.services}/:serviceId`,
      { config, schema: { hide: true, params: ServiceParams, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const ctx = pageContext(request);
        const service = await admin.getService(staff.organisation.id, request.params.serviceId);
        return sendAdminPage(reply, request, staff, serviceForm(ctx, 'edit', serviceFormValues(service), []));
      },
    );

    app.post(
      `${adminPaths.services}/:serviceId`,
      {
        config,
        schema: { hide: true, params: ServiceParams, body: ServiceFormBody, response: { 400: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const { serviceId } = request.params;
        const values = { ...parseServiceForm(request.body), serviceId };
        try {
          await admin.updateService(staff.organisation.id, serviceId, values, adminActor(staff, request));
          return reply.redirect(`${adminPaths.services}?ilmoitus=saved`, 303);
        } catch (error) {
          if (!(error instanceof AdminInputError)) throw error;
          const ctx = pageContext(request);
          return sendAdminPage(reply, request, staff, serviceForm(ctx, 'edit', values, error.problems), 400);
        }
      },
    );

    confirmationRoutes(app, {
      path: `${adminPaths.services}/:serviceId/poista-kaytosta`,
      params: ServiceParams,
      find: (organisationId, { serviceId }) => admin.getService(organisationId, serviceId),
      // Deactivated already.
      done: (service) => !service.active,
      page: (ctx, service) => ({
        title: ctx.t('staffAdmin.deactivate.title'),
        body: h(AdminDeactivateServiceBody, { ctx, service }),
      }),
      change: (organisationId, { serviceId }, actor) =>
        admin.deactivateService(organisationId, serviceId, actor),
      listPath: adminPaths.services,
      notice: 'deactivated',
    });

    app.get(
      adminPaths.credentials,
      { config, schema: { hide: true, querystring: CredentialsQuery, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const ctx = pageContext(request);
        const credentials = await admin.listCredentials(staff.organisation.id);
        return sendAdminPage(reply, request, staff, {
          title: ctx.t('staffAdmin.credentials.title'),
          body: h(AdminCredentialsBody, { ctx, credentials, notice: request.query.ilmoitus }),
        });
      },
    );

    // Answers with the new password itself (shown once, never a redirect target, never cached).
    app.post(
      adminPaths.credentials,
      {
        config,
        schema: { hide: true, body: AllowlistBody, response: { 200: html, 400: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const ctx = pageContext(request);
        const typed = request.body.allowedIps;
        try {
          const created = await admin.createCredential(
            staff.organisation.id,
            { allowIps: allowlistEntries(typed) },
            adminActor(staff, request),
          );
          return sendAdminPage(reply, request, staff, {
            title: ctx.t('staffAdmin.created.title'),
            body: h(AdminCredentialCreatedBody, { ctx, created }),
          });
        } catch (error) {
          if (!(error instanceof AdminInputError)) throw error;
          const credentials = await admin.listCredentials(staff.organisation.id);
          const body = h(AdminCredentialsBody, {
            ctx,
            credentials,
            allowlistValue: typed,
            problems: error.problems,
          });
          const title = ctx.t('staffAdmin.credentials.title');
          return sendAdminPage(reply, request, staff, { title, hasErrors: true, body }, 400);
        }
      },
    );

    confirmationRoutes(app, {
      path: `${adminPaths.credentials}/:username/peru`,
      params: CredentialParams,
      find: (organisationId, { username }) => admin.getCredential(organisationId, username),
      done: (credential) => credential.revokedAt !== null,
      page: (ctx, credential) => ({
        title: ctx.t('staffAdmin.revoke.title'),
        body: h(AdminRevokeCredentialBody, { ctx, credential }),
      }),
      change: (organisationId, { username }, actor) =>
        admin.revokeCredential(organisationId, username, actor),
      listPath: adminPaths.credentials,
      notice: 'revoked',
    });

    app.get(
      `${adminPaths.credentials}/:username/sallitut-osoitteet`,
      { config, schema: { hide: true, params: CredentialParams, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const ctx = pageContext(request);
        const credential = await admin.getCredential(staff.organisation.id, request.params.username);
        if (credential.revokedAt !== null) return reply.redirect(adminPaths.credentials, 303);
        const value = allowlistText(credential.allowedIps);
        return sendAdminPage(reply, request, staff, {
          title: ctx.t('staffAdmin.allowlist.title'),
          body: h(AdminAllowlistBody, { ctx, credential, value, problems: [] }),
        });
      },
    );

    app.post(
      `${adminPaths.credentials}/:username/sallitut-osoitteet`,
      {
        config,
        schema: { hide: true, params: CredentialParams, body: AllowlistBody, response: { 400: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const { username } = request.params;
        const typed = request.body.allowedIps;
        try {
          await admin.setAllowlist(
            staff.organisation.id,
            username,
            allowlistEntries(typed),
            adminActor(staff, request),
          );
          return reply.redirect(`${adminPaths.credentials}?ilmoitus=allowlistSaved`, 303);
        } catch (error) {
          if (!(error instanceof AdminInputError)) throw error;
          const ctx = pageContext(request);
          const credential = await admin.getCredential(staff.organisation.id, username);
          const body = h(AdminAllowlistBody, {
            ctx,
            credential,
            value: typed,
            problems: error.problems,
          });
          const title = ctx.t('staffAdmin.allowlist.title');
          return sendAdminPage(reply, request, staff, { title, hasErrors: true, body }, 400);
        }
      },
    );
  };
}

const StaffQuery = Type.Object({
  ilmoitus: Type.Optional(Type.Union([Type.Literal('granted'), Type.Literal('revoked')])),
});
/** The grant form: identity code, role and one `palvelu.<id>` checkbox per chosen service. */
const GrantBody = Type.Object(
  {
    _csrf: Type.String(),
    identityCode: Type.String({ maxLength: 64 }),
    role: Type.Union([Type.Literal('admin'), Type.Literal('case_worker')]),
  },
  { additionalProperties: Type.String({ maxLength: 200 }), maxProperties: 300 },
);
const RevokeBody = Type.Object({ _csrf: Type.String(), identityCode: Type.String({ maxLength: 64 }) });

/**
 * §4 Staff roles: GET /virkailija/hallinta/henkilosto (the organisation's staff and their roles),
 * POST it (grant a role) and POST …/poista (remove a person's roles). Admins only, always in the
 * organisation they act for; the staff module audits each change with the admin as the changer.
 * An admin does not remove their own roles here (they would lose the page mid-way).
 */
export function adminStaffRoutes(deps: {
  staff: StaffService;
  organisations: OrganisationService;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    const config = { staffAccess: 'admin' as const };

    async function staffPage(
      request: FastifyRequest,
      reply: FastifyReply,
      staff: SignedInStaff,
      options: {
        form?: AdminStaffForm;
        problem?: AdminStaffProblem;
        notice?: 'granted' | 'revoked' | undefined;
      },
      status = 200,
    ) {
      const ctx = pageContext(request);
      const services = (await deps.organisations.listServices(staff.organisation.businessId)).filter(
        (service) => service.active,
      );
      const names = new Map(services.map((s) => [s.serviceId, localisedName(s, ctx.locale)]));
      const rows: AdminStaffRow[] = (await deps.staff.list(staff.organisation.businessId))
        .map((listing) => ({
          name: `${listing.firstNames} ${listing.lastName}`.trim(),
          maskedCode: maskIdentityCode(listing.identityCode),
          identityCode: listing.identityCode,
          self: listing.identityCode === staff.identityCode,
          admin: listing.admin,
          caseWorkerServices:
            listing.caseWorkerServices === 'all'
              ? ('all' as const)
              : listing.caseWorkerServices.map((id) => names.get(id) ?? id),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
      const body = h(AdminStaffBody, {
        ctx,
        path: adminStaffPath,
        staff: rows,
        services: services.map((s) => ({ serviceId: s.serviceId, name: names.get(s.serviceId)! })),
        form: options.form ?? { identityCode: '', role: 'case_worker', serviceIds: [] },
        problem: options.problem,
        notice: options.notice,
      });
      const title = ctx.t('staffAdmin.staff.title');
      return sendAdminPage(reply, request, staff, { title, hasErrors: !!options.problem, body }, status);
    }

    app.get(
      adminStaffPath,
      { config, schema: { hide: true, querystring: StaffQuery, response: { 200: html } } },
      async (request, reply) =>
        staffPage(request, reply, requireStaff(request), { notice: request.query.ilmoitus }),
    );

    app.post(
      adminStaffPath,
      { config, schema: { hide: true, body: GrantBody, response: { 400: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const body = request.body as Record<string, string>;
        const form: AdminStaffForm = {
          identityCode: request.body.identityCode.trim().toUpperCase(),
          role: request.body.role,
          serviceIds: Object.keys(body)
            .filter((name) => name.startsWith(serviceFieldPrefix) && body[name] === '1')
            .map((name) => name.slice(serviceFieldPrefix.length)),
        };
        let problem: AdminStaffProblem | undefined;
        if (!isValidIdentityCode(form.identityCode)) problem = 'identityCodeInvalid';
        else if (form.role === 'admin' && form.serviceIds.length > 0) problem = 'adminServices';
        if (!problem) {
          try {
            await deps.staff.grant({
              identityCode: form.identityCode,
              businessId: staff.organisation.businessId,
              role: form.role,
              serviceIds: form.serviceIds,
              by: { type: 'staff', id: String(staff.staffMemberId) },
              requestId: request.id,
            });
            return reply.redirect(`${adminStaffPath}?ilmoitus=granted`, 303);
          } catch (error) {
            // The register does not know the person; a service not the organisation's is a forged form.
            if (!(error instanceof ValidationError && error.field === 'identityCode')) throw error;
            problem = 'identityCodeUnknown';
          }
        }
        return staffPage(request, reply, staff, { form, problem }, 400);
      },
    );

    app.post(
      `${adminStaffPath}/poista`,
      { config, schema: { hide: true, body: RevokeBody } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const identityCode = request.body.identityCode.trim().toUpperCase();
        const listed = (await deps.staff.list(staff.organisation.businessId)).some(
          (listing) => listing.identityCode === identityCode,
        );
        if (!listed || identityCode === staff.identityCode) {
          throw new NotFoundError('not a staff member this admin may change');
        }
        await deps.staff.revoke({
          identityCode,
          businessId: staff.organisation.businessId,
          by: { type: 'staff', id: String(staff.staffMemberId) },
          requestId: request.id,
        });
        return reply.redirect(`${adminStaffPath}?ilmoitus=revoked`, 303);
      },
    );
  };
}
