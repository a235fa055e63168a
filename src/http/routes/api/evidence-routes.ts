import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EvidenceBundles } from '../../../modules/evidence/index.js';
import { principalOf } from './authentication.js';
import { ErrorResponse, authenticatedErrors, extension, tokenSecurity } from './schemas/common.js';
import { MessageIdParams } from './schemas/query-schemas.js';

/** The bundle of docs/evidence.md; the same JSON the citizen downloads from the message page. */
export const EvidenceBundleResponse = Type.Object(
  {
    messageId: Type.Integer({ description: 'ID of the message' }),
    externalId: Type.Unsafe<string | null>({
      type: 'string',
      nullable: true,
      description: 'The externalId the message was sent with (null when it had none)',
    }),
    records: Type.Array(
      Type.String({
        pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
        description: 'A compact JWS (ES256)',
      }),
      { description: 'The evidence records, oldest first, each chained to the one before it' },
    ),
  },
  extension('Signed delivery evidence of a message, verifiable offline with /.well-known/jwks.json.'),
);

/** GET /v2/messages/{id}/evidence: ours, not the contract's (marked as an extension). */
export function evidenceRoutes(bundles: EvidenceBundles): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v2/messages/:id/evidence',
      {
        schema: {
          tags: ['Extensions'],
          summary: 'Retrieve the signed delivery evidence of a message you have sent.',
          ...extension(
            'Every evidence record of the message so far (submission accepted, made available, ' +
              'notified, opened, acknowledged, deemed received, handed to printing, delivery failed), ' +
              'each a compact JWS (ES256) chained to the one before it. Verify them offline with the ' +
              'keys at /.well-known/jwks.json (`asiointitili evidence verify`). A message of another ' +
              'organisation is not found.',
          ),
          operationId: 'getV2MessagesIdEvidence',
          security: tokenSecurity,
          params: MessageIdParams,
          response: authenticatedErrors({
            200: EvidenceBundleResponse,
            400: ErrorResponse,
            404: ErrorResponse,
          }),
        },
      },
      async (request) => bundles.forOrganisation(principalOf(request).organisationId, request.params.id),
    );
  };
}
