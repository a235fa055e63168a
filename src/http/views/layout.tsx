import type { ComponentChildren } from 'preact';
import { locales } from '../../i18n/i18n.js';
import type { PageContext } from './page-context.js';

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
        <p class="account-bar__name">{t('account.nav.signedInAs', { name: ctx.signedInName })}</p>
        {ctx.hasMailbox && (
          <nav aria-label={t('account.nav.label')}>
            <ul class="inline-list account-nav">
              {mailboxLinks.map((link) => (
                <li>
                  <a href={link.href} aria-current={isCurrent(ctx, link.href) ? 'page' : undefined}>
                    {t(link.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <form method="post" action="/logout" class="account-bar__logout">
          <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
          <button type="submit" class="button--secondary">
            {t('account.nav.logout')}
          </button>
        </form>
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
              <ul class="inline-list">
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
              </ul>
            </nav>
            <div class="site-header__tools" role="group" aria-label={t('layout.textSize')}>
              <span aria-hidden="true">{t('layout.textSize')}</span>
              <ul class="inline-list text-size-list">
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
              </ul>
            </div>
          </div>
        </header>
        {ctx.signedInName !== undefined && <SignedInBar ctx={ctx} />}
        <main id="content" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.support')}</p>
          <ul class="inline-list">
            <li>
              <a href="/terms">{t('layout.terms')}</a>
            </li>
            <li>
              <a href="/accessibility">{t('layout.accessibility')}</a>
            </li>
          </ul>
        </footer>
      </body>
    </html>
  );
}
