import type { ComponentChildren } from 'preact';
import { locales } from '../../i18n/i18n.js';
import { InlineList } from './components/inline-list.js';
import { PostButton } from './components/post-button.js';
import type { PageContext } from './page-context.js';
import { css } from './styles/css.js';

const languageNames = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' } as const;

function returnQuery(ctx: PageContext): string {
  return `return=${encodeURIComponent(ctx.currentPath)}`;
}

const mailboxLinks = [
  { href: '/mailbox/inbox', key: 'account.nav.inbox' },
  { href: '/mailbox/sent', key: 'account.nav.sent' },
  { href: '/mailbox/deleted', key: 'account.nav.deleted' },
  { href: '/mailbox/new', key: 'account.nav.newMessage' },
  { href: '/settings', key: 'account.nav.settings' },
] as const;

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

function isCurrent(ctx: PageContext, href: string): boolean {
  const path = ctx.currentPath.split('?')[0] ?? '';
  return path === href || path.startsWith(`${href}/`);
}

/** Who is signed in, the mailbox navigation and the logout button (a POST form, so it needs no script). */
function SignedInBar(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <div class="account-bar">
      <div class="account-bar__inner">
        <p class="account-bar__name">{t('account.nav.signedInAs', { name: ctx.signedInName ?? '' })}</p>
        {ctx.hasMailbox && (
          <nav aria-label={t('account.nav.label')}>
            <InlineList class="account-nav">
              {mailboxLinks.map((link) => (
                <li>
                  <a href={link.href} aria-current={isCurrent(ctx, link.href) ? 'page' : undefined}>
                    {t(link.key)}
                  </a>
                </li>
              ))}
            </InlineList>
          </nav>
        )}
        <PostButton
          action="/logout"
          csrfToken={ctx.csrfToken}
          variant="secondary"
          formClass="account-bar__logout"
        >
          {t('account.nav.logout')}
        </PostButton>
      </div>
    </div>
  );
}

export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx, title } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.locale} class={`text-size-${ctx.textSize}`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('meta.serviceName')}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#content">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand" href="/">
              {t('meta.serviceName')}
            </a>
            <nav class="site-header__tools" aria-label={t('layout.languageSwitch')}>
              <InlineList>
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
            <div class="site-header__tools" role="group" aria-label={t('layout.textSize')}>
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
        </header>
        {ctx.signedInName !== undefined && <SignedInBar ctx={ctx} />}
        <main id="content" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.support')}</p>
          <nav aria-label={t('public.nav.label')}>
            <InlineList>
              {footerLinks.map((link) => (
                <li>
                  <a href={link.href}>{t(link.key)}</a>
                </li>
              ))}
            </InlineList>
          </nav>
        </footer>
      </body>
    </html>
  );
}

/**
 * The page frame: skip link, header with the language and text-size choices, the signed-in bar and
 * the footer. Last among the sections: the current-page markers must win over the text-size
 * links' weight.
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
    border-bottom: 1px solid var(--fi-color-depth-light-2);
  }
  .site-header__inner {
    max-width: 60rem;
    margin: 0 auto;
    padding: var(--fi-spacing-m);
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-m);
    align-items: center;
    justify-content: space-between;
  }
  .site-header__brand {
    font-weight: 600;
    font-size: 1.25rem;
    color: var(--fi-color-depth-dark-1);
    text-decoration: none;
  }
  .site-header__tools {
    display: flex;
    gap: var(--fi-spacing-xs);
    align-items: center;
  }
  .text-size-list {
    flex-wrap: wrap;
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

  .site-footer {
    max-width: 60rem;
    margin: 0 auto;
    padding: var(--fi-spacing-l) var(--fi-spacing-m);
  }

  @media (max-width: 480px) {
    .site-header__inner {
      padding: var(--fi-spacing-s);
    }
  }

  /* Signed-in bar: name, mailbox navigation and logout. */
  .account-bar {
    background: var(--fi-color-depth-light-3);
    border-bottom: 1px solid var(--fi-color-depth-light-2);
  }
  .account-bar__inner {
    max-width: 60rem;
    margin: 0 auto;
    padding: var(--fi-spacing-xs) var(--fi-spacing-m);
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-s) var(--fi-spacing-l);
    align-items: center;
    justify-content: space-between;
  }
  .account-bar__name {
    margin: 0;
    font-weight: 600;
  }
  .account-bar__logout {
    margin: 0;
  }
  .account-nav a {
    display: inline-block;
    padding: 4px 0;
  }

  /* The current language, text size, page of a list or item of a thread. */
  [aria-current='true'],
  [aria-current='page'] {
    font-weight: 700;
    text-decoration-thickness: 3px;
  }
`;
