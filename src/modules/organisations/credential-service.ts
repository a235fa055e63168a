import { createHash, randomBytes } from 'node:crypto';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../../errors.js';
import { AuthenticationFailedError } from './api-errors.js';
import type { CredentialRepository, CredentialRow } from './credential-repository.js';
import { canonicalAddress, isAddressAllowed, normaliseCidr } from './ip-allowlist.js';
import {
  addressRetryAfter,
  backoffCutoffs,
  backoffRetryAfter,
  loginThrottle,
  purgeCutoffs,
  succeededRecently,
} from './login-throttle.js';
import type { OrganisationService } from './organisation-service.js';
import {
  defaultScryptCost,
  generatePassword,
  hashPassword,
  passwordPolicyProblem,
  verifyPassword,
  type ScryptCost,
} from './password-hashing.js';

/** Who is calling the organisation API, established from a bearer token. */
export interface ApiPrincipal {
  organisationId: number;
  businessId: string;
  credentialId: number;
  username: string;
}

export interface CredentialServiceOptions {
  tokenTtlSeconds: number;
  /** scrypt cost for new hashes; lowered only by tests that create many credentials. */
  hashCost?: ScryptCost;
}

export interface CredentialSummary {
  username: string;
  businessId: string;
  allowedIps: string[];
  createdAt: string;
  passwordChangedAt: string;
  revokedAt: string | null;
}

/** A password may be changed again only after this long (the contract warns of such a delay). */
const PASSWORD_CHANGE_INTERVAL_MS = 15 * 60 * 1000;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function summary(row: CredentialRow): CredentialSummary {
  return {
    username: row.username,
    businessId: row.businessId,
    allowedIps: row.allowedIps ?? [],
    createdAt: row.createdAt,
    passwordChangedAt: row.passwordChangedAt,
    revokedAt: row.revokedAt,
  };
}

/** Each entry as a normalised CIDR; the first that is none is refused, naming the field `allowIp`. */
function checkedAllowlist(values: readonly string[]): string[] {
  return values.map((value) => {
    const cidr = normaliseCidr(value);
    if (!cidr) throw new ValidationError('allowIp', `"${value}" is not an IP address or CIDR range`);
    return cidr;
  });
}

/**
 * API credentials (operators create and revoke them), access tokens (POST /v1/token) and password
 * changes. Only a slow hash of a password and only a SHA-256 of a token are stored: tokens are
 * 256-bit random values, so a fast hash is enough to make a database leak useless.
 */
export class CredentialService {
  private readonly hashCost: ScryptCost;
  // Verified against when the username is unknown, so the answer takes as long as for a real one.
  private dummyHash: Promise<string> | undefined;

  private readonly repository: CredentialRepository;
  private readonly organisations: OrganisationService;
  private readonly clock: () => Date;
  private readonly options: CredentialServiceOptions;

  constructor(deps: {
    repository: CredentialRepository;
    organisations: OrganisationService;
    clock: () => Date;
    options: CredentialServiceOptions;
  }) {
    ({
      repository: this.repository,
      organisations: this.organisations,
      clock: this.clock,
      options: this.options,
    } = deps);
    this.hashCost = deps.options.hashCost ?? defaultScryptCost;
  }

  async create(input: {
    businessId: string;
    allowIps?: readonly string[] | undefined;
  }): Promise<{ username: string; password: string; businessId: string; allowedIps: string[] }> {
    const organisation = await this.organisations.requireActiveOrganisation(input.businessId);
    const allowedIps = checkedAllowlist(input.allowIps ?? []);
    const username = `api-${organisation.businessId}-${randomBytes(4).toString('hex')}`;
    const password = generatePassword();
    await this.repository.insertCredential(
      {
        organisationId: organisation.id,
        username,
        passwordHash: await hashPassword(password, this.hashCost),
        allowedIps: allowedIps.length > 0 ? allowedIps : null,
      },
      this.clock().toISOString(),
    );
    return { username, password, businessId: organisation.businessId, allowedIps };
  }

