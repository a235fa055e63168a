import type { JsonWebKey } from 'node:crypto';
import type { Provider, ProviderContext } from 'oidc-provider';
import type { AppContext } from '../app-context.js';
import { ftnAssuranceLevels } from '../modules/identity/index.js';
import { isLocale, localeFromAcceptLanguage, translator, defaultLocale, type Locale } from '../i18n/i18n.js';
import type { PageContext } from '../http/views/page-context.js';
import { renderPage } from '../http/views/render.js';
import { IdpErrorPage, LoggedOutPage, LogoutPage } from './test-idp-pages.js';
import { TestIdpRecordRepository } from './test-idp-record-repository.js';
import { loadTestIdpSecrets, type TestIdpSecrets } from './test-idp-secrets.js';
import { TestIdpStore } from './test-idp-store.js';

/** Where the bundled IdP is mounted, on the service's own origin. */
export const testIdpPath = '/test-idp';
/**
 * Where the logout confirmation is completed without asking (see logoutSource): our route, which
 * hands oidc-provider its own confirmation POST.
 */
export const logoutConfirmPath = `${testIdpPath}/logout/confirm`;
/** The claim that carries the personal identity code (the relying party also accepts other names). */
export const identityCodeClaim = 'national_identification_number';

export class TestIdpUnavailableError extends Error {
  override name = 'TestIdpUnavailableError';
}

/**
 * How the service is registered at the test IdP. With the relying party's public JWKS it is
 * registered like at an FTN broker; without, with a client secret (OIDC_PROFILE=basic).
 */
export interface TestIdpClient {
  /** Our public JWKS as published now (asked at each use); undefined for OIDC_PROFILE=basic. */
  jwks: (() => { keys: JsonWebKey[] }) | undefined;
  /** Tests misconfigure the registration on purpose (e.g. no ID token encryption) with this. */
  adjust?: (registration: Record<string, unknown>) => Record<string, unknown>;
}

export interface BundledIdp {
  issuer: URL;
  clientId: string;
  /** The staff pages' own client (redirect URI /virkailija/auth/callback), apart from the citizens'. */
  staffClientId: string;
  /** Shared by every process on the database (see test-idp-secrets.ts). */
  secrets(): Promise<TestIdpSecrets>;
  /**
   * The OpenID Provider itself, built on first call (later calls share it). oidc-provider is big;
   * loading it only when the first identification starts, or right after the server listens,
   * keeps it off the start-up path.
   */
  provider(): Promise<Provider>;
}

function localeOf(ctx: ProviderContext): Locale {
  const chosen = ctx.cookies.get('lang', { signed: false });
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(ctx.get('accept-language')) ?? defaultLocale;
}

function pageContextOf(ctx: ProviderContext): PageContext {
  const locale = localeOf(ctx);
  return { locale, t: translator(locale), currentPath: '/', textSize: 1 };
}

