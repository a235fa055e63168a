import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { VNode } from 'preact';
import type { AppContext } from '../../../app-context.js';
import { limits } from '../../../modules/mailbox/index.js';
import { pageContext } from '../../plugins/request-context.js';
import type { PageContext } from '../../views/page-context.js';
import { IdentificationPage } from '../../views/public/identification-info.js';
import { AboutPage, FaqPage, PrivacyPage, SupportPage } from '../../views/public/info-pages.js';
import { AzIndexPage, SitemapPage } from '../../views/public/site-index-pages.js';
import { renderPage } from '../../views/render.js';

const Html = Type.String();

/** The public information pages: no sign-in, no input beyond the language and text size. */
export function publicInfoRoutes(context: AppContext): FastifyPluginAsyncTypebox {
  const config = context.config;
  const retention = {
    deletedMessageDays: limits.restoreDays,
    deliveryDays: config.deliveryRetentionDays,
    auditDays: config.auditRetentionDays,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
    feedbackDays: config.feedbackRetentionDays,
  };
  const pages: Record<string, (ctx: PageContext) => VNode> = {
    '/about': (ctx) => AboutPage({ ctx }),
    '/faq': (ctx) => FaqPage({ ctx }),
    '/support': (ctx) => SupportPage({ ctx }),
    '/privacy': (ctx) => PrivacyPage({ ctx, retention }),
    '/identification': (ctx) => IdentificationPage({ ctx }),
    '/sitemap': (ctx) => SitemapPage({ ctx }),
    '/a-z': (ctx) => AzIndexPage({ ctx }),
  };
  return async (app) => {
    for (const [path, page] of Object.entries(pages)) {
      app.get(path, { schema: { hide: true, response: { 200: Html } } }, async (request, reply) => {
        return reply.type('text/html; charset=utf-8').send(renderPage(page(pageContext(request))));
      });
    }
  };
}
