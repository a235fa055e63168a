import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../../../errors.js';
import type { ApiPrincipal, CredentialService } from '../../../modules/organisations/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no bearer token (token issuing, password change, documentation). */
    apiPublic?: boolean;
  }
  interface FastifyRequest {
    /** Set by the organisation API's authentication hook. */
    apiPrincipal: ApiPrincipal | null;
  }
}

/** `Authorization: Bearer <token>`; the bare token (as some Suomi.fi clients send it) works too. */
function tokenFrom(header: string | undefined): string {
  if (!header) return '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : header.trim();
}

/**
 * Authenticates every organisation API request before its body is read, so an unauthenticated
 * caller cannot make us parse (or store) anything. The client address is Fastify's request.ip,
 * which believes X-Forwarded-For only from TRUSTED_PROXIES, for the IP allowlist.
 */
export function registerAuthentication(app: FastifyInstance, credentials: CredentialService): void {
  app.decorateRequest('apiPrincipal', null);
  app.addHook('onRequest', async (request) => {
    // An unknown path is answered 404 whoever asks; it reveals nothing a token would protect.
    if (request.routeOptions.config.apiPublic || request.is404) return;
    request.apiPrincipal = await credentials.authenticate(
      tokenFrom(request.headers.authorization),
      request.ip,
    );
  });
}

export function principalOf(request: FastifyRequest): ApiPrincipal {
  if (!request.apiPrincipal) throw new UnauthorizedError('the access token is missing, invalid or expired');
  return request.apiPrincipal;
}
