import type { Envelope } from '../../crypto/envelope.js';
import { createHash } from 'node:crypto';
import type { AccountStatus } from '../../db/schema.js';
import { recordLogout, recordSignIn } from './identification-audit.js';
import { SessionLifetime, type SessionTimeouts } from './session-lifetime.js';
import type { SessionRepository, SessionRow } from './session-repository.js';
import { hashSessionId } from './session-tokens.js';

/** Who identified, as the identity provider and the population register told us. */
export interface IdentifiedPerson {
  identityCode: string;
  firstNames: string;
  lastName: string;
  /** How the person identified, e.g. "bank:nordea", "mobile", "card"; shown nowhere, kept for audit. */
  method: string;
  /** The identity provider's handle on this login, for single logout (SAML only). */
  federation?: FederatedLogin;
}

/**
 * What SAML single logout needs of a login: the NameID the IdP gave (Suomi.fi's is transient, made
 * for this login, not the person's identity) with its qualifiers, and the IdP's session index.
 */
export interface FederatedLogin {
  nameId: string;
  nameIdFormat: string;
  nameQualifier?: string;
  spNameQualifier?: string;
  sessionIndex?: string;
}

/** A signed-in citizen's server-side session. */
export interface CitizenSession {
  /** The stored hash of the session id: safe to log or reference, useless as a cookie. */
  idHash: string;
  csrfToken: string;
  person: IdentifiedPerson;
}

/** The signed-in person's account as the session check reads it: just enough for access decisions. */
export interface SessionAccount {
  id: number;
  status: AccountStatus;
  /** The language saved with the account (settings), as stored. */
  language: string;
  /** The version of the terms of use the person last accepted. */
  termsVersion: string;
}

/**
 * What the identification service needs to end its own session when the person logs out here: for
 * OpenID Connect the ID token (id_token_hint), for another protocol what it names its session by.
 * Kept with our session, encrypted; handed back only by logout.
 */
export type ProviderSession = Readonly<{ protocol: string } & Record<string, string>>;

interface StoredCitizen {
  kind: 'citizen';
  /** The person's names as JSON, envelope-encrypted under citizenNamesContext (base64url). */
  names?: string;
  /** In clear only in sessions begun before migration 0016 (read until they expire). */
  firstNames?: string;
  lastName?: string;
  method: string;
  /** ProviderSession as JSON, envelope-encrypted under providerSessionContext (base64url). */
  provider?: string;
  federation?: FederatedLogin;
  /** Digest of the NameID, by which the identity provider's logout request finds the session. */
  federationKey?: string;
}

/** The lookup key of a federated login: a digest, so the stored data can be searched with LIKE. */
export function federationKey(nameId: string): string {
  return createHash('sha256').update(`saml-name-id:${nameId}`, 'utf8').digest('hex');
}

/** Bound to the session: a sealed provider session cannot be moved to another session row. */
export const providerSessionContext = (idHash: string) => `identity:provider-session:v1:${idHash}`;

/** Bound to the session: sealed names cannot be moved to another session row. */
export const citizenNamesContext = (idHash: string) => `identity:citizen-names:v1:${idHash}`;

/**
 * The signed-in person's names from a session's stored data; undefined when it is not a citizen's
 * session or its names cannot be opened (a key ring without their key: the person signs in again).
 */
