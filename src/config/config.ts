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
  | 'publicUrl'
  | 'mailFrom'
  | 'printDir'
  | 'smtpUrl'
  | 'oidcAcrValues'
  | 'oidcIdentityCodeClaims'
  | 'samlIdpMetadata'
  | 'samlEntityId'
  | 'samlSpKeyFile'
  | 'samlSpCertFile'
  | 'samlAuthnContext'
> & {
  publicUrl: URL;
  mailFrom: string;
  printDir: string;
  smtpUrl: string | undefined;
  /** An identification service of the operator's; the secret is there for OIDC_PROFILE=basic only. */
  oidc: { issuer: URL; clientId: string; clientSecret: string | undefined } | undefined;
  /**
   * The staff pages' identification service (STAFF_OIDC_*): its own client, under the same
   * OIDC_PROFILE and keys as the citizens' one. Undefined: the bundled test IdP in demo and test mode.
   */
  staffOidc: { issuer: URL; clientId: string; clientSecret: string | undefined } | undefined;
  /** The FTN profile's key files: the operator's, or (demo and test mode) generated in DATA_DIR. */
  oidcKeyFiles: {
    signing: string;
    encryption: string;
    /** The OpenID Federation entity key file; undefined when federation is not served. */
    federation: string | undefined;
    inDataDir: boolean;
    federationInDataDir: boolean;
  };
  /** The delivery evidence signing key file: the operator's, or made in DATA_DIR on first start. */
  evidenceKeyFile: { file: string; inDataDir: boolean };
  oidcAcrValues: string[];
  oidcIdentityCodeClaims: string[];
  /**
   * Suomi.fi e-Identification (IDENTIFICATION=suomifi-saml): the IdP's metadata (URL or file), our
   * entity id, our key and certificate files (the operator's, or generated in DATA_DIR in demo and
   * test mode) and the levels of assurance asked for. Undefined under IDENTIFICATION=oidc.
   */
  saml:
    | {
        idpMetadata: URL | string;
        entityId: string;
        keyFile: string;
        certFile: string;
        filesInDataDir: boolean;
        authnContext: string[];
      }
    | undefined;
  /**
   * The audit signing key file: AUDIT_SIGNING_KEY_FILE, or DATA_DIR/audit-signing-keys.json
   * (`inDataDir`), which demo and test mode create when it is missing.
   */
  auditSigningKeys: { file: string; inDataDir: boolean };
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
  const { staffOidcIssuer, staffOidcClientId, staffOidcClientSecret } = values;
  if (staffOidcIssuer && !staffOidcClientId) {
    throw new ConfigError('STAFF_OIDC_ISSUER is set, so STAFF_OIDC_CLIENT_ID is required');
  }
  if (staffOidcIssuer && oidcProfile === 'basic' && !staffOidcClientSecret) {
    throw new ConfigError(
      'STAFF_OIDC_ISSUER is set with OIDC_PROFILE=basic, so STAFF_OIDC_CLIENT_SECRET is required',
    );
  }
  if (staffOidcIssuer && oidcProfile === 'ftn' && (!oidcSigningKeyFile || !oidcEncryptionKeyFile)) {
    throw new ConfigError(
      'STAFF_OIDC_ISSUER is set with OIDC_PROFILE=ftn, so OIDC_SIGNING_KEY_FILE and OIDC_ENCRYPTION_KEY_FILE are required',
    );
  }
  if ((oidcSigningKeyFile === undefined) !== (oidcEncryptionKeyFile === undefined)) {
    throw new ConfigError('OIDC_SIGNING_KEY_FILE and OIDC_ENCRYPTION_KEY_FILE go together; set both');
  }
  const workerMetricsPort = values.workerMetricsPort ?? metricsPort;
  const saml = values.identification === 'suomifi-saml' ? samlConfig(values, publicUrl, dataDir) : undefined;

  return {
    ...values,
    publicUrl,
    dataDir,
    masterKeyFile: values.masterKeyFile ? path.resolve(values.masterKeyFile) : undefined,
    oidc:
      oidcIssuer && oidcClientId
        ? { issuer: oidcIssuer, clientId: oidcClientId, clientSecret: oidcClientSecret }
        : undefined,
    staffOidc:
      staffOidcIssuer && staffOidcClientId
        ? { issuer: staffOidcIssuer, clientId: staffOidcClientId, clientSecret: staffOidcClientSecret }
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
    evidenceKeyFile: {
      file: path.resolve(values.evidenceSigningKeyFile ?? path.join(dataDir, 'evidence-signing-keys.json')),
      inDataDir: values.evidenceSigningKeyFile === undefined,
    },
    oidcAcrValues: values.oidcAcrValues.split(/\s+/),
    oidcIdentityCodeClaims: values.oidcIdentityCodeClaims
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    saml,
    smtpUrl: values.smtpUrl?.toString(),
    mailFrom: values.mailFrom ?? `noreply@${publicUrl.hostname}`,
    printDir: path.resolve(values.printDir ?? path.join(dataDir, 'print')),
    auditSigningKeys: {
      file: path.resolve(values.auditSigningKeyFile ?? path.join(dataDir, 'audit-signing-keys.json')),
      inDataDir: values.auditSigningKeyFile === undefined,
    },
    metricsListener: metricsPort === undefined ? undefined : { port: metricsPort, host: metricsHost },
    workerMetricsListener:
      workerMetricsPort === undefined ? undefined : { port: workerMetricsPort, host: metricsHost },
  };
}

function samlConfig(values: SettingValues, publicUrl: URL, dataDir: string): NonNullable<Config['saml']> {
  const { samlIdpMetadata, samlSpKeyFile, samlSpCertFile } = values;
  if (samlIdpMetadata === undefined) {
    throw new ConfigError('IDENTIFICATION=suomifi-saml needs SAML_IDP_METADATA (a URL or a file)');
  }
  if ((samlSpKeyFile === undefined) !== (samlSpCertFile === undefined)) {
    throw new ConfigError('SAML_SP_KEY_FILE and SAML_SP_CERT_FILE go together; set both');
  }
  let idpMetadata: URL | string = path.resolve(samlIdpMetadata);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(samlIdpMetadata)) {
    try {
      idpMetadata = new URL(samlIdpMetadata);
    } catch {
      throw new ConfigError('SAML_IDP_METADATA is neither a valid URL nor a file path');
    }
    // The metadata carries the certificates every signature is checked against: never over plain http.
    if (idpMetadata.protocol !== 'https:') {
      throw new ConfigError(`SAML_IDP_METADATA must use https: (or be a file), got ${idpMetadata.protocol}`);
    }
  }
  return {
    idpMetadata,
    entityId: values.samlEntityId ?? new URL('/saml/metadata', publicUrl).href,
    keyFile: path.resolve(samlSpKeyFile ?? path.join(dataDir, 'saml-sp-key.pem')),
    certFile: path.resolve(samlSpCertFile ?? path.join(dataDir, 'saml-sp-cert.pem')),
    filesInDataDir: samlSpKeyFile === undefined,
    authnContext: values.samlAuthnContext.split(/\s+/).filter(Boolean),
  };
}
