import path from 'node:path';
import { normaliseCidr } from '../domain/cidr.js';

/**
 * All configuration comes from environment variables, validated once at boot into this object.
 * Nothing else in the code reads process.env, and behaviour never depends on NODE_ENV.
 */
export interface Config {
  port: number;
  host: string;
  publicUrl: URL;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Most PostgreSQL connections one process opens. */
  databasePoolSize: number;
  masterKey: string | undefined;
  masterKeyFile: string | undefined;
  populationRegisterFile: string | undefined;
  logLevel: LogLevel;
  /**
   * Addresses or CIDR ranges of our own reverse proxies. X-Forwarded-For and X-Forwarded-Proto are
   * believed only when the connection comes from one of them; empty: never.
   */
  trustedProxies: string[];
  apiTokenTtlSeconds: number;
  oidc: { issuer: URL; clientId: string; clientSecret: string } | undefined;
  testIdp: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  smtpUrl: string | undefined;
  smsGatewayUrl: URL | undefined;
  mailFrom: string;
  printDir: string;
  deliveryFailAfterHours: number;
  deliveryLeaseSeconds: number;
  deliveryRetryBaseSeconds: number;
  /** Envelope window for the recipient address on letters, in millimetres from the sheet's corner. */
  printAddressWindowMm: { leftMm: number; topMm: number; widthMm: number; heightMm: number };
  printBatchMaxAgeMinutes: number;
  printBatchMaxLetters: number;
  /** Finished (done or failed) delivery jobs and their attempts are purged this many days after finishing. */
  deliveryRetentionDays: number;
  /** Audit rows are purged this many days after they were written. */
  auditRetentionDays: number;
  /** Bearer token that opens /metrics on the main port; without it /metrics is not served there. */
  metricsToken: string | undefined;
  /** A separate listener for /metrics, /healthz and /readyz (every role, the worker included). */
  metricsListener: { port: number; host: string } | undefined;
  /** The same listener for `--role worker` when its port differs (WORKER_METRICS_PORT). */
  workerMetricsListener: { port: number; host: string } | undefined;
  /**
   * New requests are refused with 503 while the event loop lags more than this (ms; 0 = never), so
   * an overloaded process sheds work early instead of answering everything late.
   */
  maxEventLoopDelayMs: number;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** A configuration problem; the message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function url(env: Env, name: string, protocols: string[]): URL | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return parsed;
}

function flag(env: Env, name: string): boolean {
  const raw = optional(env, name);
  if (raw === undefined) return false;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

function addressWindow(env: Env, name: string): Config['printAddressWindowMm'] {
  const raw = optional(env, name) ?? '20,45,90,40';
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) {
    throw new ConfigError(`${name} must be four millimetre values "left,top,width,height", got "${raw}"`);
  }
  const [leftMm, topMm, widthMm, heightMm] = parts.map(Number) as [number, number, number, number];
  if (leftMm + widthMm > 210 || topMm + heightMm > 297 || widthMm < 40 || heightMm < 20) {
    throw new ConfigError(`${name} must fit on an A4 sheet with room for an address, got "${raw}"`);
  }
  return { leftMm, topMm, widthMm, heightMm };
}