  async revoke(username: string): Promise<CredentialSummary> {
    const credential = await this.repository.findByUsername(username);
    if (!credential) throw new ValidationError('username', 'no such credentials');
    if (!(await this.repository.revoke(credential.id, this.clock().toISOString()))) {
      throw new ValidationError('username', 'these credentials are already revoked');
    }
    return summary((await this.repository.findById(credential.id))!);
  }

  /**
   * Replaces the credential's IP allowlist; an empty list allows every address. Takes effect at the
   * next token request and the next API call (tokens are checked against the list on every use).
   */
  async setAllowlist(username: string, allowIps: readonly string[]): Promise<CredentialSummary> {
    const allowedIps = checkedAllowlist(allowIps);
    const credential = await this.repository.findByUsername(username);
    if (!credential) throw new ValidationError('username', 'no such credentials');
    await this.repository.setAllowedIps(credential.id, allowedIps.length > 0 ? allowedIps : null);
    return summary((await this.repository.findById(credential.id))!);
  }

  async list(businessId?: string): Promise<CredentialSummary[]> {
    const organisationId = businessId
      ? (await this.organisations.requireOrganisation(businessId)).id
      : undefined;
    return (await this.repository.list(organisationId)).map(summary);
  }

  /** POST /v1/token. */
  async issueToken(input: {
    username: string;
    password: string;
    ip: string;
  }): Promise<{ accessToken: string; expiresIn: number }> {
    const credential = await this.checkPassword(input.username, input.password, input.ip);
    if (!credential) throw new AuthenticationFailedError();
    if (!isAddressAllowed(input.ip, credential.allowedIps)) {
      throw new ForbiddenError('requests from this address are not allowed for these credentials');
    }
    const accessToken = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresIn = this.options.tokenTtlSeconds;
    await this.repository.insertToken(
      {
        tokenHash: sha256(accessToken),
        credentialId: credential.id,
        organisationId: credential.organisationId,
        expiresAt: new Date(now.getTime() + expiresIn * 1000).toISOString(),
      },
      now.toISOString(),
    );
    return { accessToken, expiresIn };
  }

  /** Every API call but /v1/token: a live token, unrevoked credentials, an allowed address. */
  async authenticate(accessToken: string, ip: string): Promise<ApiPrincipal> {
    const token = accessToken ? await this.repository.findToken(sha256(accessToken)) : undefined;
    // A deactivated organisation's tokens are deleted when it is deactivated; checked here too, so
    // no token issued in a race with the deactivation outlives it.
    if (
      !token ||
      token.revokedAt !== null ||
      token.organisationDeactivatedAt !== null ||
      token.expiresAt <= this.clock().toISOString()
    ) {
      throw new UnauthorizedError('the access token is missing, invalid or expired');
    }
    if (!isAddressAllowed(ip, token.allowedIps)) {
      throw new ForbiddenError('requests from this address are not allowed for these credentials');
    }
    return {
      organisationId: token.organisationId,
      businessId: token.businessId,
      credentialId: token.credentialId,
      username: token.username,
    };
  }

  /** POST /v1/change-password: the token identifies the credentials, the current password proves it. */
  async changePassword(input: {
    accessToken: string;
    currentPassword: string;
    newPassword: string;
    ip: string;
  }): Promise<void> {
    // The contract answers 400 "Authentication failed" here, also for a bad token.
    const principal = await this.authenticate(input.accessToken, input.ip).catch((error: unknown) => {
      throw error instanceof UnauthorizedError ? new AuthenticationFailedError() : error;
    });
    const credential = await this.checkPassword(principal.username, input.currentPassword, input.ip);
    if (!credential) throw new ValidationError('currentPassword', 'does not match');
    const problem = passwordPolicyProblem(input.newPassword);
    if (problem) throw new ValidationError('newPassword', problem);
    if (input.newPassword === input.currentPassword) {
      throw new ValidationError('newPassword', 'must differ from the current password');
    }
    const now = this.clock();
    const changedBefore = credential.passwordChangedAt !== credential.createdAt;
    const sinceChange = now.getTime() - new Date(credential.passwordChangedAt).getTime();
    if (changedBefore && sinceChange < PASSWORD_CHANGE_INTERVAL_MS) {
      throw new ValidationError(
        'newPassword',
        'the password was changed less than 15 minutes ago; try again later',
      );
    }
    await this.repository.replacePassword(
      credential.id,
      await hashPassword(input.newPassword, this.hashCost),
      now.toISOString(),
    );
  }

