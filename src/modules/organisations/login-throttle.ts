/**
 * Throttling of failed logins per username, counted in the database so that every web process
 * sees the same count. Five failures within fifteen minutes lock the username until the oldest of
 * them leaves the window; a successful login clears the count.
 */
export const loginThrottle = {
  maxFailures: 5,
  windowMs: 15 * 60 * 1000,
} as const;

/** Seconds until another attempt is allowed, or 0 when not throttled. `failures` oldest first. */
export function retryAfterSeconds(failures: readonly string[], now: Date): number {
  if (failures.length < loginThrottle.maxFailures) return 0;
  const blocking = failures[failures.length - loginThrottle.maxFailures]!;
  const until = new Date(blocking).getTime() + loginThrottle.windowMs;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}
