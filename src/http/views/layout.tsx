import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { locales } from '../../i18n/i18n.js';
import { AccountNav } from './components/account-nav.js';
import { Wordmark } from './components/brand.js';
import { Breadcrumbs, type Crumb } from './components/breadcrumbs.js';
import type { IconName } from './components/icon.js';
import { InlineList } from './components/inline-list.js';
import { LogoutButton } from './components/logout-button.js';
import type { PageContext } from './page-context.js';
import { css } from './styles/css.js';

const languageNames = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' } as const;

function returnQuery(ctx: PageContext): string {
  return `return=${encodeURIComponent(ctx.currentPath)}`;
}

const mailboxLinks: ReadonlyArray<{
  href: string;
  key:
    | 'account.nav.inbox'
    | 'account.nav.sent'
    | 'account.nav.deleted'
    | 'account.nav.newMessage'
    | 'account.nav.settings';
  icon: IconName;
  /** Shown only while the account is in use (a closed account's mailbox is read-only). */
  needsActiveAccount: boolean;
}> = [
  { href: '/mailbox/inbox', key: 'account.nav.inbox', icon: 'mailReceive', needsActiveAccount: false },
  { href: '/mailbox/sent', key: 'account.nav.sent', icon: 'mailSend', needsActiveAccount: false },
  { href: '/mailbox/deleted', key: 'account.nav.deleted', icon: 'remove', needsActiveAccount: false },
  { href: '/mailbox/new', key: 'account.nav.newMessage', icon: 'message', needsActiveAccount: true },
  { href: '/settings', key: 'account.nav.settings', icon: 'settings', needsActiveAccount: true },
];

/** The public pages every page's footer links to (the site map lists them all). */
const footerLinks = [
  { href: '/about', key: 'public.nav.about' },
  { href: '/services', key: 'public.nav.catalogue' },
  { href: '/faq', key: 'public.nav.faq' },
  { href: '/support', key: 'public.nav.support' },
  { href: '/feedback', key: 'public.nav.feedback' },
  { href: '/terms', key: 'layout.terms' },
  { href: '/privacy', key: 'public.nav.privacy' },
  { href: '/accessibility', key: 'layout.accessibility' },
  { href: '/sitemap', key: 'public.nav.sitemap' },
  { href: '/a-z', key: 'public.nav.index' },
] as const;

/** The footer's content: the same on every page in a language. */
function FooterContent(props: { t: PageContext['t'] }) {
  const { t } = props;
  return (
    <div class="site-footer__inner">
      <p class="site-footer__name">{t('meta.serviceName')}</p>
      <p>{t('layout.support')}</p>
      <nav aria-label={t('public.nav.label')}>
        <InlineList class="site-footer__links">
          {footerLinks.map((link) => (
            <li>
              <a href={link.href}>{t(link.key)}</a>
            </li>
          ))}
        </InlineList>
      </nav>
    </div>
  );
}

const footerMarkupByTranslator = new WeakMap<PageContext['t'], string>();

/**
 * The footer rendered once per language (per translator: one function per language, see
 * translator()) instead of on every page: it holds only translated texts and fixed links, nothing
 * of the request or the person. Preact escapes the texts as it did when rendering it in place.
 */
function footerMarkup(t: PageContext['t']): string {
  let markup = footerMarkupByTranslator.get(t);
  if (markup === undefined) {
    markup = renderToString(<FooterContent t={t} />);
    footerMarkupByTranslator.set(t, markup);
  }
  return markup;
}

function isCurrent(ctx: PageContext, href: string): boolean {
  const path = ctx.currentPath.split('?')[0] ?? '';
  return path === href || path.startsWith(`${href}/`);
}

/**
 * Who is signed in, the mailbox navigation and the logout button (a POST form, so it needs no
 * script). It sits inside the page's banner landmark, so no content is outside a landmark.
 */
