/**
 * Throttling of the organisation API's password checks (POST /v1/token and /v1/change-password).
 * The rules are here as pure functions; the counting is in the database (credential-repository),
 * so every web process sees the same numbers.
 *
 * Attempts are counted *before* the password is checked, each by one atomic statement that either
 * claims the attempt or refuses it. So however many requests arrive at once, no more get their
 * password checked than the limits allow; the others get 429 with Retry-After.
 *
 * Two limits, so that knowing a username is not enough to lock its owner out:
 *
 * 1. Per username and client address: five attempts without a success within fifteen minutes
 *    (the window starts at the first of them), then 429 until the window has passed. A successful
 *    login clears the count for that address.
 * 2. Per username across all addresses, a backoff for addresses not trusted for it: after the n-th
 *    attempt from such addresses the next one is let through only min(2^(n-1), 300) seconds later
 *    (1 s, 2 s, 4 s … at most 5 minutes); the count starts again after fifteen minutes without such
 *    attempts. An address is trusted when it is in the credential's IP allowlist, or when a login
 *    from it succeeded within the last 30 days. A trusted address never waits for the backoff, so
 *    an attacker elsewhere can slow down guessing (theirs and strangers') but cannot stop the
 *    integration from getting its token. Without an allowlist, the integration's first login from
 *    a new address may have to wait for a slot while an attack is going on.
 *
 * Unknown usernames and revoked credentials are counted exactly like real ones (never trusted), so
 * the answers do not reveal which usernames exist.
 */
export const loginThrottle = {
  maxAttemptsPerAddress: 5,
  windowMs: 15 * 60 * 1000,
  maxBackoffSeconds: 300,
  trustedForMs: 30 * 24 * 60 * 60 * 1000,
} as const;

/** The wait after the n-th attempt (n ≥ 1) from untrusted addresses, in seconds. */
export function backoffSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), loginThrottle.maxBackoffSeconds);
}

/** Attempt counts whose wait is below the cap; at this count and above, the wait is the cap. */
export const cappedBackoffFrom = Math.ceil(Math.log2(loginThrottle.maxBackoffSeconds)) + 1;

/**
 * For the atomic claim: after `attempts` untrusted attempts the next is allowed if the last was let
 * through at or before `lastAttemptBefore`. One entry per count below the cap, then one for
 * `attempts ≥ cappedBackoffFrom` (marked `orMore`).
 */
export function backoffCutoffs(
  now: Date,
): { attempts: number; orMore: boolean; lastAttemptBefore: string }[] {
  const cutoffs = [];
  for (let attempts = 1; attempts <= cappedBackoffFrom; attempts++) {
    cutoffs.push({
      attempts,
      orMore: attempts === cappedBackoffFrom,
      lastAttemptBefore: new Date(now.getTime() - backoffSeconds(attempts) * 1000).toISOString(),
    });
  }
  return cutoffs;
}

/** Whole seconds from `now` until `until` (at least 1: a 429 always asks to wait). */
export function secondsUntil(until: number, now: Date): number {
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** Seconds until the address may try again after its per-address limit was reached. */
export function addressRetryAfter(windowStartedAt: string, now: Date): number {
  return secondsUntil(Date.parse(windowStartedAt) + loginThrottle.windowMs, now);
}

/** Seconds until the next untrusted attempt is let through. */
export function backoffRetryAfter(attempts: number, lastAttemptAt: string, now: Date): number {
  return secondsUntil(Date.parse(lastAttemptAt) + backoffSeconds(attempts) * 1000, now);
}

/** Whether a login from the address succeeded recently enough for it to skip the backoff. */
export function succeededRecently(lastSuccessAt: string | null | undefined, now: Date): boolean {
  return (
    lastSuccessAt !== null &&
    lastSuccessAt !== undefined &&
    Date.parse(lastSuccessAt) > now.getTime() - loginThrottle.trustedForMs
  );
}

/** Cut-off times for the worker's purge: rows older than these no longer affect any decision. */
export function purgeCutoffs(now: Date): { windowStart: string; trustedSince: string } {
  return {
    windowStart: new Date(now.getTime() - loginThrottle.windowMs).toISOString(),
    trustedSince: new Date(now.getTime() - loginThrottle.trustedForMs).toISOString(),
  };
}
