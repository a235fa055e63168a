import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import { isLocale } from '../../../i18n/i18n.js';
import type { AccountService } from '../../../modules/accounts/index.js';
import type { AccessLog } from '../../../modules/audit/index.js';
import type { ConsentService } from '../../../modules/consents/index.js';
import { NotFoundError } from '../../../errors.js';
import { cookieOptions, requireAccount } from '../../plugins/citizen-session.js';
import { languageCookie, pageContext } from '../../plugins/request-context.js';
import {
  AccountClosedPage,
  CloseAccountPage,
  SettingsPage,
  type SettingsValues,
} from '../../views/account/settings-pages.js';
import { AccessLogPageView } from '../../views/account/access-log-page.js';
import { renderPage } from '../../views/render.js';
import { contactFormFields, contactValuesOf } from './contact-form.js';

const SettingsForm = Type.Object(
  { ...contactFormFields, language: Type.Optional(Type.String({ maxLength: 10 })) },
  { additionalProperties: false },
);
const CsrfOnly = Type.Object({ _csrf: Type.Optional(Type.String()) }, { additionalProperties: false });
const ConsentParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
/** The outcome of the previous action (post/redirect/get); fixed values, so nothing is echoed. */
const AccessLogQuery = Type.Object(
  {
    view: Type.Optional(Type.Literal('own')),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
const SettingsQuery = Type.Object({
  saved: Type.Optional(Type.String()),
  withdrawn: Type.Optional(Type.Literal('1')),
});

const html = 'text/html; charset=utf-8';
const oneYear = 365 * 24 * 3600;

/**
 * /settings (contact details, reminders, language, the consents organisations recorded),
 * /settings/consents/:id/withdraw, /settings/access-log ("Kuka on katsonut tietojani") and
 * /settings/close.
 */
export function accountSettingsRoutes(
  context: AppContext,
  accounts: AccountService,
  consents: ConsentService,
  accessLog: AccessLog,
): FastifyPluginAsyncTypebox {
  const consentsDecideDelivery = context.config.deliveryConsent === 'per-organisation';
  return async (app) => {
    app.get('/settings', { schema: { hide: true, querystring: SettingsQuery } }, async (request, reply) => {
      const citizen = requireAccount(request, reply);
      if (!citizen) return reply;
      const account = await accounts.findAccount(citizen.accountId);
      if (!account) throw new NotFoundError('account not found');
      const values: SettingsValues = {
        email: account.email ?? '',
        emailNotifications: account.emailNotifications,
        mobile: account.mobile ?? '',
        smsNotifications: account.smsNotifications,
        language: account.language,
      };
      const page = SettingsPage({
        ctx: pageContext(request),
        values,
        problems: [],
        saved: request.query.saved === '1',
        account,
        consents: await consents.forPerson(citizen.identityCode),
        consentsDecideDelivery,
        consentWithdrawn: request.query.withdrawn === '1',
      });
      return reply.type(html).send(renderPage(page));
    });

    app.post('/settings', { schema: { hide: true, body: SettingsForm } }, async (request, reply) => {
      const citizen = requireAccount(request, reply);
      if (!citizen) return reply;
      const values: SettingsValues = {
        ...contactValuesOf(request.body),
        language: request.body.language ?? '',
      };
      const result = await accounts.updateSettings(citizen.accountId, values);
      if (result.kind === 'invalid') {
        const account = await accounts.findAccount(citizen.accountId);
        if (!account) throw new NotFoundError('account not found');
        const page = SettingsPage({
          ctx: pageContext(request),
          values,
          problems: result.problems,
          saved: false,
          account,
          consents: await consents.forPerson(citizen.identityCode),
          consentsDecideDelivery,
          consentWithdrawn: false,
        });
        return reply.status(400).type(html).send(renderPage(page));
      }
      // The chosen language applies to the pages at once (the language switch remembers it the same way).
      if (isLocale(values.language)) {
        void reply.setCookie(languageCookie, values.language, cookieOptions(context, oneYear));
      }
      return reply.redirect('/settings?saved=1', 303);
    });

    // Someone else's consent, an unknown one or one withdrawn already: the service's NotFoundError (404).
    app.post(
      '/settings/consents/:id/withdraw',
      { schema: { hide: true, params: ConsentParams, body: CsrfOnly } },
      async (request, reply) => {
        const citizen = requireAccount(request, reply);
        if (!citizen) return reply;
        await consents.withdrawByCitizen(citizen.identityCode, request.params.id, {
          accountId: citizen.accountId,
          requestId: request.id,
        });
        return reply.redirect('/settings?withdrawn=1#consents', 303);
      },
    );

    app.get(
      '/settings/access-log',
      { schema: { hide: true, querystring: AccessLogQuery } },
      async (request, reply) => {
        const citizen = requireAccount(request, reply, { termsDue: 'allow' });
        if (!citizen) return reply;
        const whose = request.query.view === 'own' ? 'own' : 'others';
        const log = await accessLog.forAccount(citizen.accountId, whose, request.query.page ?? 1);
        const page = AccessLogPageView({ ctx: pageContext(request), whose, log });
        return reply.type(html).send(renderPage(page));
      },
    );

    app.get('/settings/close', { schema: { hide: true } }, async (request, reply) => {
      const citizen = requireAccount(request, reply, { termsDue: 'allow' });
      if (!citizen) return reply;
      return reply.type(html).send(renderPage(CloseAccountPage({ ctx: pageContext(request) })));
    });

    app.post('/settings/close', { schema: { hide: true, body: CsrfOnly } }, async (request, reply) => {
      const citizen = requireAccount(request, reply, { termsDue: 'allow' });
      if (!citizen) return reply;
      await accounts.close(citizen.accountId);
      return reply.type(html).send(renderPage(AccountClosedPage({ ctx: pageContext(request) })));
    });
  };
}
