import { LinkButton } from './components/link-button.js';
import { Notice } from './components/notice.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { css } from './styles/css.js';
import { HeadedSection } from './components/headed-section.js';
import { LinkParagraph } from './components/link-paragraph.js';

export interface ConnectedOrganisation {
  name: string;
  services: string[];
}

export function StartPage(props: { ctx: PageContext; organisations: ConnectedOrganisation[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('start.title')}>
      <h1>{t('start.title')}</h1>
      <SignedInNotice ctx={ctx} />
      <p>{t('start.intro')}</p>
      <p>{t('start.stop')}</p>
      <p>{t('start.safe')}</p>
      <div class="card-row">
        <section class="card" aria-labelledby="register-heading">
          <h2 id="register-heading">{t('start.register')}</h2>
          <p>
            <LinkButton href="/login">{t('start.openAccount')}</LinkButton>
          </p>
        </section>
        <section class="card" aria-labelledby="login-heading">
          <h2 id="login-heading">{t('start.loginLater')}</h2>
          <p>
            <LinkButton href="/login" variant="secondary">
              {t('start.login')}
            </LinkButton>
          </p>
        </section>
      </div>
      {props.organisations.length > 0 && (
        <HeadedSection id="services-heading" heading={t('start.servicesTitle')}>
          <p>{t('start.servicesIntro')}</p>
          <ul>
            {props.organisations.map((organisation) => (
              <li>
                {organisation.name}
                {organisation.services.length > 0 && (
                  <ul>
                    {organisation.services.map((service) => (
                      <li>{service}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </HeadedSection>
      )}
    </Layout>
  );
}

/**
 * A signed-in person sees where they stand: with an account, the way to it; with a closed one, that
 * it is closed and the way to take it into use again; identified but without one (they left the
 * opening form), that the account is not in use, with the way to go on (signing out is in the
 * account bar).
 */
function SignedInNotice(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t } = ctx;
  if (ctx.signedInName === undefined) return null;
  const state = ctx.accountClosed ? 'closed' : ctx.hasMailbox ? 'active' : 'none';
  const wording = {
    active: { text: t('start.signedIn'), href: '/mailbox/inbox', link: t('start.toMailbox') },
    closed: { text: t('mailbox.readOnly'), href: '/account/open', link: t('account.open.reopenTitle') },
    none: { text: t('start.signedInNoAccount'), href: '/account/open', link: t('start.continueOpening') },
  }[state];
  return (
    <Notice block>
      <p>{wording.text}</p>
      <LinkParagraph href={wording.href}>{wording.link}</LinkParagraph>
    </Notice>
  );
}

/** The two ways in (first time, later) as equal cards side by side, stacked on narrow screens. */
export const styles = css`
  .card-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-l);
  }
  .card {
    flex: 1 1 16rem;
    border: 1px solid var(--fi-color-depth-light-2);
    padding: var(--fi-spacing-m);
    border-radius: var(--fi-radius-basic);
  }
`;
