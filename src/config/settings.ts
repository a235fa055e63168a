import { normaliseCidr } from '../domain/cidr.js';

/**
 * Every environment variable the service reads, declared once: its parser (which also holds its
 * range), its default and its description. The `Config` type, the loader and the README's table of
 * variables all come from this table, so none of them can forget a variable the others know.
 */

export type Env = Record<string, string | undefined>;

/** A configuration problem; the message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const notificationSenderDetailsValues = ['sender-choice', 'never'] as const;
export type NotificationSenderDetails = (typeof notificationSenderDetailsValues)[number];

export const deliveryConsentValues = ['account', 'per-organisation'] as const;
export type DeliveryConsent = (typeof deliveryConsentValues)[number];

/** One variable: how it is read and how the README describes it. */
export interface Setting<T> {
  env: string;
  /** The default as the README shows it, in Markdown ("–": none). */
  defaultText: string;
  /** The values accepted, as the README shows them ("" when the description says it). */
  rangeText: string;
  description: string;
  /** Reads the trimmed value (undefined when unset or blank); throws ConfigError naming the variable. */
  parse(raw: string | undefined): T;
}

interface Described {
  env: string;
  description: string;
}

function integer(
  { env, description }: Described,
  fallback: number,
  min: number,
  max: number,
  defaultText = `\`${fallback}\``,
): Setting<number> {
  return {
    env,
    description,
    defaultText,
    rangeText: `${min}–${max}`,
    parse(raw) {
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new ConfigError(`${env} must be an integer from ${min} to ${max}, got "${raw}"`);
      }
      return Number(raw);
    },
  };
}

/** An integer without a default: unset means the feature is off. */
function optionalInteger(
  described: Described,
  min: number,
  max: number,
  defaultText = '–',
): Setting<number | undefined> {
  const inner = integer(described, 0, min, max, defaultText);
  return { ...inner, parse: (raw) => (raw === undefined ? undefined : inner.parse(raw)) };
}

function text<T extends string | undefined>(
  { env, description }: Described,
  fallback: T,
  defaultText = fallback === undefined ? '–' : `\`${fallback}\``,
  check?: (value: string) => string | undefined,
): Setting<string | T> {
  return {
    env,
    description,
    defaultText,
    rangeText: '',
    parse(raw) {
      if (raw === undefined) return fallback;
      const problem = check?.(raw);
      if (problem) throw new ConfigError(`${env} ${problem}`);
      return raw;
    },
  };
}