export function citizenNamesOf(
  envelope: Envelope,
  idHash: string,
  data: string,
): { firstNames: string; lastName: string } | undefined {
  const stored = parseData({ data });
  if (!stored) return undefined;
  if (stored.names === undefined) {
    return stored.firstNames === undefined || stored.lastName === undefined
      ? undefined
      : { firstNames: stored.firstNames, lastName: stored.lastName };
  }
  try {
    const names = JSON.parse(
      envelope.decryptText(Buffer.from(stored.names, 'base64url'), citizenNamesContext(idHash)),
    ) as { firstNames?: unknown; lastName?: unknown };
    return typeof names.firstNames === 'string' && typeof names.lastName === 'string'
      ? { firstNames: names.firstNames, lastName: names.lastName }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Server-side sessions in web_sessions. The cookie holds a random id; the table holds only its hash.
 * Only identified people get a row: a login in progress lives in its own encrypted cookie
 * (login-state-cookie.ts), and a successful login always creates a brand-new session id, so a
 * session id planted in a victim's browser before login (session fixation) is never promoted to a
 * signed-in session.
 */
export class SessionService {
  private readonly lifetime: SessionLifetime<'web_sessions'>;

  constructor(
    private readonly deps: {
      repository: SessionRepository;
      clock: () => Date;
      timeouts: SessionTimeouts;
      envelope: Envelope;
    },
  ) {
    this.lifetime = new SessionLifetime(deps);
  }

  /**
   * A new session for a person who has just identified; returns the cookie value and CSRF token.
   * The sign-in is audited in the transaction that stores the session. `provider` is what logout
   * must hand back to the identification service (stored encrypted).
   */
  async createCitizenSession(
    person: IdentifiedPerson,
    requestId?: string,
    provider?: ProviderSession,
  ): Promise<{ cookieValue: string; session: CitizenSession }> {
    const { cookieValue, now, row } = await this.lifetime.begin((idHash): StoredCitizen => ({
      kind: 'citizen',
      names: this.deps.envelope
        .encrypt(
          JSON.stringify({ firstNames: person.firstNames, lastName: person.lastName }),
          citizenNamesContext(idHash),
        )
        .toString('base64url'),
      method: person.method,
      ...(provider && {
        provider: this.deps.envelope
          .encrypt(JSON.stringify(provider), providerSessionContext(idHash))
          .toString('base64url'),
      }),
      ...(person.federation
        ? { federation: person.federation, federationKey: federationKey(person.federation.nameId) }
        : {}),
    }));
    const { idHash, csrfToken } = row;
    await this.deps.repository.transaction(async (trx) => {
      await this.deps.repository.insert({ ...row, identityCode: person.identityCode }, trx);
      await recordSignIn(trx, {
        accountId: await this.deps.repository.accountIdOf(person.identityCode, trx),
        sessionIdHash: idHash,
        method: person.method,
        requestId,
        at: now,
      });
    });
    return { cookieValue, session: { idHash, csrfToken, person } };
  }

  /**
   * The signed-in session the cookie refers to, or undefined when there is none or it has timed out
   * (idle or absolute); a timed-out session is deleted. Keeps the idle timer running.
   */
  async resume(cookieValue: string | undefined): Promise<CitizenSession | undefined> {
    return (await this.resumeWithAccount(cookieValue))?.session;
  }

  /**
   * As resume, and also the person's current account (any state; undefined when they have none),
   * read in the same query as the session.
   */
  async resumeWithAccount(
    cookieValue: string | undefined,
  ): Promise<{ session: CitizenSession; account: SessionAccount | undefined } | undefined> {
    if (!cookieValue) return undefined;
    const idHash = hashSessionId(cookieValue);
    const row = await this.deps.repository.findWithAccount(idHash);
    if (!row || row.identityCode === null) return undefined;
    const data = parseData(row);
    if (data?.kind !== 'citizen') return undefined;
    const names = citizenNamesOf(this.deps.envelope, idHash, row.data);
    if (!names) return undefined;
    if (!(await this.lifetime.keepAlive(idHash, row))) return undefined;
    return {
      session: {
        idHash,
        csrfToken: row.csrfToken,
        person: {
          identityCode: row.identityCode,
          firstNames: names.firstNames,
          lastName: names.lastName,
          method: data.method,
          ...(data.federation ? { federation: data.federation } : {}),
        },
      },
      account: row.account,
    };
  }

  /**
   * Ends the session on the server without recording anything (a new sign-in replacing whatever
   * session the browser had); a missing session is not an error.
   */
  end(cookieValue: string | undefined): Promise<void> {
    return this.lifetime.end(cookieValue);
  }

  /**
   * The person logs out: the session ends and the logout is audited; a missing session is not an
   * error. Returns what the identification service needs to end its own session, if it left any.
   */
  async logout(cookieValue: string | undefined, requestId?: string): Promise<ProviderSession | undefined> {
    if (!cookieValue) return undefined;
    const idHash = hashSessionId(cookieValue);
    const now = this.deps.clock();
    const ended = await this.deps.repository.transaction(async (trx) => {
      const row = await this.deps.repository.deleteReturningIdentity(idHash, trx);
      if (!row || row.identityCode === null) return undefined;
      await recordLogout(trx, {
        accountId: await this.deps.repository.accountIdOf(row.identityCode, trx),
        sessionIdHash: idHash,
        requestId,
        at: now,
      });
      return row;
    });
    return ended ? this.openProviderSession(ended.data, idHash) : undefined;
  }

  private openProviderSession(data: string, idHash: string): ProviderSession | undefined {
    const sealed = parseData({ data })?.provider;
    if (!sealed) return undefined;
    try {
      const text = this.deps.envelope.decryptText(
        Buffer.from(sealed, 'base64url'),
        providerSessionContext(idHash),
      );
      const parsed = JSON.parse(text) as unknown;
      return isProviderSession(parsed) ? parsed : undefined;
    } catch {
      // A key ring without the key it was sealed under: logout still ends our session.
      return undefined;
    }
  }

  /**
   * The identity provider ended the login with this NameID (SAML single logout it started): every
   * session made from that login ends and each logout is audited. Returns how many ended.
   */
  async logoutFederated(nameId: string, requestId?: string): Promise<number> {
    const now = this.deps.clock();
    return this.deps.repository.transaction(async (trx) => {
      const ended = await this.deps.repository.deleteByFederationKey(federationKey(nameId), trx);
      for (const session of ended) {
        await recordLogout(trx, {
          accountId: await this.deps.repository.accountIdOf(session.identityCode, trx),
          sessionIdHash: session.idHash,
          requestId,
          at: now,
        });
      }
      return ended.length;
    });
  }
}

function isProviderSession(value: unknown): value is ProviderSession {
  if (typeof value !== 'object' || value === null) return false;
  const fields = Object.values(value as Record<string, unknown>);
  return (
    typeof (value as { protocol?: unknown }).protocol === 'string' &&
    fields.every((v) => typeof v === 'string')
  );
}

/** Rows of another kind (a pending login of an earlier version) are not sessions. */
function parseData(row: Pick<SessionRow, 'data'>): StoredCitizen | undefined {
  try {
    const data = JSON.parse(row.data) as StoredCitizen;
    return data.kind === 'citizen' ? data : undefined;
  } catch {
    return undefined;
  }
}
