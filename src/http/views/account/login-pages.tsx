import { ButtonRow } from '../components/button-row.js';
import { LinkButton } from '../components/link-button.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

/** Identification failed (rejected response, expired login) or no provider is configured. */
export function LoginProblemPage(props: { ctx: PageContext; problem: 'failed' | 'unavailable' }) {
  const { t } = props.ctx;
  const title =
    props.problem === 'failed' ? t('account.login.failedTitle') : t('account.login.unavailableTitle');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p>{props.problem === 'failed' ? t('account.login.failed') : t('account.login.unavailable')}</p>
      <ButtonRow>
        {props.problem === 'failed' && <LinkButton href="/login">{t('account.login.tryAgain')}</LinkButton>}
        <a href="/">{t('account.login.backToStart')}</a>
      </ButtonRow>
    </Layout>
  );
}
