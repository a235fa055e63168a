import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../app-context.js';
import { locales } from '../../../i18n/i18n.js';
import { languageCookie, pageContext, textSizeCookie } from '../../plugins/request-context.js';
import { safeReturnPath } from '../../return-path.js';
import { renderPage } from '../../views/render.js';
import { StartPage, type ConnectedOrganisation } from '../../views/start-page.js';

const oneYear = 365 * 24 * 3600;
const ReturnQuery = Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) });
const Html = Type.String();

export interface PublicPagesOptions {
  /** Organisations and services listed on the start page (empty until organisations exist). */
  listConnectedOrganisations: (locale: string) => Promise<ConnectedOrganisation[]>;
}

export function publicPageRoutes(
  context: AppContext,
  options: PublicPagesOptions,
): FastifyPluginAsyncTypebox {
  // The language and text size choices outlive the session: kept for a year, never read by scripts.
  const preferenceCookie = {
    path: '/',
    maxAge: oneYear,
    sameSite: 'lax',
    httpOnly: true,
    secure: context.config.publicUrl.protocol === 'https:',
  } as const;
  return async (app) => {
    app.get('/', { schema: { hide: true, response: { 200: Html } } }, async (request, reply) => {
      const organisations = await options.listConnectedOrganisations(request.locale);
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(StartPage({ ctx: pageContext(request), organisations })));
    });

    app.get(
      '/language/:locale',
      {
        schema: {
          hide: true,
          params: Type.Object({ locale: Type.Union(locales.map((l) => Type.Literal(l))) }),
          querystring: ReturnQuery,
        },
      },
      async (request, reply) => {
        void reply.setCookie(languageCookie, request.params.locale, preferenceCookie);
        return reply.redirect(stripLang(safeReturnPath(request.query.return, context.config.publicUrl)), 303);
      },
    );

    app.get(
      '/text-size/:size',
      {
        schema: {
          hide: true,
          params: Type.Object({
            size: Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Literal('3')]),
          }),
          querystring: ReturnQuery,
        },
      },
      async (request, reply) => {
        void reply.setCookie(textSizeCookie, request.params.size, preferenceCookie);
        return reply.redirect(safeReturnPath(request.query.return, context.config.publicUrl), 303);
      },
    );
  };
}

/** A ?lang= on the (already safe) return path would override the language just chosen. */
function stripLang(path: string): string {
  const url = new URL(path, 'http://local');
  if (!url.searchParams.has('lang')) return path;
  url.searchParams.delete('lang');
  return url.pathname + url.search + url.hash;
}