function SignedInBar(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t } = ctx;
  const unread = ctx.unreadCount ?? 0;
  return (
    <div class="account-bar">
      <div class="account-bar__inner">
        <p class="account-bar__name">{t('account.nav.signedInAs', { name: ctx.signedInName ?? '' })}</p>
        <LogoutButton action="/logout" csrfToken={ctx.csrfToken} text={t('account.nav.logout')} />
      </div>
      {ctx.hasMailbox && (
        <AccountNav
          label={t('account.nav.label')}
          links={mailboxLinks
            .filter((link) => !(link.needsActiveAccount && ctx.accountClosed))
            .map((link) => ({
              href: link.href,
              icon: link.icon,
              text: t(link.key),
              current: isCurrent(ctx, link.href),
              extra: link.href === '/mailbox/inbox' && unread > 0 && (
                <span class="count-badge">
                  <span aria-hidden="true">{unread}</span>
                  <span class="visually-hidden">{`(${t('frame.unread', { count: unread })})`}</span>
                </span>
              ),
            }))}
        />
      )}
    </div>
  );
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /**
   * The page came back from the server with problems in its form: the title starts with
   * "Virhe: " so the tab and a screen reader's first words say so.
   */
  hasErrors?: boolean | undefined;
  /**
   * For a page below the start page: the pages between the start page and this one, then this
   * one (its label, no link). The trail starts at the start page and is drawn above the content.
   */
  breadcrumbs?: Crumb[] | undefined;
  /**
   * Drawn in the banner instead of the citizen's signed-in bar (the staff pages' own bar, see
   * views/staff/staff-layout.tsx); absent: the citizen's bar when a citizen is signed in.
   */
  accountBar?: ComponentChildren;
  /** Where the wordmark leads (the staff pages' start page); absent: the public start page. */
  homeHref?: string | undefined;
  children: ComponentChildren;
}

/** The title of a page: its own, the service's name, and the error prefix when the form failed. */
export function pageTitle(ctx: PageContext, title: string, hasErrors: boolean): string {
  const full = `${title} – ${ctx.t('meta.serviceName')}`;
  return hasErrors ? `${ctx.t('frame.errorPrefix')}: ${full}` : full;
}

export function Layout(props: LayoutProps) {
  const { ctx, title } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.locale} class={`text-size-${ctx.textSize}`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle(ctx, title, props.hasErrors ?? false)}</title>
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/assets/apple-touch-icon.png" />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#content">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <Wordmark name={t('meta.serviceName')} href={props.homeHref ?? '/'} />
            <div class="site-header__tools">
              <nav aria-label={t('layout.languageSwitch')}>
                <InlineList class="language-list">
                  {locales.map((locale) => (
                    <li>
                      <a
                        href={`/language/${locale}?${returnQuery(ctx)}`}
                        lang={locale}
                        hrefLang={locale}
                        aria-current={locale === ctx.locale ? 'true' : undefined}
                      >
                        {languageNames[locale]}
                      </a>
                    </li>
                  ))}
                </InlineList>
              </nav>
              <div class="text-size" role="group" aria-label={t('layout.textSize')}>
                <span aria-hidden="true">{t('layout.textSize')}</span>
                <InlineList class="text-size-list">
                  {([1, 2, 3] as const).map((size) => (
                    <li>
                      <a
                        href={`/text-size/${size}?${returnQuery(ctx)}`}
                        class={`text-size-link text-size-link--${size}`}
                        aria-label={t(
                          size === 1
                            ? 'layout.textSizeNormal'
                            : size === 2
                              ? 'layout.textSizeLarge'
                              : 'layout.textSizeLargest',
                        )}
                        aria-current={size === ctx.textSize ? 'true' : undefined}
                      >
                        A
                      </a>
                    </li>
                  ))}
                </InlineList>
              </div>
            </div>
          </div>
          {props.accountBar ?? (ctx.signedInName !== undefined && <SignedInBar ctx={ctx} />)}
        </header>
        <main id="content" tabIndex={-1}>
          {props.breadcrumbs && (
            <Breadcrumbs
              label={t('public.breadcrumbs.label')}
              trail={[{ label: t('public.breadcrumbs.home'), href: '/' }, ...props.breadcrumbs]}
            />
          )}
          {props.children}
        </main>
        <footer class="site-footer" dangerouslySetInnerHTML={{ __html: footerMarkup(t) }} />
      </body>
    </html>
  );
}

/**
 * The page frame: skip link, header with the wordmark, the language and text-size choices, the
 * signed-in bar and the footer; and the print look (content only). Last among the sections: the
 * current-page markers must win over the text-size links' weight.
 */
