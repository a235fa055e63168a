import type { ComponentChildren } from 'preact';
import { locales } from '../../i18n/i18n.js';
import type { PageContext } from './page-context.js';

const languageNames = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' } as const;

function returnQuery(ctx: PageContext): string {
  return `return=${encodeURIComponent(ctx.currentPath)}`;
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
