import { extensionMarker } from './schemas/common.js';

/**
 * Settings for @fastify/swagger, which builds our OpenAPI document from the route schemas, so the
 * document cannot drift from what the routes accept and answer.
 */
export const openApiInfo = {
  openapi: '3.0.3',
  info: {
    title: 'asiointitili organisation API (Suomi.fi Messages REST API compatible)',
    description:
      'The Suomi.fi Messages REST API operations (v1 and v2) as implemented by asiointitili. An existing ' +
      'integration works by changing its base URL and credentials. Anything that is ours and not in the ' +
      `published contract is marked with \`x-asiointitili-extension: true\` and "${extensionMarker}".`,
    version: '1.0.0',
  },
  components: {
    securitySchemes: {
      oauth2: { type: 'apiKey' as const, name: 'Authorization', in: 'header' as const },
    },
  },
} as const;

type Json = unknown;

/** Adds `x-asiointitili-extension: true` wherever a description carries the extension marker. */
export function markExtensions(node: Json): Json {
  if (Array.isArray(node)) return node.map(markExtensions);
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) result[key] = markExtensions(value);
  if (typeof result.description === 'string' && result.description.startsWith(extensionMarker)) {
    result['x-asiointitili-extension'] = true;
  }
  return result;
}
