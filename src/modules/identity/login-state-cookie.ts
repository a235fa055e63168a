import type { Envelope } from '../../crypto/envelope.js';

/**
 * What the login needs to remember between sending the browser to the IdP and its return. Under
 * SAML, `state` is the AuthnRequest's ID (the response's InResponseTo must equal it) and `nonce` and
 * `codeVerifier` are empty: SAML has neither.
 */
export interface LoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** How long a started login may take before the person must start again. */
export const loginStateSeconds = 10 * 60;

/**
 * Fixed additional data for the envelope: a login cookie can be opened only as a login cookie of
 * its own kind, never mistaken for (or made from) a value encrypted for some other purpose. The
 * staff sign-in has its own, so a citizen's pending login can never finish as a staff one.
 */
const envelopeContexts = {
  citizen: 'identity:login-state:v1',
  staff: 'identity:staff-login-state:v1',
} as const;

/** Whose login the cookie carries: a citizen's (the default) or a staff member's. */
export type LoginPurpose = keyof typeof envelopeContexts;

interface SealedLogin extends LoginState {
  /** ISO-8601 UTC; after this the cookie is refused even if the browser still sends it. */
  expiresAt: string;
}

/**
 * What a login in progress must remember between sending the browser to the identity provider and
 * its return (state, nonce, PKCE verifier, where to go afterwards), kept in the browser instead of
 * the database, so anonymous visits to /login store nothing and cannot grow any table.
 *
 * The cookie is the envelope encryption (AES-256-GCM, src/crypto/envelope.ts) of the state under the
 * master key ring and a fixed context: secret (the PKCE verifier must not be readable) and
 * tamper-proof, and every web process with the same key ring opens it, so the callback may reach
 * another process behind a load balancer. Key rotation works as for stored data: sealed under the
 * active key, opened with any key in the ring.
 *
 * Single use: the callback clears the cookie whatever the outcome, and the provider's authorization
 * code can be redeemed only once, so a captured callback URL with a copied cookie cannot be turned
 * into a second session. The expiry inside the cookie bounds how long a copy is of any use at all.
 */
export class LoginStateCookie {
  private readonly envelopeContext: string;

  constructor(
    private readonly deps: { envelope: Envelope; clock: () => Date; purpose?: LoginPurpose | undefined },
  ) {
    this.envelopeContext = envelopeContexts[deps.purpose ?? 'citizen'];
  }

  seal(login: LoginState): string {
    const expiresAt = new Date(this.deps.clock().getTime() + loginStateSeconds * 1000).toISOString();
    const sealed: SealedLogin = { ...login, expiresAt };
    return this.deps.envelope.encrypt(JSON.stringify(sealed), this.envelopeContext).toString('base64url');
  }

  /** The login state, or undefined when the cookie is missing, tampered with, malformed or expired. */
  open(cookieValue: string | undefined): LoginState | undefined {
    if (!cookieValue || !/^[A-Za-z0-9_-]+$/.test(cookieValue)) return undefined;
    let sealed: unknown;
    try {
      sealed = JSON.parse(
        this.deps.envelope.decryptText(Buffer.from(cookieValue, 'base64url'), this.envelopeContext),
      );
    } catch {
      // Tampered, truncated, another key ring, or not JSON: all simply "no pending login".
      return undefined;
    }
    if (!isSealedLogin(sealed) || sealed.expiresAt <= this.deps.clock().toISOString()) return undefined;
    return {
      state: sealed.state,
      nonce: sealed.nonce,
      codeVerifier: sealed.codeVerifier,
      returnTo: sealed.returnTo,
    };
  }
}

function isSealedLogin(value: unknown): value is SealedLogin {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['state', 'nonce', 'codeVerifier', 'returnTo', 'expiresAt'].every(
    (name) => typeof fields[name] === 'string',
  );
}