function url(
  { env, description }: Described,
  protocols: string[],
  defaultText = '–',
): Setting<URL | undefined> {
  return {
    env,
    description,
    defaultText,
    rangeText: protocols.map((protocol) => `\`${protocol}//…\``).join(', '),
    parse(raw) {
      if (raw === undefined) return undefined;
      let parsed: URL;
      try {
        parsed = new URL(raw);
      } catch {
        throw new ConfigError(`${env} is not a valid URL`);
      }
      if (!protocols.includes(parsed.protocol)) {
        throw new ConfigError(`${env} must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
      }
      return parsed;
    },
  };
}

function flag({ env, description }: Described): Setting<boolean> {
  return {
    env,
    description,
    defaultText: '`0`',
    rangeText: '`1` or `0`',
    parse(raw) {
      if (raw === undefined) return false;
      if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
      if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
      throw new ConfigError(`${env} must be 1 or 0, got "${raw}"`);
    },
  };
}

function oneOf<T extends string>(
  { env, description }: Described,
  values: readonly T[],
  fallback: T,
): Setting<T> {
  return {
    env,
    description,
    defaultText: `\`${fallback}\``,
    rangeText: values.map((value) => `\`${value}\``).join(', '),
    parse(raw) {
      if (raw === undefined) return fallback;
      if (!(values as readonly string[]).includes(raw)) {
        throw new ConfigError(`${env} must be one of ${values.join(', ')}, got "${raw}"`);
      }
      return raw as T;
    },
  };
}

export interface AddressWindow {
  leftMm: number;
  topMm: number;
  widthMm: number;
  heightMm: number;
}

function addressWindow(described: Described, fallback: string): Setting<AddressWindow> {
  const { env } = described;
  return {
    ...described,
    defaultText: `\`${fallback}\``,
    rangeText: 'left,top,width,height within A4',
    parse(value = fallback) {
      const parts = value.split(',').map((p) => p.trim());
      if (parts.length !== 4 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) {
        throw new ConfigError(
          `${env} must be four millimetre values "left,top,width,height", got "${value}"`,
        );
      }
      const [leftMm, topMm, widthMm, heightMm] = parts.map(Number) as [number, number, number, number];
      if (leftMm + widthMm > 210 || topMm + heightMm > 297 || widthMm < 40 || heightMm < 20) {
        throw new ConfigError(`${env} must fit on an A4 sheet with room for an address, got "${value}"`);
      }
      return { leftMm, topMm, widthMm, heightMm };
    },
  };
}

function cidrList(described: Described): Setting<string[]> {
  return {
    ...described,
    defaultText: '–',
    rangeText: 'addresses or CIDR ranges, comma-separated',
    parse(raw) {
      if (raw === undefined) return [];
      return raw.split(',').map((entry) => {
        const cidr = normaliseCidr(entry);
        if (!cidr) {
          throw new ConfigError(
            `${described.env} must list IP addresses or CIDR ranges, got "${entry.trim()}"`,
          );
        }
        return cidr;
      });
    },
  };
}

function urlList(described: Described, protocols: string[]): Setting<URL[]> {
  const one = url(described, protocols);
  return {
    ...described,
    defaultText: '–',
    rangeText: `${one.rangeText}, comma-separated`,
    parse(raw) {
      if (raw === undefined) return [];
      return raw
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => one.parse(entry)!);
    },
  };
}

function databaseUrl(described: Described): Setting<string | undefined> {
  const asUrl = url(described, ['postgres:', 'postgresql:']);
  return {
    ...asUrl,
    parse(raw) {
      if (raw === undefined) return undefined;
      // URL() accepts many malformed strings; require a host and a database name as pg needs them.
      const parsed = asUrl.parse(raw);
      if (!parsed || parsed.hostname === '' || parsed.pathname.length < 2) {
        throw new ConfigError(`${described.env} must look like postgres://user@host:5432/database`);
      }
      return raw;
    },
  };
}

/** The table. Property names are the `Config` fields; order is the README's. */
export const settings = {
  port: integer({ env: 'PORT', description: 'HTTP port' }, 3000, 0, 65535),
  host: text({ env: 'HOST', description: 'Interface to listen on' }, '0.0.0.0'),
  publicUrl: url(
    {
      env: 'PUBLIC_URL',
      description: 'Address users reach the service at (links in e-mails; `https:` turns on secure cookies)',
    },
    ['http:', 'https:'],
    '`http://localhost:$PORT`',
  ),
  dataDir: text({ env: 'DATA_DIR', description: 'SQLite database, demo master key, outbox files' }, './data'),
  databaseUrl: databaseUrl({
    env: 'DATABASE_URL',
    description: '`postgres://user@host:5432/db` selects PostgreSQL instead of SQLite',
  }),
  databasePoolSize: integer(
    { env: 'DATABASE_POOL_SIZE', description: 'Most PostgreSQL connections one process opens' },
    10,
    1,
    200,
  ),
  masterKey: text(
    {
      env: 'MASTER_KEY',
      description: 'Master key ring: base64 of 32 bytes, or `id:base64,...` (first is active)',
    },
    undefined,
  ),
  masterKeyFile: text(
    {
      env: 'MASTER_KEY_FILE',
      description: 'File holding the key ring (mode 0600); use instead of `MASTER_KEY`',
    },
    undefined,
  ),
  populationRegisterFile: text(
    {
      env: 'POPULATION_REGISTER_FILE',
      description: 'Population register JSON ([format](docs/population-register.md))',
    },
    undefined,
    'bundled demo file',
  ),
  metricsPort: optionalInteger(
    {
      env: 'METRICS_PORT',
      description:
        "Separate listener for `/metrics`, `/healthz`, `/readyz` (every role; the worker's only port)",
    },
    0,
    65535,
  ),
  workerMetricsPort: optionalInteger(
    {
      env: 'WORKER_METRICS_PORT',
      description:
        "The same listener for `--role worker` processes, when it should differ from the web processes'",
    },
    0,
    65535,
    '`METRICS_PORT`',
  ),
  metricsHost: text(
    { env: 'METRICS_HOST', description: 'Interface of the `METRICS_PORT` listener' },
    '127.0.0.1',
  ),
  metricsToken: text(
    {
      env: 'METRICS_TOKEN',
      description: 'Bearer token that opens `/metrics` on the main port (otherwise 404 there)',
    },
    undefined,
    '–',
    (value) => (value.length < 24 ? 'must be at least 24 characters (it guards /metrics)' : undefined),
  ),
  logLevel: oneOf({ env: 'LOG_LEVEL', description: 'How much is logged' }, logLevels, 'info'),
  trustedProxies: cidrList({
    env: 'TRUSTED_PROXIES',
    description:
      'Your reverse proxies (`10.0.0.5,10.1.0.0/16`); `X-Forwarded-For`/`-Proto` are believed only from them',
  }),
  maxEventLoopDelayMs: integer(
    {
      env: 'MAX_EVENT_LOOP_DELAY_MS',
      description:
        'New requests get 503 while the event loop lags more than this many ms (`0`: never; try `1000` in production)',
    },
    0,
    0,
    60_000,
  ),
  apiTokenTtlSeconds: integer(
    { env: 'API_TOKEN_TTL_SECONDS', description: 'Lifetime of organisation API tokens' },
    3600,
    60,
    86400,
  ),
  oidcIssuer: url(
    { env: 'OIDC_ISSUER', description: 'Identification service (OpenID Connect): its issuer' },
    ['http:', 'https:'],
  ),
  oidcClientId: text(
    { env: 'OIDC_CLIENT_ID', description: 'Our client id at the identification service' },
    undefined,
  ),
  oidcClientSecret: text(
    {
      env: 'OIDC_CLIENT_SECRET',
      description: 'Our client secret at the identification service (`OIDC_PROFILE=basic` only)',
    },
    undefined,
  ),
  oidcProfile: oneOf(
    {
      env: 'OIDC_PROFILE',
      description:
        "`ftn`: Traficom's FTN profile (private_key_jwt, signed request objects, encrypted ID tokens); `basic`: client secret, plain ID tokens ([identification](docs/identification.md))",
    },
    ['ftn', 'basic'] as const,
    'ftn',
  ),
  oidcSigningKeyFile: text(
    {
      env: 'OIDC_SIGNING_KEY_FILE',
      description: 'Our signing key(s) for the FTN profile, RSA or EC, PEM or JWK (mode 0600)',
    },
    undefined,
    '`DATA_DIR/oidc-signing-keys.json` (demo only)',
  ),
  oidcEncryptionKeyFile: text(
    {
      env: 'OIDC_ENCRYPTION_KEY_FILE',
      description: 'Our RSA key(s) the provider encrypts ID tokens and userinfo to, PEM or JWK (mode 0600)',
    },
    undefined,
    '`DATA_DIR/oidc-encryption-keys.json` (demo only)',
  ),
  oidcFederationKeyFile: text(
    {
      env: 'OIDC_FEDERATION_KEY_FILE',
      description:
        'Our OpenID Federation entity key(s), RSA or EC, PEM or JWK (mode 0600): signs the entity statement and signed JWKS; unset: not served',
    },
    undefined,
    '`DATA_DIR/oidc-federation-keys.json` (demo only)',
  ),
  evidenceSigningKeyFile: text(
    {
      env: 'EVIDENCE_SIGNING_KEY_FILE',
      description:
        'Signing key(s) of the delivery evidence, EC P-256 (ES256), PEM or JWK (mode 0600), newest signs; all published at `/.well-known/jwks.json` ([evidence](docs/evidence.md)). Give every process the same file',
    },
    undefined,
    '`DATA_DIR/evidence-signing-keys.json`, made on first start',
  ),
  oidcFederationAuthorityHints: urlList(
    {
      env: 'OIDC_FEDERATION_AUTHORITY_HINTS',
      description: '`authority_hints` of our entity statement: the entity ids of our federation superiors',
    },
    ['https:', 'http:'],
  ),
  oidcAcrValues: text(
    {
      env: 'OIDC_ACR_VALUES',
      description:
        'Level of assurance asked for (space-separated `acr_values`); a lower or missing `acr` in the answer is refused',
    },
    'http://ftn.ficora.fi/2017/loa2',
  ),
  oidcIdentityCodeClaims: text(
    {
      env: 'OIDC_IDENTITY_CODE_CLAIM',
      description: 'Claim(s) carrying the personal identity code, comma-separated, first found wins',
    },
    'national_identification_number,personal_identity_code,nationalIdentificationNumber,urn:oid:1.2.246.21,hetu',
  ),
  staffOidcIssuer: url(
    {
      env: 'STAFF_OIDC_ISSUER',
      description:
        "Staff identification (OpenID Connect) for the organisations' pages under /virkailija: its issuer; unset: staff sign in at the bundled test IdP (demo and test mode) or not at all",
    },
    ['http:', 'https:'],
  ),
  staffOidcClientId: text(
    {
      env: 'STAFF_OIDC_CLIENT_ID',
      description:
        "Our staff client's id there (a client of its own, apart from the citizens'; redirect URI `/virkailija/auth/callback`)",
    },
    undefined,
  ),
  staffOidcClientSecret: text(
    {
      env: 'STAFF_OIDC_CLIENT_SECRET',
      description:
        "The staff client's secret (`OIDC_PROFILE=basic` only; under `ftn` the staff client uses the same keys as the citizens')",
    },
    undefined,
  ),
  identification: oneOf(
    {
      env: 'IDENTIFICATION',
      description:
        '`oidc`: an OpenID Connect provider (`OIDC_*`); `suomifi-saml`: Suomi.fi e-Identification over SAML 2.0 (`SAML_*`, [identification](docs/identification.md))',
    },
    ['oidc', 'suomifi-saml'] as const,
    'oidc',
  ),
  samlIdpMetadata: text(
    {
      env: 'SAML_IDP_METADATA',
      description: "The identity provider's SAML metadata: an `https://` URL or a file path",
    },
    undefined,
  ),
  samlEntityId: text(
    { env: 'SAML_ENTITY_ID', description: 'Our SAML entity id, as registered with the identity provider' },
    undefined,
    '`PUBLIC_URL/saml/metadata`',
  ),
  samlSpKeyFile: text(
    {
      env: 'SAML_SP_KEY_FILE',
      description: 'Our SAML private key (RSA, PEM, mode 0600): signs requests, decrypts assertions',
    },
    undefined,
    '`DATA_DIR/saml-sp-key.pem` (demo only)',
  ),
  samlSpCertFile: text(
    {
      env: 'SAML_SP_CERT_FILE',
      description: 'The certificate of `SAML_SP_KEY_FILE`, published in our metadata',
    },
    undefined,
    '`DATA_DIR/saml-sp-cert.pem` (demo only)',
  ),
  samlAuthnContext: text(
    {
      env: 'SAML_AUTHN_CONTEXT',
      description:
        'Level of assurance asked for (space-separated `AuthnContextClassRef`s, comparison `minimum`); a lower one in the answer is refused',
    },
    'http://ftn.ficora.fi/2017/loa2',
  ),
  testIdp: flag({
    env: 'TEST_IDP',
    description: 'Enables the bundled test identification service (also on with `serve --demo`)',
  }),
  sessionIdleMinutes: integer(
    { env: 'SESSION_IDLE_MINUTES', description: 'A citizen session ends after this long without use' },
    30,
    1,
    1440,
  ),
  sessionAbsoluteHours: integer(
    { env: 'SESSION_ABSOLUTE_HOURS', description: 'A citizen session ends this long after identification' },
    12,
    1,
    168,
  ),
  smtpUrl: url(
    {
      env: 'SMTP_URL',
      description: '`smtp://host:port`; unset writes `.eml` files under `DATA_DIR/outbox/email`',
    },
    ['smtp:', 'smtps:'],
  ),
  mailFrom: text(
    {
      env: 'MAIL_FROM',
      description:
        "Sender of notification e-mails; an address alone is shown under the service's name in the person's language",
    },
    undefined,
    '`noreply@host`',
  ),
  smsGatewayUrl: url(
    {
      env: 'SMS_GATEWAY_URL',
      description: 'HTTP endpoint for SMS; unset writes JSON files under `DATA_DIR/outbox/sms`',
    },
    ['http:', 'https:'],
  ),
  notificationSenderDetails: oneOf(
    {
      env: 'NOTIFICATION_SENDER_DETAILS',
      description:
        "Whether e-mail and SMS notifications may name the sending organisation and service: `sender-choice` as each message's `senderDetailsInNotifications` asks, `never` not at all",
    },
    notificationSenderDetailsValues,
    'sender-choice',
  ),
  deliveryConsent: oneOf(
    {
      env: 'DELIVERY_CONSENT',
      description:
        "What lets an organisation deliver electronically: `account` an open account (every connected organisation), `per-organisation` also the person's consent recorded by that organisation (the consent register): without one the person has no active mailbox for that organisation",
    },
    deliveryConsentValues,
    'account',
  ),
  printDir: text(
    { env: 'PRINT_DIR', description: 'Where print batches of paper letters are written' },
    undefined,
    '`DATA_DIR/print`',
  ),
  deliveryFailAfterHours: integer(
    {
      env: 'DELIVERY_FAIL_AFTER_HOURS',
      description: 'How long a delivery job is retried before it is marked failed',
    },
    72,
    1,
    24 * 30,
  ),
  deliveryLeaseSeconds: integer(
    {
      env: 'DELIVERY_LEASE_SECONDS',
      description: 'After this a claimed job counts as crashed and another worker takes it over',
    },
    300,
    10,
    3600,
  ),
  deliveryRetryBaseSeconds: integer(
    {
      env: 'DELIVERY_RETRY_BASE_SECONDS',
      description: 'First retry delay (doubles per attempt, at most 1 h)',
    },
    30,
    1,
    3600,
  ),
  printAddressWindowMm: addressWindow(
    {
      env: 'PRINT_ADDRESS_WINDOW_MM',
      description: 'Envelope window for the recipient address: left, top, width, height (mm)',
    },
    '20,45,90,40',
  ),
  printBatchMaxAgeMinutes: integer(
    {
      env: 'PRINT_BATCH_MAX_AGE_MINUTES',
      description: 'Close the open print batch when its first letter is this old',
    },
    60,
    1,
    7 * 24 * 60,
  ),
  printBatchMaxLetters: integer(
    { env: 'PRINT_BATCH_MAX_LETTERS', description: '… or when it holds this many letters' },
    500,
    1,
    100_000,
  ),
  // The outbox is operational history (notifications, reminders, letters handed to printing); the
  // evidence of delivery lives in messages and print_letters, which this never touches. 90 days
  // outlasts the 60 days an organisation can read a message's events from the feed, so a question
  // about a notification raised from the feed can still be checked against its attempts.
  deliveryRetentionDays: integer(
    {
      env: 'DELIVERY_RETENTION_DAYS',
      description:
        'Finished (done or failed) delivery jobs and their attempts are purged this many days after finishing',
    },
    90,
    1,
    3650,
  ),
  // No statute in our domain notes fixes how long an access log is kept, so the default is
  // conservative: six years, which outlasts the five years messages' attachments are kept by the
  // national service, so any access to a message can still be answered for while it exists and a
  // year after. At least a year, so that a typo (days for years) cannot wipe the trail.
  auditRetentionDays: integer(
    {
      env: 'AUDIT_RETENTION_DAYS',
      description:
        'Audit rows are purged after this many days (six years) – see [retention](docs/operations.md#retention)',
    },
    6 * 365,
    365,
    36_500,
  ),
  auditSigningKeyFile: text(
    {
      env: 'AUDIT_SIGNING_KEY_FILE',
      description:
        'Ed25519 key(s) signing the audit checkpoints, JSON (mode 0600; `asiointitili audit rotate-key` makes one) – see [audit](docs/audit.md)',
    },
    undefined,
    '`DATA_DIR/audit-signing-keys.json` (made in demo and test mode)',
  ),
  // A checkpoint signs the chain up to an entry: entries after the newest one could be rewritten
  // unnoticed by someone with write access to the database, so both limits bound that window.
  auditCheckpointEvery: integer(
    {
      env: 'AUDIT_CHECKPOINT_EVERY',
      description: 'The worker signs an audit checkpoint at least every this many audit entries…',
    },
    1000,
    1,
    1_000_000,
  ),
  auditCheckpointMinutes: integer(
    {
      env: 'AUDIT_CHECKPOINT_MINUTES',
      description: '… and at the newest entry when the last checkpoint is this many minutes old',
    },
    10,
    1,
    24 * 60,
  ),
  // Feedback is kept long enough to answer it and to see the year's trends, then erased: it may
  // hold an e-mail address and whatever the sender chose to write.
  feedbackRetentionDays: integer(
    {
      env: 'FEEDBACK_RETENTION_DAYS',
      description: 'Messages sent with the public feedback form are purged this many days after arriving',
    },
    365,
    30,
    3650,
  ),
} satisfies Record<string, Setting<unknown>>;

/** Variables that used to mean something, with what replaces them: refused rather than ignored. */
export const retiredSettings: Record<string, string> = {
  // A hop count trusts whoever connects; a request sent straight to a backend could then forge its
  // address past an IP allowlist. Name the proxies instead.
  TRUST_PROXY_HOPS:
    'TRUST_PROXY_HOPS is replaced by TRUSTED_PROXIES: list the addresses or CIDR ranges of your proxies',
};

export type SettingValues = { [K in keyof typeof settings]: ReturnType<(typeof settings)[K]['parse']> };

/** Reads every variable of the table from the environment. */
export function readSettings(env: Env): SettingValues {
  for (const [name, message] of Object.entries(retiredSettings)) {
    if (present(env[name]) !== undefined) throw new ConfigError(message);
  }
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    values[key] = setting.parse(present(env[setting.env]));
  }
  return values as SettingValues;
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The README's table of variables, generated from the settings. */
export function settingsTableMarkdown(): string {
  const cell = (value: string) => value.replaceAll('|', '\\|');
  const rows = Object.values(settings as Record<string, Setting<unknown>>).map(
    (setting) =>
      `| \`${setting.env}\` | ${cell(setting.defaultText)} | ${cell(setting.rangeText)} | ${cell(setting.description)} |`,
  );
  return ['| Variable | Default | Accepts | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
