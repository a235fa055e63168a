import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentTerms } from '../../../modules/accounts/index.js';
import { pageContext } from '../../plugins/request-context.js';
import { AccessibilityPage, TermsPage } from '../../views/account/info-pages.js';
import { renderPage } from '../../views/render.js';

/** /terms and /accessibility: public, no sign-in needed. */
export function accountInfoRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/terms', { schema: { hide: true } }, async (request, reply) => {
      const page = TermsPage({ ctx: pageContext(request), ...currentTerms });
      return reply.type('text/html; charset=utf-8').send(renderPage(page));
    });
    app.get('/accessibility', { schema: { hide: true } }, async (request, reply) => {
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(AccessibilityPage({ ctx: pageContext(request) })));
    });
  };
}
