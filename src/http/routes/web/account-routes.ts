import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import { clientProfile } from '../../../modules/identity/index.js';
import type { AppServices } from '../../../services.js';
import type { TestIdpClient } from '../../../test-idp/test-idp.js';
import { accountInfoRoutes } from './account-info-routes.js';
import { accountOpenRoutes } from './account-open-routes.js';
import { accountSettingsRoutes } from './account-settings-routes.js';
import { accountTermsRoutes } from './account-terms-routes.js';
import { identityRoutes } from './identity-routes.js';
import { samlRoutes } from './saml-routes.js';

/** Identification, session, opening the account, settings and closing the account. */
export function accountRoutes(
  context: AppContext,
  services: AppServices,
  testIdpClient?: Pick<TestIdpClient, 'adjust'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Only routes that ask for it (config.rateLimit) are limited: identification, see
    // identification-rate-limit.ts. Registered in this scope, apart from the organisation API's own.
    // Counted in each process's memory: anonymous traffic must not write to the database, and the
    // identification service itself limits attempts; with N web processes the limit is N times this.
    await app.register(rateLimit, { global: false });
    // The bundled test IdP stands in for a real provider only when none is configured, and only in
    // test or demo mode; otherwise its routes do not exist at all.
    const { saml } = services.accounts;
    if (!context.config.oidc && context.testMode && !saml) {
      // Loaded only here, so a production process never even imports the test IdP's code.
      const { inProcessFetch } = await import('../../../test-idp/in-process-fetch.js');
      const { createBundledIdp } = await import('../../../test-idp/test-idp.js');
      const { testIdpRoutes } = await import('../../../test-idp/test-idp-routes.js');
      const { identification } = services.accounts;
      const keys = identification.relyingPartyKeyStore;
      // The test IdP is in this process: it reads our public JWKS as we publish it, at each use, as
      // a broker reads our jwks_uri (so it follows a key rotation without a restart).
      const idp = createBundledIdp(context, {
        ...testIdpClient,
        jwks: keys && (() => keys.current().publicJwks()),
      });
      await app.register(testIdpRoutes(context, idp));
      // The provider is built on first use; once the server listens, build it in the background so
      // the first person to identify does not wait for it, while the start itself does not either.
      app.addHook('onListen', async () => {
        idp.provider().catch((error: unknown) => {
          context.logger.error({ err: error }, 'the test identification service could not start');
        });
      });
      // Made (or read) now rather than at the first login, which then writes nothing to the database.
      const secrets = await idp.secrets();
      identification.useProvider({
        issuer: idp.issuer,
        clientId: idp.clientId,
        profile: clientProfile(context.config, keys, secrets.clientSecret),
        identityCodeClaims: context.config.oidcIdentityCodeClaims,
        allowHttp: idp.issuer.protocol === 'http:',
        fetch: inProcessFetch(app, context.config.publicUrl),
        forceLogin: true,
      });
      // The staff pages' own client at the same test IdP, unless STAFF_OIDC_* names a real one.
      if (!context.config.staffOidc) {
        services.staff.identification.login.useProvider({
          issuer: idp.issuer,
          clientId: idp.staffClientId,
          profile: clientProfile(context.config, keys, secrets.clientSecret),
          identityCodeClaims: context.config.oidcIdentityCodeClaims,
          allowHttp: idp.issuer.protocol === 'http:',
          fetch: inProcessFetch(app, context.config.publicUrl),
          forceLogin: true,
        });
      }
    }
    await app.register(
      saml ? samlRoutes(context, services.accounts, saml) : identityRoutes(context, services.accounts),
    );
    await app.register(accountOpenRoutes(services.accounts.accounts));
    await app.register(
      accountSettingsRoutes(context, services.accounts.accounts, services.consents, services.audit.accessLog),
    );
    await app.register(accountTermsRoutes(context, services.accounts.accounts));
    await app.register(accountInfoRoutes());
  };
}
