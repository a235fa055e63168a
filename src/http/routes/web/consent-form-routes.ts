import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { consentFormLanguages, type ConsentService } from '../../../modules/consents/index.js';

const ConsentFormParams = Type.Object({ businessId: Type.String({ pattern: '^[0-9]{7}-[0-9]$' }) });
const ConsentFormQuery = Type.Object({
  lang: Type.Optional(Type.Union(consentFormLanguages.map((lang) => Type.Literal(lang)))),
});
const Pdf = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const Html = Type.String();

/**
 * GET /consent-form/:businessId.pdf?lang=fi|sv: an organisation's blank consent form to print and
 * hand out. Public (it holds nothing about anyone); an unknown or deactivated organisation is 404.
 */
export function consentFormRoutes(consents: ConsentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/consent-form/:businessId.pdf',
      {
        schema: {
          hide: true,
          params: ConsentFormParams,
          querystring: ConsentFormQuery,
          response: { 200: Pdf, 404: Html },
        },
      },
      async (request, reply) => {
        const form = await consents.consentFormPdf(request.params.businessId, request.query.lang ?? 'fi');
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${form.fileName}"`)
          .header('cache-control', 'public, max-age=3600')
          .send(form.pdf);
      },
    );
  };
}
