import { locales } from '../../../i18n/i18n.js';
import type { FormProblem } from '../../../modules/accounts/contact-details.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { ContactFields, errorFor, fieldErrors, type ContactValues } from './contact-fields.js';
import { ErrorSummary } from './form-parts.js';

const languageNames = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;

export interface SettingsValues extends ContactValues {
  language: string;
}

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-FI`, {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(new Date(iso));
}

export function SettingsPage(props: {
  ctx: PageContext;
  values: SettingsValues;
  problems: FormProblem[];
  saved: boolean;
  account: { openedAt: string; termsVersion: string; termsAcceptedAt: string };
}) {
  const { ctx, values, problems, account } = props;
  const { t } = ctx;
  const title = t('account.settings.title');
  const languageError = errorFor(t, problems, 'language');
  return (
    <Layout ctx={ctx} title={problems.length > 0 ? `${t('account.form.errorSummary')} ${title}` : title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={fieldErrors(t, problems)} />
      {props.saved && (
        <p class="notice notice--success" role="status">
          {t('account.settings.saved')}
        </p>
      )}
      <p>{t('account.settings.intro')}</p>
      <form method="post" action="/settings" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
        <h2>{t('account.settings.contactTitle')}</h2>
        <ContactFields t={t} values={values} problems={problems} />
        <fieldset aria-describedby={languageError ? 'language-hint language-error' : 'language-hint'}>
          <legend>{t('account.settings.languageTitle')}</legend>
          <p class="field-hint" id="language-hint">
            {t('account.settings.languageHint')}
          </p>
          {languageError && (
            <p class="field-error" id="language-error">
              {languageError}
            </p>
          )}
          {locales.map((locale) => (
            <label class="checkbox" for={`language-${locale}`}>
              <input
                type="radio"
                id={`language-${locale}`}
                name="language"
                value={locale}
                checked={values.language === locale}
              />
              <span lang={locale}>{languageNames[locale]}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('account.settings.save')}</button>
      </form>
      <h2>{t('account.settings.accountTitle')}</h2>
      <ul>
        <li>{t('account.settings.openedAt', { date: formatDate(account.openedAt, ctx.locale) })}</li>
        <li>
          {t('account.settings.termsAccepted', {
            version: account.termsVersion,
            date: formatDate(account.termsAcceptedAt, ctx.locale),
          })}
        </li>
      </ul>
      <h2>{t('account.settings.closeTitle')}</h2>
      <p>{t('account.settings.closeIntro')}</p>
      <p>
        <a href="/settings/close">{t('account.settings.closeLink')}</a>
      </p>
    </Layout>
  );
}

/** "Lopeta asiointitilin käyttö": says plainly that paper mail resumes, and asks to confirm. */
export function CloseAccountPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.close.title')}>
      <h1>{t('account.close.title')}</h1>
      <p class="notice">{t('account.close.paperMail')}</p>
      <p>{t('account.close.noNewMessages')}</p>
      <p>{t('account.close.oldMessages')}</p>
      <form method="post" action="/settings/close">
        <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
        <p>
          <strong>{t('account.close.question')}</strong>
        </p>
        <div class="button-row">
          <button type="submit" class="button--danger">
            {t('account.close.confirm')}
          </button>
          <a class="button button--secondary" href="/settings">
            {t('account.close.cancel')}
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function AccountClosedPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('account.close.doneTitle')}>
      <h1>{t('account.close.doneTitle')}</h1>
      <p class="notice notice--success" role="status">
        {t('account.close.done')}
      </p>
      <p>{t('account.close.oldMessages')}</p>
      <p>
        <a href="/">{t('account.login.backToStart')}</a>
      </p>
    </Layout>
  );
}