function trustedProxies(env: Env): string[] {
  if (optional(env, 'TRUST_PROXY_HOPS') !== undefined) {
    // A hop count trusts whoever connects; a request sent straight to a backend could then forge
    // its address past an IP allowlist. Name the proxies instead.
    throw new ConfigError(
      'TRUST_PROXY_HOPS is replaced by TRUSTED_PROXIES: list the addresses or CIDR ranges of your proxies',
    );
  }
  const raw = optional(env, 'TRUSTED_PROXIES');
  if (raw === undefined) return [];
  return raw.split(',').map((entry) => {
    const cidr = normaliseCidr(entry);
    if (!cidr) {
      throw new ConfigError(`TRUSTED_PROXIES must list IP addresses or CIDR ranges, got "${entry.trim()}"`);
    }
    return cidr;
  });
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = optional(env, 'HOST') ?? '0.0.0.0';
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? new URL(`http://localhost:${port}`);
  const dataDir = path.resolve(optional(env, 'DATA_DIR') ?? './data');

  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl !== undefined) {
    // URL() accepts many malformed strings; require a host and a database name as pg needs them.
    const parsed = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
    if (!parsed || parsed.hostname === '' || parsed.pathname.length < 2) {
      throw new ConfigError('DATABASE_URL must look like postgres://user@host:5432/database');
    }
  }

  const masterKey = optional(env, 'MASTER_KEY');
  const masterKeyFile = optional(env, 'MASTER_KEY_FILE');
  if (masterKey !== undefined && masterKeyFile !== undefined) {
    throw new ConfigError('MASTER_KEY and MASTER_KEY_FILE are both set; use only one');
  }

  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`);
  }

  const issuer = url(env, 'OIDC_ISSUER', ['http:', 'https:']);
  const clientId = optional(env, 'OIDC_CLIENT_ID');
  const clientSecret = optional(env, 'OIDC_CLIENT_SECRET');
  if (issuer && (!clientId || !clientSecret)) {
    throw new ConfigError('OIDC_ISSUER is set, so OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required');
  }

  const metricsToken = optional(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 24) {
    throw new ConfigError('METRICS_TOKEN must be at least 24 characters (it guards /metrics)');
  }
  const metricsPort =
    optional(env, 'METRICS_PORT') === undefined ? undefined : integer(env, 'METRICS_PORT', 0, 0, 65535);
  const metricsHost = optional(env, 'METRICS_HOST') ?? '127.0.0.1';
  const workerMetricsPort =
    optional(env, 'WORKER_METRICS_PORT') === undefined
      ? metricsPort
      : integer(env, 'WORKER_METRICS_PORT', 0, 0, 65535);

  const mailFrom = optional(env, 'MAIL_FROM') ?? `asiointitili <noreply@${publicUrl.hostname}>`;

  return {
    port,
    host,
    publicUrl,
    dataDir,
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    masterKey,
    masterKeyFile: masterKeyFile ? path.resolve(masterKeyFile) : undefined,
    populationRegisterFile: optional(env, 'POPULATION_REGISTER_FILE'),
    logLevel,
    trustedProxies: trustedProxies(env),
    apiTokenTtlSeconds: integer(env, 'API_TOKEN_TTL_SECONDS', 3600, 60, 86400),
    oidc: issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : undefined,
    testIdp: flag(env, 'TEST_IDP'),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 1440),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 168),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:'])?.toString(),
    smsGatewayUrl: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']),
    mailFrom,
    printDir: path.resolve(optional(env, 'PRINT_DIR') ?? path.join(dataDir, 'print')),
    deliveryFailAfterHours: integer(env, 'DELIVERY_FAIL_AFTER_HOURS', 72, 1, 24 * 30),
    deliveryLeaseSeconds: integer(env, 'DELIVERY_LEASE_SECONDS', 300, 10, 3600),
    deliveryRetryBaseSeconds: integer(env, 'DELIVERY_RETRY_BASE_SECONDS', 30, 1, 3600),
    printAddressWindowMm: addressWindow(env, 'PRINT_ADDRESS_WINDOW_MM'),
    printBatchMaxAgeMinutes: integer(env, 'PRINT_BATCH_MAX_AGE_MINUTES', 60, 1, 7 * 24 * 60),
    printBatchMaxLetters: integer(env, 'PRINT_BATCH_MAX_LETTERS', 500, 1, 100_000),
    // The outbox is operational history (notifications, reminders, letters handed to printing);
    // the evidence of delivery lives in messages and print_letters, which this never touches. 90 days
    // outlasts the 60 days an organisation can read a message's events from the feed, so a question
    // about a notification raised from the feed can still be checked against its attempts.
    deliveryRetentionDays: integer(env, 'DELIVERY_RETENTION_DAYS', 90, 1, 3650),
    // No statute in our domain notes fixes how long an access log is kept, so the default is
    // conservative: six years, which outlasts the five years messages' attachments are kept by the
    // national service, so any access to a message can still be answered for while it exists and a
    // year after. At least a year, so that a typo (days for years) cannot wipe the trail.
    auditRetentionDays: integer(env, 'AUDIT_RETENTION_DAYS', 6 * 365, 365, 36_500),
    metricsToken,
    metricsListener: metricsPort === undefined ? undefined : { port: metricsPort, host: metricsHost },
    workerMetricsListener:
      workerMetricsPort === undefined ? undefined : { port: workerMetricsPort, host: metricsHost },
    maxEventLoopDelayMs: integer(env, 'MAX_EVENT_LOOP_DELAY_MS', 0, 0, 60_000),
  };
}
