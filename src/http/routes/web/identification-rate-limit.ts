/**
 * Per client address limit on the identification routes (GET /login, GET /auth/callback and the
 * test IdP's code entry), as @fastify/rate-limit route config. A person needs one or two of each
 * per login; the limit stops a single address from hammering them (each /login costs the identity
 * provider an authorization request, each code entry a register lookup).
 *
 * Counted in memory per process (the plugin's default store): with several web processes an
 * address gets this much from each, which is still a bound. The 429 is the ordinary error page in
 * the visitor's language, with Retry-After (see http/plugins/error-handler.ts).
 */
export const identificationRateLimit = { max: 30, timeWindow: 60_000 } as const;
