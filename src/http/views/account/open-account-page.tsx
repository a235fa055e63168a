import type { FormProblem, Refusal } from '../../../modules/accounts/index.js';
import { PublicPage } from '../public/public-page.js';
import type { PageContext } from '../page-context.js';
import { ContactFields, errorFor, fieldErrors, type ContactValues } from './contact-fields.js';
import { ButtonRow } from '../components/button-row.js';
import { Checkbox } from '../components/checkbox.js';
import { ErrorSummary } from '../components/error-summary.js';
import { LinkButton } from '../components/link-button.js';
import { LinkParagraph } from '../components/link-paragraph.js';
import { Notice } from '../components/notice.js';
import { PostForm } from '../components/post-form.js';
import { VisuallyHidden } from '../components/visually-hidden.js';
import { css } from '../styles/css.js';

export interface OpeningValues extends ContactValues {
  acceptTerms: boolean;
}

/** "27.05.1970" from the register's 1970-05-27, as Finnish forms show dates. */
export function formatBirthDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * Step 2 of the seed, "Omat tiedot ja muistutukset". The identity code comes from the session only.
 * Reopening a closed account says so ("Ota asiointitili uudelleen käyttöön") and comes pre-filled
 * with the earlier choices. "Keskeytä" never leaves the person signed in without an account and
 * without knowing it: a first opening is cancelled by signing out (a POST to /logout through its own
 * form, as forms cannot nest); a reopening returns to the closed, still readable mailbox.
 */
export function OpenAccountPage(props: {
  ctx: PageContext;
  person: { firstNames: string; lastName: string; birthDate: string };
  values: OpeningValues;
  problems: FormProblem[];
  reopening: boolean;
}) {
  const { ctx, person, values, problems } = props;
  const { t } = ctx;
  const title = props.reopening ? t('account.open.reopenTitle') : t('account.open.title');
  return (
    <PublicPage ctx={ctx} title={title} hasErrors={problems.length > 0}>
      <ErrorSummary heading={t('account.form.errorSummary')} errors={fieldErrors(t, problems)} />
      {props.reopening && (
        <Notice block>
          <p>{t('account.open.reopenNotice')}</p>
          <LinkParagraph href="/mailbox/inbox">{t('account.open.oldMessages')}</LinkParagraph>
        </Notice>
      )}
      <p>{t('account.open.intro')}</p>
      <p>{t('account.open.contactIntro')}</p>
      <p>{t('account.open.reminders')}</p>
      <p>{t('account.open.optional')}</p>
      <p>{t('account.open.importance')}</p>
      <PostForm action="/account/open" csrfToken={ctx.csrfToken} novalidate>
        <h2>{t('account.open.personalDetails')}</h2>
        <p>{t('account.open.registerConsent')}</p>
        <dl class="details-list">
          <dt>{t('account.open.name')}</dt>
          <dd>{`${person.lastName} ${person.firstNames}`.toUpperCase()}</dd>
          <dt>{t('account.open.birthDate')}</dt>
          <dd>{formatBirthDate(person.birthDate)}</dd>
        </dl>
        <h2>{t('account.open.contactDetails')}</h2>
        <ContactFields t={t} values={values} problems={problems} />
        <p>{t('account.form.requiredNote')}</p>
        <Checkbox
          id="accept-terms"
          name="acceptTerms"
          checked={values.acceptTerms}
          required
          error={errorFor(t, problems, 'terms')}
        >
          {`${t('account.open.termsBefore')} `}
          <a href="/terms">{t('account.open.termsLink')}</a>
          <span aria-hidden="true"> *</span>
          <VisuallyHidden>{` (${t('account.form.required')})`}</VisuallyHidden>
        </Checkbox>
        <p>{t('account.open.footnote')}</p>
        <p>{props.reopening ? t('account.open.cancelReopenNote') : t('account.open.cancelNote')}</p>
        <ButtonRow>
          <button type="submit">
            {props.reopening ? t('account.open.reopenTitle') : t('account.open.submit')}
          </button>
          {props.reopening ? (
            <LinkButton href="/mailbox/inbox" variant="secondary">
              {t('account.open.cancel')}
            </LinkButton>
          ) : (
            <button type="submit" form="cancel-opening" class="button--secondary">
              {t('account.open.cancel')}
            </button>
          )}
        </ButtonRow>
      </PostForm>
      {!props.reopening && <PostForm id="cancel-opening" action="/logout" csrfToken={ctx.csrfToken} />}
    </PublicPage>
  );
}

/** Why an account cannot be opened, said without more detail than the person needs. */
const refusalKeys = {
  deceased: 'account.refusal.deceased',
  notInRegister: 'account.refusal.notInRegister',
  minor: 'account.refusal.minor',
} as const satisfies Record<Refusal, string>;

export function RefusalPage(props: { ctx: PageContext; refusal: Refusal }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('account.refusal.title')}>
      <Notice tone="alert">{t(refusalKeys[props.refusal])}</Notice>
      <p>{t('account.refusal.nothingStored')}</p>
      <p>{t('account.refusal.contact')}</p>
      <p>{t('layout.support')}</p>
      <LinkParagraph href="/">{t('account.login.backToStart')}</LinkParagraph>
    </PublicPage>
  );
}

/** The register's details of the person, shown read-only as term and value side by side. */
export const styles = css`
  .details-list {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px var(--fi-spacing-m);
  }
  .details-list dt {
    font-weight: 600;
  }
  .details-list dd {
    margin: 0;
  }
`;
