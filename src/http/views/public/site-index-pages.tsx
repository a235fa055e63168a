import type { Locale, Translate, TranslationKey } from '../../../i18n/i18n.js';
import { InlineList } from '../components/inline-list.js';
import { LinkSection } from '../components/link-section.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { PublicPage } from './public-page.js';

interface Link {
  href: string;
  key: TranslationKey;
}

/** The public pages, in the order of the site map; the footer links to the same ones. */
export const publicPages: readonly Link[] = [
  { href: '/', key: 'public.breadcrumbs.home' },
  { href: '/about', key: 'public.nav.about' },
  { href: '/services', key: 'public.nav.catalogue' },
  { href: '/faq', key: 'public.nav.faq' },
  { href: '/support', key: 'public.nav.support' },
  { href: '/feedback', key: 'public.nav.feedback' },
  { href: '/identification', key: 'public.nav.login' },
  { href: '/terms', key: 'public.nav.terms' },
  { href: '/privacy', key: 'public.nav.privacy' },
  { href: '/accessibility', key: 'public.nav.accessibility' },
  { href: '/sitemap', key: 'public.nav.sitemap' },
  { href: '/a-z', key: 'public.nav.index' },
];

/** The links with their texts in the reader's language, for a LinkSection. */
function translatedLinks(t: Translate, links: readonly Link[]) {
  return links.map((link) => ({ href: link.href, text: t(link.key) }));
}

const accountPages: readonly Link[] = [
  { href: '/mailbox/inbox', key: 'public.sitemap.inbox' },
  { href: '/mailbox/sent', key: 'public.sitemap.sent' },
  { href: '/mailbox/deleted', key: 'public.sitemap.deleted' },
  { href: '/mailbox/new', key: 'public.sitemap.newMessage' },
  { href: '/settings', key: 'public.sitemap.settings' },
];

export function SitemapPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('public.sitemap.title')}>
      <LinkSection
        id="sitemap-public"
        heading={t('public.sitemap.publicTitle')}
        links={translatedLinks(t, publicPages)}
      />
      <LinkSection
        id="sitemap-account"
        heading={t('public.sitemap.accountTitle')}
        links={translatedLinks(t, accountPages)}
      />
    </PublicPage>
  );
}

/** Topics of the A–Ö index and where each is explained; sorted per language when shown. */
const indexTopics: readonly Link[] = [
  ...publicPages.filter((page) => page.href !== '/'),
  { href: '/about#about-steps', key: 'public.index.openAccount' },
  { href: '/faq#faq-closing', key: 'public.index.closeAccount' },
  { href: '/faq#faq-verifiable', key: 'public.index.deemedReceipt' },
  { href: '/faq#faq-reminders', key: 'public.index.reminders' },
  { href: '/faq#faq-paper', key: 'public.index.paperMail' },
  { href: '/faq#faq-verifiable', key: 'public.index.verifiable' },
  { href: '/faq#faq-abroad', key: 'public.index.abroad' },
  { href: '/faq#faq-security', key: 'public.index.security' },
  { href: '/support#support-advice', key: 'public.index.advice' },
  { href: '/identification', key: 'public.index.identification' },
  { href: '/identification#own-data', key: 'public.index.ownData' },
  { href: '/services', key: 'public.index.forms' },
];

/** The topics grouped by initial letter in the language's alphabetical order (Å, Ä, Ö last). */
export function indexGroups(locale: Locale, t: Translate) {
  const entries = translatedLinks(t, indexTopics).sort((a, b) => a.text.localeCompare(b.text, locale));
  const groups: Array<{ letter: string; entries: typeof entries }> = [];
  for (const entry of entries) {
    const letter = entry.text.charAt(0).toLocaleUpperCase(locale);
    const group = groups.at(-1);
    if (group?.letter === letter) group.entries.push(entry);
    else groups.push({ letter, entries: [entry] });
  }
  return groups;
}

export function AzIndexPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t } = ctx;
  const groups = indexGroups(ctx.locale, t);
  return (
    <PublicPage ctx={ctx} title={t('public.index.title')}>
      <p>{t('public.index.intro')}</p>
      <nav aria-label={t('public.index.lettersLabel')}>
        <InlineList class="index-letters">
          {groups.map((group) => (
            <li>
              <a href={`#index-${group.letter}`}>{group.letter}</a>
            </li>
          ))}
        </InlineList>
      </nav>
      {groups.map((group) => (
        <LinkSection id={`index-${group.letter}`} heading={group.letter} links={group.entries} />
      ))}
    </PublicPage>
  );
}

/** The A–Ö letters as a wrapping row of large targets; numbered steps with room between. */
export const styles = css`
  .index-letters {
    margin: 0 0 var(--fi-spacing-l);
  }
  .index-letters a {
    display: inline-block;
    min-width: 44px;
    min-height: 44px;
    line-height: 44px;
    text-align: center;
    font-weight: 600;
  }
  .numbered-steps li {
    margin-bottom: var(--fi-spacing-s);
  }
`;