  /** Housekeeping for the worker: expired tokens and throttling rows that no longer matter. */
  async purgeExpired(): Promise<number> {
    const now = this.clock();
    return this.repository.purgeExpired(now.toISOString(), purgeCutoffs(now));
  }

  /**
   * The throttled password check shared by the token and change-password endpoints (rules in
   * login-throttle.ts). The attempt is counted before the password is checked; an unknown username
   * or revoked credentials go through the same steps as a real one, so neither the answer nor the
   * throttling tells whether a username exists.
   */
  private async checkPassword(
    username: string,
    password: string,
    ip: string,
  ): Promise<CredentialRow | undefined> {
    const now = this.clock();
    const clientAddress = canonicalAddress(ip);
    const credential = await this.repository.findByUsername(username);
    // A deactivated organisation's credentials fail like revoked ones: nothing tells them apart.
    const usable =
      credential && credential.revokedAt === null && credential.organisationDeactivatedAt === null
        ? credential
        : undefined;
    await this.admitAttempt(username, clientAddress, usable, now);
    this.dummyHash ??= hashPassword(generatePassword(), defaultScryptCost);
    const matches = await verifyPassword(password, usable ? usable.passwordHash : await this.dummyHash);
    if (!usable || !matches) return undefined;
    // Outside the allowlist the right password still gets no token (403): nothing to remember.
    if (isAddressAllowed(clientAddress, usable.allowedIps)) {
      await this.repository.recordLoginSuccess(username, clientAddress, now.toISOString());
    }
    return usable;
  }

  /** Counts the attempt, or throws 429 when a limit says it must wait. */
  private async admitAttempt(
    username: string,
    clientAddress: string,
    credential: CredentialRow | undefined,
    now: Date,
  ): Promise<void> {
    const windowStart = new Date(now.getTime() - loginThrottle.windowMs).toISOString();
    const counted = await this.repository.findLoginAttempts(username, clientAddress);
    // isAddressAllowed lets every address through a missing list; only a real list confers trust.
    const allowedIps = credential?.allowedIps ?? [];
    const allowlisted = allowedIps.length > 0 && isAddressAllowed(clientAddress, allowedIps);
    const trusted =
      credential !== undefined && (allowlisted || succeededRecently(counted?.lastSuccessAt, now));
    if (!trusted) {
      const letThrough = await this.repository.claimBackoffSlot({
        username,
        now: now.toISOString(),
        windowStart,
        cutoffs: backoffCutoffs(now),
      });
      if (!letThrough) {
        const backoff = await this.repository.findLoginBackoff(username);
        throw new TooManyRequestsError(
          'too many failed logins; try again later',
          backoff ? backoffRetryAfter(backoff.attempts, backoff.lastAttemptAt, now) : 1,
        );
      }
    }
    const claimed = await this.repository.claimAddressAttempt({
      username,
      clientAddress,
      now: now.toISOString(),
      windowStart,
      maxAttempts: loginThrottle.maxAttemptsPerAddress,
    });
    if (!claimed) {
      const attempts = await this.repository.findLoginAttempts(username, clientAddress);
      throw new TooManyRequestsError(
        'too many failed logins; try again later',
        attempts ? addressRetryAfter(attempts.windowStartedAt, now) : 1,
      );
    }
  }
}
