import { formatDate } from '../mailbox/format.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { ButtonRow } from '../components/button-row.js';
import { Checkbox } from '../components/checkbox.js';
import { ErrorSummary } from '../components/error-summary.js';
import { LinkButton } from '../components/link-button.js';
import { LinkParagraph } from '../components/link-paragraph.js';
import { PostForm } from '../components/post-form.js';

/** Why the acceptance was not taken: the box was not ticked, or the terms changed meanwhile. */
export type TermsProblem = 'required' | 'outdated';

/**
 * "Käyttöehdot ovat muuttuneet": shown instead of the mailbox to a person whose accepted terms are
 * older than those in force. What changed, a link to the full terms, and the acceptance (the version
 * shown travels with the form, so terms that changed while the page was open are not accepted
 * unseen). Closing the account or logging out are the other ways on.
 */
export function TermsChangedPage(props: {
  ctx: PageContext;
  accepted: string;
  current: { version: string; effectiveFrom: string };
  returnTo: string;
  problem: TermsProblem | undefined;
}) {
  const { ctx, current, problem } = props;
  const { t } = ctx;
  const message =
    problem === 'outdated'
      ? t('account.termsChanged.outdated')
      : problem === 'required'
        ? t('account.termsChanged.required')
        : undefined;
  return (
    <Layout ctx={ctx} title={t('account.termsChanged.title')} hasErrors={message !== undefined}>
      <h1>{t('account.termsChanged.title')}</h1>
      <ErrorSummary
        heading={t('account.form.errorSummary')}
        errors={message ? [{ fieldId: 'accept-terms', message }] : []}
      />
      <p>{t('account.termsChanged.intro')}</p>
      <p>
        {t('account.termsChanged.accepted', { version: props.accepted })}{' '}
        {t('account.termsChanged.current', {
          version: current.version,
          date: formatDate(current.effectiveFrom, ctx.locale),
        })}
      </p>
      <h2>{t('account.termsChanged.changesTitle')}</h2>
      <p>{t('account.termsChanged.changes')}</p>
      <LinkParagraph href="/terms">{t('account.termsChanged.readTerms')}</LinkParagraph>
      <PostForm action="/account/terms" csrfToken={ctx.csrfToken} novalidate>
        <input type="hidden" name="version" value={current.version} />
        <input type="hidden" name="return" value={props.returnTo} />
        <Checkbox id="accept-terms" name="accept" checked={false} required error={message}>
          {t('account.termsChanged.acceptLabel', { version: current.version })}
        </Checkbox>
        <ButtonRow>
          <button type="submit">{t('account.termsChanged.submit')}</button>
        </ButtonRow>
      </PostForm>
      <h2>{t('account.termsChanged.otherChoicesTitle')}</h2>
      <p>{t('account.termsChanged.otherChoices')}</p>
      <ButtonRow>
        <LinkButton href="/settings/close" variant="secondary">
          {t('account.termsChanged.close')}
        </LinkButton>
        <button type="submit" form="terms-logout" class="button--secondary">
          {t('account.nav.logout')}
        </button>
      </ButtonRow>
      <PostForm id="terms-logout" action="/logout" csrfToken={ctx.csrfToken} />
    </Layout>
  );
}
