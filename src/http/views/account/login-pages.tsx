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
      <div class="button-row">
        {props.problem === 'failed' && (
          <a class="button" href="/login">
            {t('account.login.tryAgain')}
          </a>
        )}
        <a href="/">{t('account.login.backToStart')}</a>
      </div>
    </Layout>
  );
}
