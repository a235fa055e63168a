import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  defaultLocale,
  isLocale,
  localeFromAcceptLanguage,
  translator,
  type Locale,
  type Translate,
} from '../../i18n/i18n.js';
import type { PageContext, TextSize } from '../views/page-context.js';

export const languageCookie = 'lang';
export const textSizeCookie = 'text_size';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    textSize: TextSize;
    /** Filled by the session plugin when a citizen is signed in. */
    pageExtras: Partial<Pick<PageContext, 'signedInName' | 'csrfToken' | 'hasMailbox' | 'accountClosed'>>;
  }
}

/** A language the person chose on this browser: `?lang=` or the remembered cookie. */
function chosenLocale(request: FastifyRequest): Locale | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && isLocale(query.lang)) return query.lang;
  const cookie = request.cookies[languageCookie];
  return isLocale(cookie) ? cookie : undefined;
}

function pickLocale(request: FastifyRequest): Locale {
  return (
    chosenLocale(request) ?? localeFromAcceptLanguage(request.headers['accept-language']) ?? defaultLocale
  );
}

/**
 * The order of the page language: a choice made on this browser (`?lang=`, the cookie), then the
 * language saved with the signed-in person's account, then Accept-Language, then Finnish. The
 * session plugin calls this once it knows the account; before that the request has the language
 * without the account's.
 */
export function applySavedLanguage(request: FastifyRequest, saved: string | undefined): void {
  if (!isLocale(saved) || chosenLocale(request) !== undefined || request.locale === saved) return;
  request.locale = saved;
  request.t = translator(saved);
}

export function pageContext(request: FastifyRequest): PageContext {
  return {
    locale: request.locale,
    t: request.t,
    currentPath: request.url,
    textSize: request.textSize,
    ...request.pageExtras,
  };
}

/** Language and text size for every request, from the query, a remembered cookie or the browser. */
export const requestContextPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('locale', defaultLocale);
    app.decorateRequest('t', null as unknown as Translate);
    app.decorateRequest('textSize', 1);
    app.decorateRequest('pageExtras', null as unknown as PageContext);
    app.addHook('onRequest', async (request) => {
      request.locale = pickLocale(request);
      request.t = translator(request.locale);
      const size = Number(request.cookies[textSizeCookie]);
      request.textSize = size === 2 || size === 3 ? size : 1;
      request.pageExtras = {};
    });
  },
  { name: 'request-context', dependencies: ['@fastify/cookie'] },
);
