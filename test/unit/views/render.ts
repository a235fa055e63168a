import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator, type Locale } from '../../../src/i18n/i18n.js';
import type { PageContext } from '../../../src/http/views/page-context.js';

/** A page context as the request-context plugin builds it, signed in or not. */
export function pageContext(options: { locale?: Locale; signedIn?: boolean; textSize?: 1 | 2 | 3 } = {}) {
  const locale = options.locale ?? 'fi';
  const ctx: PageContext = {
    locale,
    t: translator(locale),
    currentPath: '/mailbox/inbox',
    textSize: options.textSize ?? 1,
    csrfToken: 'csrf-token',
  };
  if (options.signedIn) {
    ctx.signedInName = 'Kimmo Mäkinen';
    ctx.hasMailbox = true;
  }
  return ctx;
}

export function render(node: VNode): string {
  return renderToString(node);
}

/** One attribute of the element with the given id in rendered markup (undefined when absent). */
export function attributeOf(html: string, id: string, attribute: string): string | undefined {
  const tag = new RegExp(`<[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  return tag === undefined ? undefined : new RegExp(`\\b${attribute}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * A form field rendered with `name` as its id too (as the pages do): its markup, and a reader of its
 * control's attributes.
 */
export function renderField(name: string, field: (named: { id: string; name: string }) => VNode) {
  const html = render(field({ id: name, name }));
  return { html, attribute: (attribute: string) => attributeOf(html, name, attribute) };
}

/** Markup with each inline icon written as `<icon:name-class>`, so assertions stay readable. */
export function withIconsNamed(html: string): string {
  return html.replace(/<svg class="icon([^"]*)"[^>]*>.*?<\/svg>/g, (_match, extra: string) =>
    extra.trim() ? `<icon:${extra.trim()}>` : '<icon>',
  );
}
