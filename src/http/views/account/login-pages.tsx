import { ButtonRow } from '../components/button-row.js';
import { LinkButton } from '../components/link-button.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

const texts = {
  failed: { title: 'account.login.failedTitle', text: 'account.login.failed' },
  assurance: { title: 'account.login.assuranceTitle', text: 'account.login.assurance' },
  unavailable: { title: 'account.login.unavailableTitle', text: 'account.login.unavailable' },
} as const;

/**
 * Identification failed (rejected response, expired login), the method chosen did not reach the
 * level of assurance asked for, or no provider is configured.
 */
export function LoginProblemPage(props: { ctx: PageContext; problem: keyof typeof texts }) {
  const { t } = props.ctx;
  const title = t(texts[props.problem].title);
  return (
    <Layout ctx={props.ctx} title={title} breadcrumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(texts[props.problem].text)}</p>
      <ButtonRow>
        {props.problem !== 'unavailable' && (
          <LinkButton href="/login">{t('account.login.tryAgain')}</LinkButton>
        )}
        <a href="/">{t('account.login.backToStart')}</a>
      </ButtonRow>
    </Layout>
  );
}

/**
 * After logout, when the identification service has ended its session too (or had none to end):
 * says so plainly and offers to identify again or go to the start page.
 */
export function LoggedOutPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  const title = t('account.logout.title');
  return (
    <Layout ctx={props.ctx} title={title} breadcrumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t('account.logout.text')}</p>
      <ButtonRow>
        <LinkButton href="/login">{t('account.logout.loginAgain')}</LinkButton>
        <a href="/">{t('account.login.backToStart')}</a>
      </ButtonRow>
    </Layout>
  );
}
