import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { AppContext } from '../app-context.js';
import type { AppServices } from '../services.js';
import type { TestIdpClient } from '../test-idp/test-idp.js';
import { citizenSessionPlugin } from './plugins/citizen-session.js';
import { answerUnroutable, errorHandlerPlugin } from './plugins/error-handler.js';
import { loadSheddingPlugin } from './plugins/load-shedding.js';
import { nulGuardPlugin } from './plugins/nul-guard.js';
import { requestContextPlugin } from './plugins/request-context.js';
import { staffSessionPlugin } from './plugins/staff-session.js';
import { assetRoutes } from './plugins/asset-routes.js';
import { stylesheetRoute } from './plugins/stylesheet-route.js';
import { isApiUrl } from './routes/api/api-wire.js';
import { organisationApiRoutes } from './routes/api/index.js';
import { evidenceKeyRoutes } from './routes/evidence-keys.js';
import { healthRoutes, metricsRoute } from './routes/ops.js';
import { accountRoutes } from './routes/web/account-routes.js';
import { consentFormRoutes } from './routes/web/consent-form-routes.js';
import { catalogueRoutes } from './routes/web/catalogue-routes.js';
import { feedbackRoutes } from './routes/web/feedback-routes.js';
import { mailboxRoutes } from './routes/web/mailbox-routes.js';
import { publicInfoRoutes } from './routes/web/public-info-routes.js';
import { publicPageRoutes } from './routes/web/public-pages.js';
import { staffRoutes } from './routes/staff/index.js';
import { registerSecurityHeaders } from './security-headers.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * Builds the HTTP application: external plugins first, then our own cross-cutting plugins, then
 * routes. Each route validates its input with a TypeBox schema and calls a service.
 */
export interface BuildAppOptions {
  /** Adds routes inside the organisation API's scope (tests use it for routes that fail on purpose). */
  extendApi?: (api: App) => void;
  /** Misconfigures the bundled test IdP's registration of this service (refusal tests). */
  testIdpClient?: Pick<TestIdpClient, 'adjust'>;
}

export async function buildApp(
  context: AppContext,
  services: AppServices,
  options: BuildAppOptions = {},
): Promise<App> {
  const app = Fastify({
    loggerInstance: context.logger as FastifyBaseLogger,
    // The request id is a UUID (the API's traceId header carries it); a proxy's UUID is kept so one
    // id follows the request through both logs.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && uuidPattern.test(given) ? given.toLowerCase() : randomUUID();
    },
    requestIdHeader: false,
    // X-Forwarded-For is believed only from our own proxies (TRUSTED_PROXIES), hop by hop.
    trustProxy: context.config.trustedProxies.length > 0 ? context.config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    // Sessions of case workers and citizens are short; keep-alive connections must not hold
    // shutdown hostage, so idle sockets are closed when the server stops.
    forceCloseConnections: 'idle',
    frameworkErrors: answerUnroutable(isApiUrl),
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    context.metrics.httpRequestDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  await registerSecurityHeaders(app, { https: context.config.publicUrl.protocol === 'https:' });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(stylesheetRoute);
  await app.register(assetRoutes);
  await app.register(requestContextPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(loadSheddingPlugin(context));
  await app.register(nulGuardPlugin);
  await app.register(
    citizenSessionPlugin(context, services.accounts.sessions, {
      unreadCount: (accountId) => services.mailbox.reading.unreadCount(accountId),
    }),
  );
  await app.register(staffSessionPlugin(context, services.staff.sessions));

  await app.register(healthRoutes(context));
  await app.register(evidenceKeyRoutes(services.evidence));
  if (context.config.metricsToken !== undefined) {
    await app.register(metricsRoute(context, { token: context.config.metricsToken }));
  }
  await app.register(
    publicPageRoutes(context, {
      listConnectedOrganisations: (locale) => services.organisations.connectedOrganisations(locale),
    }),
  );

  await app.register(publicInfoRoutes(context));
  await app.register(catalogueRoutes(services.catalogue));
  await app.register(feedbackRoutes(services.feedback));
  await app.register(consentFormRoutes(services.consents));

  await app.register(organisationApiRoutes(context, services, options.extendApi));
  await app.register(accountRoutes(context, services, options.testIdpClient));
  await app.register(mailboxRoutes(context, services));
  await app.register(staffRoutes(context, services));

  return app;
}