export const styles = css`
  .skip-link {
    position: absolute;
    left: var(--fi-spacing-s);
    top: -100px;
    background: var(--fi-color-white-base);
    padding: var(--fi-spacing-xs) var(--fi-spacing-m);
    z-index: 10;
  }
  .skip-link:focus {
    top: var(--fi-spacing-s);
  }

  .site-header {
    background: var(--fi-color-white-base);
    border-top: 4px solid var(--fi-color-brand-base);
    box-shadow: var(--fi-shadow-panel);
  }
  .site-header__inner,
  .account-bar__inner,
  .account-nav__list,
  .site-footer__inner {
    max-width: 64rem;
    margin: 0 auto;
    padding-left: var(--fi-spacing-m);
    padding-right: var(--fi-spacing-m);
  }
  .site-header__inner {
    padding-top: var(--fi-spacing-s);
    padding-bottom: var(--fi-spacing-s);
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-s) var(--fi-spacing-m);
    align-items: center;
    justify-content: space-between;
  }
  .site-header__tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-xs) var(--fi-spacing-m);
    align-items: center;
    font-size: var(--fi-font-size-body-text-small);
  }
  .text-size {
    display: flex;
    gap: var(--fi-spacing-xs);
    align-items: center;
  }
  .language-list,
  .text-size-list {
    gap: var(--fi-spacing-xs) var(--fi-spacing-s);
  }
  .text-size-link {
    display: inline-block;
    min-width: 1.75rem;
    text-align: center;
    font-weight: 600;
  }
  .text-size-link--1 {
    font-size: 0.9rem;
  }
  .text-size-link--2 {
    font-size: 1.1rem;
  }
  .text-size-link--3 {
    font-size: 1.3rem;
  }

  /* Signed-in bar: name and logout, then the mailbox navigation as tabs. */
  .account-bar {
    border-top: 1px solid var(--fi-color-depth-light-2);
  }
  .account-bar__inner {
    padding-top: var(--fi-spacing-xs);
    padding-bottom: var(--fi-spacing-xs);
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-xs) var(--fi-spacing-l);
    align-items: center;
    justify-content: space-between;
  }
  .account-bar__name {
    margin: 0;
    font-weight: 600;
    display: flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
  }
  .account-bar__logout {
    margin: 0;
  }
  .account-bar__logout button {
    min-height: 40px;
    padding: var(--fi-spacing-xxs) var(--fi-spacing-s);
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
    font-size: var(--fi-font-size-body-text-small);
  }
  .account-nav {
    background: var(--fi-color-brand-base);
  }
  .account-nav__list {
    list-style: none;
    margin: 0 auto;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--fi-spacing-xs);
  }
  .account-nav__link {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
    min-height: 48px;
    padding: var(--fi-spacing-xs) var(--fi-spacing-s);
    color: var(--fi-color-white-base);
    text-decoration: none;
    font-weight: 600;
    border-bottom: 4px solid transparent;
  }
  .account-nav__link:hover span {
    text-decoration: underline;
  }
  .account-nav__link[aria-current='page'] {
    border-bottom-color: var(--fi-color-accent-base);
    text-decoration: none;
  }
  .account-nav__link:focus-visible {
    outline-color: var(--fi-color-white-base);
    outline-offset: -3px;
  }
  .count-badge {
    display: inline-block;
    min-width: 1.6em;
    padding: 0 var(--fi-spacing-xxs);
    border-radius: 0.8em;
    background: var(--fi-color-white-base);
    color: var(--fi-color-brand-base);
    font-size: var(--fi-font-size-body-text-small);
    line-height: 1.6;
    text-align: center;
    font-weight: 700;
  }

  .site-footer {
    margin-top: var(--fi-spacing-xxl);
    background: var(--fi-color-white-base);
    border-top: 1px solid var(--fi-color-depth-light-1);
  }
  .site-footer__inner {
    padding-top: var(--fi-spacing-l);
    padding-bottom: var(--fi-spacing-xl);
  }
  .site-footer__name {
    font-weight: 700;
    color: var(--fi-color-brand-base);
    margin-top: 0;
  }
  .site-footer__links {
    gap: var(--fi-spacing-xs) var(--fi-spacing-l);
  }

  @media (max-width: 480px) {
    .site-header__inner,
    .account-bar__inner,
    .account-nav__list,
    .site-footer__inner {
      padding-left: var(--fi-spacing-xs);
      padding-right: var(--fi-spacing-xs);
    }
    .wordmark {
      font-size: var(--fi-font-size-heading-3-small-screen);
    }
    .account-nav__link {
      padding: var(--fi-spacing-xxs) var(--fi-spacing-xs);
      min-height: 44px;
    }
  }

  /* The current language, text size, page of a list or item of a thread. */
  [aria-current='true'],
  [aria-current='page'] {
    font-weight: 700;
    text-decoration-thickness: 3px;
  }

  /*
   * Print: the page's content only (a decision prints as a document). The frame, the navigation,
   * buttons and forms are left out; text is black on white and links print as their text.
   */
  @media print {
    .skip-link,
    .site-header__tools,
    .account-bar,
    .site-footer,
    .no-print,
    form,
    .button,
    button {
      display: none;
    }
    .site-header {
      border: 0;
      box-shadow: none;
    }
    body,
    main {
      background: none;
      color: var(--app-color-print-text);
      box-shadow: none;
      max-width: none;
      margin: 0;
      padding: 0;
    }
    a {
      color: inherit;
      text-decoration: none;
    }
  }
`;
