import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import { helsinkiDate } from '../../../domain/legal-dates.js';
import type { ConsentChannel, ConsentService } from '../../../modules/consents/index.js';
import { requireStaff } from '../../plugins/staff-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { renderPage } from '../../views/render.js';
import {
  ConfirmConsentPage,
  ConsentListPage,
  consentPaths,
  RecordConsentPage,
  type ConsentFormValues,
} from '../../views/staff/consent-pages.js';
import { staffFrame } from './staff-start-routes.js';

const html = Type.String();
const redirect = Type.Null();
const pageType = 'text/html; charset=utf-8';

/** The outcome of the previous action (post/redirect/get); fixed values, so nothing is echoed. */
const ListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    recorded: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('existing')])),
    withdrawn: Type.Optional(Type.Literal('1')),
  },
  { additionalProperties: false },
);

/**
 * The record form's fields as typed; the service judges them (so a wrong value is a problem named on
 * the page, not a bare 400). `step`: check (the first step, the default), save (the confirmation's
 * button) or edit (back to the form with the values).
 */
const RecordForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String()),
    step: Type.Optional(Type.Union([Type.Literal('check'), Type.Literal('save'), Type.Literal('edit')])),
    identityCode: Type.Optional(Type.String({ maxLength: 40 })),
    channel: Type.Optional(Type.String({ maxLength: 20 })),
    givenOn: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

const CsrfOnly = Type.Object({ _csrf: Type.Optional(Type.String()) }, { additionalProperties: false });
const ConsentParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

function formValues(body: { identityCode?: string; channel?: string; givenOn?: string }): ConsentFormValues {
  return { identityCode: body.identityCode ?? '', channel: body.channel ?? '', givenOn: body.givenOn ?? '' };
}

/**
 * The organisation's consent register for its case workers: the list (GET /virkailija/suostumukset),
 * recording a consent in two steps (GET/POST …/uusi: the form, then the name from the register to
 * confirm, then saving) and withdrawing one (POST …/:id/peru).
 *
 * Access is `case-worker`: a consent is the organisation's, not one service's, so a case worker of
 * any of its services handles it, as they handle the clients who hand in the form; an admin who is
 * not also a case worker manages the organisation but does not see citizens' identity codes. Every
 * action is the acting organisation's only (the service scopes by organisation: someone else's
 * consent is a 404) and is audited by the service with the staff member as the actor.
 */
export function staffConsentRoutes(context: AppContext, consents: ConsentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const config = { staffAccess: 'case-worker' as const };

    app.get(
      consentPaths.list,
      { config, schema: { hide: true, querystring: ListQuery, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const { query } = request;
        const page = await consents.forOrganisation(staff.organisation.id, { page: query.page ?? 1 });
        const notice =
          query.recorded === 'new'
            ? 'recorded'
            : query.recorded === 'existing'
              ? 'existing'
              : query.withdrawn
                ? 'withdrawn'
                : undefined;
        const view = ConsentListPage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          businessId: staff.organisation.businessId,
          consents: page,
          notice,
        });
        return reply.type(pageType).send(renderPage(view));
      },
    );

    app.get(
      consentPaths.record,
      { config, schema: { hide: true, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const view = RecordConsentPage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          // Most forms are recorded the day they arrive: today in Finland, to change if not.
          values: { identityCode: '', channel: '', givenOn: helsinkiDate(context.clock()) },
          problems: [],
        });
        return reply.type(pageType).send(renderPage(view));
      },
    );

    app.post(
      consentPaths.record,
      { config, schema: { hide: true, body: RecordForm, response: { 200: html, 303: redirect, 400: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const values = formValues(request.body);
        const ctx = pageContext(request);
        const frame = staffFrame(staff);
        const step = request.body.step ?? 'check';
        if (step === 'edit') {
          return reply
            .type(pageType)
            .send(renderPage(RecordConsentPage({ ctx, frame, values, problems: [] })));
        }
        // Both steps check everything again: the confirmation's hidden fields are the client's too.
        const check = await consents.checkRecord(values);
        if (check.problems.length > 0 || check.personName === undefined) {
          const view = RecordConsentPage({ ctx, frame, values, problems: check.problems });
          return reply.status(400).type(pageType).send(renderPage(view));
        }
        if (step === 'check') {
          const view = ConfirmConsentPage({
            ctx,
            frame,
            values: { ...values, channel: values.channel as ConsentChannel },
            personName: check.personName,
          });
          return reply.type(pageType).send(renderPage(view));
        }
        // Idempotent per organisation and person while a consent is in force: a double submit, or
        // a second member recording the same form, stores one consent and says so.
        const { created } = await consents.record({
          organisationId: staff.organisation.id,
          identityCode: values.identityCode,
          channel: values.channel,
          givenOn: values.givenOn,
          recordedBy: { staffId: staff.staffMemberId, name: staff.name },
          requestId: request.id,
        });
        return reply.redirect(`${consentPaths.list}?recorded=${created ? 'new' : 'existing'}`, 303);
      },
    );

    // Another organisation's consent, an unknown one or one withdrawn already: the service's 404.
    app.post(
      '/virkailija/suostumukset/:id/peru',
      { config, schema: { hide: true, params: ConsentParams, body: CsrfOnly, response: { 303: redirect } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        await consents.withdrawByOrganisation(staff.organisation.id, request.params.id, {
          staffId: staff.staffMemberId,
          requestId: request.id,
        });
        return reply.redirect(`${consentPaths.list}?withdrawn=1`, 303);
      },
    );
  };
}