function sendHtml(ctx: ProviderContext, html: string): void {
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

/**
 * The bundled test identification service, an OpenID Provider built on oidc-provider. It exists only
 * in test and demo mode: this factory refuses to build it otherwise, so no configuration mistake can
 * expose a login that accepts any identity code from the register.
 *
 * Two confidential clients of this service: the citizens' and the staff pages' (each with its own
 * redirect URI, the same keys or secret); the IdP's own keys and secrets are made by the first
 * process and shared by all through the database, as is its sign-in state. Accounts are the
 * population register's persons, `sub` being the identity code. Consent is implicit (first-party).
 *
 * Under the FTN profile it behaves like an FTN broker: only private_key_jwt, signed request objects
 * required, ID token and userinfo signed and then encrypted to the client's key, `acr` as the FTN
 * levels and `amr` naming the method chosen.
 */
export function createBundledIdp(
  context: AppContext,
  client: TestIdpClient = { jwks: undefined },
): BundledIdp {
  if (!context.testMode) {
    throw new TestIdpUnavailableError('the test identification service runs only in test or demo mode');
  }
  const origin = context.config.publicUrl.origin;
  const issuer = new URL(`${origin}${testIdpPath}`);
  const clientId = 'asiointitili';
  const staffClientId = 'asiointitili-staff';
  const records = new TestIdpRecordRepository(context.database.db);
  let secrets: Promise<TestIdpSecrets> | undefined;
  let provider: Promise<Provider> | undefined;
  const clientIds: Record<ClientKind, string> = { citizen: clientId, staff: staffClientId };
  const idp: BundledIdp = {
    issuer,
    clientId,
    staffClientId,
    secrets() {
      secrets ??= loadTestIdpSecrets(records, context.envelope);
      return secrets;
    },
    provider() {
      provider ??= idp.secrets().then((shared) => {
        // Made again at every lookup: the client's keys are what the service publishes at that moment.
        const registration = (kind: ClientKind) => () => {
          const made = clientRegistration(context, clientIds[kind], kind, client.jwks?.(), shared);
          return client.adjust?.(made) ?? made;
        };
        const registrations = new Map([
          [clientId, registration('citizen')],
          [staffClientId, registration('staff')],
        ]);
        return buildProvider(context, issuer, registrations, client.jwks !== undefined, shared, records);
      });
      return provider;
    },
  };
  return idp;
}

type ClientKind = 'citizen' | 'staff';

/** Where each client's browser comes back to, after identification and after logout. */
const clientPaths: Record<ClientKind, { redirect: string; postLogout: string }> = {
  citizen: { redirect: '/auth/callback', postLogout: '/logged-out' },
  staff: { redirect: '/virkailija/auth/callback', postLogout: '/virkailija/uloskirjautunut' },
};

function clientRegistration(
  context: AppContext,
  clientId: string,
  kind: ClientKind,
  jwks: { keys: JsonWebKey[] } | undefined,
  secrets: TestIdpSecrets,
): Record<string, unknown> {
  const origin = context.config.publicUrl.origin;
  const common = {
    client_id: clientId,
    redirect_uris: [`${origin}${clientPaths[kind].redirect}`],
    post_logout_redirect_uris: [`${origin}${clientPaths[kind].postLogout}`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    id_token_signed_response_alg: 'ES256',
  };
  if (!jwks) {
    return {
      ...common,
      client_secret: secrets.clientSecret,
      token_endpoint_auth_method: 'client_secret_basic',
    };
  }
  // The newest encryption key's algorithm (the relying party decrypts with any of its keys).
  const encryptionAlg = jwks.keys.findLast((key) => key.use === 'enc')?.alg ?? 'RSA-OAEP-256';
  return {
    ...common,
    token_endpoint_auth_method: 'private_key_jwt',
    jwks,
    require_signed_request_object: true,
    id_token_encrypted_response_alg: encryptionAlg,
    id_token_encrypted_response_enc: 'A256GCM',
    userinfo_signed_response_alg: 'ES256',
    userinfo_encrypted_response_alg: encryptionAlg,
    userinfo_encrypted_response_enc: 'A256GCM',
  };
}

/** oidc-provider's Client adapter for our clients: each one's registration as it is now. */
class ClientLookup {
  constructor(private readonly registrations: Map<string, () => Record<string, unknown>>) {}

  async find(id: string): Promise<Record<string, unknown> | undefined> {
    return this.registrations.get(id)?.();
  }

  async upsert(): Promise<void> {}
  async destroy(): Promise<void> {}
}

async function buildProvider(
  context: AppContext,
  issuer: URL,
  registrations: Map<string, () => Record<string, unknown>>,
  ftn: boolean,
  secrets: TestIdpSecrets,
  records: TestIdpRecordRepository,
): Promise<Provider> {
  const { default: Provider, interactionPolicy } = await import('oidc-provider');

  const policy = interactionPolicy.base();
  policy.remove('consent');
  const store = new TestIdpStore(records);

  const provider = new Provider(issuer.href, {
    // The clients are not static but looked up at each use (oidc-provider keeps a client per
    // distinct registration), so they always have the keys the service publishes now.
    adapter: (model: string) =>
      model === 'Client' ? new ClientLookup(registrations) : store.adapterFor(model),
    clients: [],
    // Like an FTN broker it accepts no other client authentication (a basic-profile client keeps the defaults).
    ...(ftn ? { clientAuthMethods: ['private_key_jwt'] } : {}),
    jwks: { keys: [secrets.signingJwk] },
    cookies: { keys: [secrets.cookieKey] },
    scopes: ['openid', 'profile'],
    acrValues: ftnAssuranceLevels,
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', identityCodeClaim] },
    pkce: { required: () => true },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      encryption: { enabled: true },
      jwtUserinfo: { enabled: true },
      // Signed request objects are demanded of a client registered with keys (FTN); a client with
      // only a secret (OIDC_PROFILE=basic) has nothing to sign them with.
      requestObjects: { request: true, requireSignedRequestObject: ftn },
      rpInitiatedLogout: {
        enabled: true,
        // Like a broker's single logout: when the service names the session with id_token_hint (checked
        // by oidc-provider: our signature, the client's audience) and it is the session this browser
        // has, and asks to come back to its registered page, the logout is not asked about again.
        // Otherwise (no hint, someone else's session) the person confirms it on a page.
        logoutSource: async (ctx: ProviderContext, form: string) => {
          const { session, entities } = ctx.oidc;
          const secret = session?.state?.secret;
          const hinted = entities?.IdTokenHint?.payload.sub;
          if (secret && session?.state?.postLogoutRedirectUri && hinted && hinted === session.accountId) {
            ctx.status = 303;
            ctx.redirect(`${logoutConfirmPath}?${new URLSearchParams({ xsrf: secret }).toString()}`);
            return;
          }
          sendHtml(ctx, renderPage(LogoutPage({ ctx: pageContextOf(ctx), formHtml: form })));
        },
        postLogoutSuccessSource: async (ctx: ProviderContext) =>
          sendHtml(ctx, renderPage(LoggedOutPage({ ctx: pageContextOf(ctx) }))),
      },
    },
    interactions: {
      policy,
      url: async (_ctx: ProviderContext, interaction: { uid: string }) =>
        `${testIdpPath}/interaction/${interaction.uid}`,
    },
    // Consent is implied for our first-party clients, so a grant is made on the fly.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const client = ctx.oidc.client;
      const accountId = ctx.oidc.session?.accountId;
      if (!client || !accountId) return undefined;
      const existing = ctx.oidc.session?.grantIdFor(client.clientId);
      if (existing) {
        const grant = await provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx: ProviderContext, sub: string) => {
      const person = await context.populationRegister.findByIdentityCode(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: `${person.firstNames} ${person.lastName}`,
          given_name: person.firstNames,
          family_name: person.lastName,
          [identityCodeClaim]: person.identityCode,
        }),
      };
    },
    renderError: async (ctx: ProviderContext) => {
      sendHtml(ctx, renderPage(IdpErrorPage({ ctx: pageContextOf(ctx) })));
    },
  });
  // Behind a TLS-terminating proxy the provider must believe X-Forwarded-Proto to set Secure cookies.
  provider.proxy = context.config.trustedProxies.length > 0;
  provider.on('server_error', (_ctx: unknown, error: unknown) => {
    context.logger.error({ err: error }, 'test identification service error');
  });
  return provider;
}
