import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { maxQueryLength, type CatalogueService } from '../../../modules/catalogue/index.js';
import { pageContext } from '../../plugins/request-context.js';
import { CataloguePage } from '../../views/public/catalogue-page.js';
import { renderPage } from '../../views/render.js';

const Html = Type.String();
// The limit is checked by the service, so that a long query gets the page's own error message
// rather than the generic 400 page; the schema only bounds what is read at all.
const CatalogueQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 4 * maxQueryLength })) });

/** GET /services: the connected-services catalogue; with ?q= its search. Public. */
export function catalogueRoutes(catalogue: CatalogueService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/services',
      { schema: { hide: true, querystring: CatalogueQuery, response: { 200: Html, 400: Html } } },
      async (request, reply) => {
        const ctx = pageContext(request);
        const query = (request.query.q ?? '').trim();
        reply.type('text/html; charset=utf-8');
        if (query === '') {
          const organisations = await catalogue.listByOrganisation(ctx.locale);
          return reply.send(renderPage(CataloguePage({ ctx, query, organisations })));
        }
        if (query.length > maxQueryLength) {
          const page = CataloguePage({ ctx, query: '', queryError: ctx.t('public.catalogue.tooLong') });
          return reply.code(400).send(renderPage(page));
        }
        const result = await catalogue.search(query, ctx.locale);
        return reply.send(renderPage(CataloguePage({ ctx, query, result })));
      },
    );
  };
}
