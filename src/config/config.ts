import path from 'node:path';
import { ConfigError, readSettings, type Env, type SettingValues } from './settings.js';

export { ConfigError, logLevels, type LogLevel } from './settings.js';

/**
 * All configuration comes from environment variables, validated once at boot into this object.
 * Nothing else in the code reads process.env, and behaviour never depends on NODE_ENV. It holds the
 * variables of the settings table (settings.ts), typed by their parsers, plus what is derived from
 * several of them (a default that depends on another variable, or values that only make sense
 * together).
 */
export type Config = Omit<
  SettingValues,
  'publicUrl' | 'mailFrom' | 'printDir' | 'smtpUrl' | 'oidcAcrValues' | 'oidcIdentityCodeClaims'
> & {
  publicUrl: URL;
  mailFrom: string;
  printDir: string;
  smtpUrl: string | undefined;
  /** An identification service of the operator's; the secret is there for OIDC_PROFILE=basic only. */
  oidc: { issuer: URL; clientId: string; clientSecret: string | undefined } | undefined;
  /** The FTN profile's key files: the operator's, or (demo and test mode) generated in DATA_DIR. */
  oidcKeyFiles: {
    signing: string;
    encryption: string;
    /** The OpenID Federation entity key file; undefined when federation is not served. */
    federation: string | undefined;
    inDataDir: boolean;
    federationInDataDir: boolean;
  };
  oidcAcrValues: string[];
  oidcIdentityCodeClaims: string[];
  /** A separate listener for /metrics, /healthz and /readyz (every role, the worker included). */
  metricsListener: { port: number; host: string } | undefined;
  /** The same listener for `--role worker` when its port differs (WORKER_METRICS_PORT). */
  workerMetricsListener: { port: number; host: string } | undefined;
};

export function loadConfig(env: Env = process.env): Config {
  const values = readSettings(env);
  const { port, metricsPort, metricsHost, oidcIssuer, oidcClientId, oidcClientSecret } = values;
  const publicUrl = values.publicUrl ?? new URL(`http://localhost:${port}`);
  const dataDir = path.resolve(values.dataDir);

  if (values.masterKey !== undefined && values.masterKeyFile !== undefined) {
    throw new ConfigError('MASTER_KEY and MASTER_KEY_FILE are both set; use only one');
  }
  const { oidcProfile, oidcSigningKeyFile, oidcEncryptionKeyFile } = values;
  if (oidcIssuer && oidcProfile === 'basic' && (!oidcClientId || !oidcClientSecret)) {
    throw new ConfigError(
      'OIDC_ISSUER is set with OIDC_PROFILE=basic, so OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required',
    );
  }
  if (
    oidcIssuer &&
    oidcProfile === 'ftn' &&
    (!oidcClientId || !oidcSigningKeyFile || !oidcEncryptionKeyFile)
  ) {
    throw new ConfigError(
      'OIDC_ISSUER is set with OIDC_PROFILE=ftn, so OIDC_CLIENT_ID, OIDC_SIGNING_KEY_FILE and OIDC_ENCRYPTION_KEY_FILE are required',
    );
  }
  if ((oidcSigningKeyFile === undefined) !== (oidcEncryptionKeyFile === undefined)) {
    throw new ConfigError('OIDC_SIGNING_KEY_FILE and OIDC_ENCRYPTION_KEY_FILE go together; set both');
  }
  const workerMetricsPort = values.workerMetricsPort ?? metricsPort;

  return {
    ...values,
    publicUrl,
    dataDir,
    masterKeyFile: values.masterKeyFile ? path.resolve(values.masterKeyFile) : undefined,
    oidc:
      oidcIssuer && oidcClientId
        ? { issuer: oidcIssuer, clientId: oidcClientId, clientSecret: oidcClientSecret }
        : undefined,
    oidcKeyFiles: {
      signing: path.resolve(oidcSigningKeyFile ?? path.join(dataDir, 'oidc-signing-keys.json')),
      encryption: path.resolve(oidcEncryptionKeyFile ?? path.join(dataDir, 'oidc-encryption-keys.json')),
      // The federation entity key is optional outside the demo: without it nothing federation is served.
      federation:
        values.oidcFederationKeyFile !== undefined
          ? path.resolve(values.oidcFederationKeyFile)
          : oidcSigningKeyFile === undefined
            ? path.resolve(path.join(dataDir, 'oidc-federation-keys.json'))
            : undefined,
      inDataDir: oidcSigningKeyFile === undefined,
      federationInDataDir: values.oidcFederationKeyFile === undefined,
    },
    oidcAcrValues: values.oidcAcrValues.split(/\s+/),
    oidcIdentityCodeClaims: values.oidcIdentityCodeClaims
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    smtpUrl: values.smtpUrl?.toString(),
    mailFrom: values.mailFrom ?? `noreply@${publicUrl.hostname}`,
    printDir: path.resolve(values.printDir ?? path.join(dataDir, 'print')),
    metricsListener: metricsPort === undefined ? undefined : { port: metricsPort, host: metricsHost },
    workerMetricsListener:
      workerMetricsPort === undefined ? undefined : { port: workerMetricsPort, host: metricsHost },
  };
}
