import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CredentialService } from '../../../modules/organisations/index.js';
import {
  AccessTokenRequestBody,
  AccessTokenResponse,
  ChangePasswordRequestBody,
  ChangePasswordResponse,
} from './schemas/auth-schemas.js';
import { ErrorResponse } from './schemas/common.js';

/** POST /v1/token and POST /v1/change-password. */
export function authRoutes(credentials: CredentialService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/token',
      {
        config: {
          apiPublic: true,
          // Per client address, on top of the login throttle kept in the database (login-throttle.ts).
          rateLimit: { max: 30, timeWindow: 60_000 },
        },
        schema: {
          tags: ['auth'],
          summary: 'Obtain an authentication token.',
          operationId: 'postV1Token',
          body: AccessTokenRequestBody,
          response: { 200: AccessTokenResponse, 400: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request) => {
        const { accessToken, expiresIn } = await credentials.issueToken({
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
        });
        return { access_token: accessToken, token_type: 'Bearer' as const, expires_in: expiresIn };
      },
    );

    app.post(
      '/v1/change-password',
      {
        config: { apiPublic: true, rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          summary: 'Change a password to a new one.',
          description:
            'A valid password is at least 32 characters long and contains at least one lower case, upper ' +
            'case, number, and symbol character. A password can be changed again 15 minutes after the ' +
            'previous change. Every token of the credentials stops working: fetch a new one.',
          operationId: 'postV1ChangePassword',
          body: ChangePasswordRequestBody,
          response: {
            200: ChangePasswordResponse,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            429: ErrorResponse,
          },
        },
      },
      async (request) => {
        await credentials.changePassword({ ...request.body, ip: request.ip });
        return {};
      },
    );
  };
}
