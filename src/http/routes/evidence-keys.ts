import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EvidenceServices } from '../../modules/evidence/index.js';
import { jwksMaxAgeSeconds } from '../../modules/identity/index.js';

/** A public EC signing key as published: P-256 coordinates, its id, use and algorithm. */
const PublicJwk = Type.Object({
  kty: Type.Literal('EC'),
  crv: Type.Literal('P-256'),
  x: Type.String(),
  y: Type.String(),
  kid: Type.String(),
  use: Type.Literal('sig'),
  alg: Type.Literal('ES256'),
});

export const EvidenceJwks = Type.Object({ keys: Type.Array(PublicJwk) });

/**
 * GET /.well-known/jwks.json: the public keys that verify delivery evidence (docs/evidence.md). Every
 * key of EVIDENCE_SIGNING_KEY_FILE is published, old ones too, so evidence signed before a rotation
 * still verifies; the file is re-read while running, so a rotation shows within seconds. The response
 * schema lets out only the members above: never a private part.
 */
export function evidenceKeyRoutes(evidence: EvidenceServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/.well-known/jwks.json',
      { schema: { hide: true, response: { 200: EvidenceJwks } } },
      async (_request, reply) =>
        reply
          .header('cache-control', `public, max-age=${jwksMaxAgeSeconds}`)
          .type('application/jwk-set+json')
          // publicJwks gives the ES256 keys' public members only (EvidenceRecorder.publicJwks).
          .send(evidence.publicJwks() as Static<typeof EvidenceJwks>),
    );
  };
}
