import { locales } from '../../../i18n/i18n.js';
import type { FormProblem } from '../../../modules/accounts/index.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { ContactFields, errorFor, fieldErrors, type ContactValues } from './contact-fields.js';
import { ButtonRow } from '../components/button-row.js';
import { ErrorSummary } from '../components/error-summary.js';
import { LinkButton } from '../components/link-button.js';
import { Notice } from '../components/notice.js';
import { RadioGroup } from '../components/radio-group.js';

const languageNames = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;
/** Each language named in itself. */
const languageOptions = locales.map((locale) => ({
  value: locale,
  label: languageNames[locale],
  lang: locale,
}));

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
  return (
    <Layout ctx={ctx} title={title} hasErrors={problems.length > 0} breadcrumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary heading={t('account.form.errorSummary')} errors={fieldErrors(t, problems)} />
      {props.saved && (
        <Notice tone="success" status>
          {t('account.settings.saved')}
        </Notice>
      )}
      <p>{t('account.settings.intro')}</p>
      <form method="post" action="/settings" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
        <h2>{t('account.settings.contactTitle')}</h2>
        <ContactFields t={t} values={values} problems={problems} />
        <RadioGroup
          name="language"
          idPrefix="language"
          legend={t('account.settings.languageTitle')}
          hint={t('account.settings.languageHint')}
          error={errorFor(t, problems, 'language')}
          options={languageOptions}
          value={values.language}
        />
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
    <Layout
      ctx={ctx}
      title={t('account.close.title')}
      breadcrumbs={[
        { label: t('account.settings.title'), href: '/settings' },
        { label: t('account.close.title') },
      ]}
    >
      <h1>{t('account.close.title')}</h1>
      <Notice>{t('account.close.paperMail')}</Notice>
      <p>{t('account.close.noNewMessages')}</p>
      <p>{t('account.close.oldMessages')}</p>
      <form method="post" action="/settings/close">
        <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
        <p>
          <strong>{t('account.close.question')}</strong>
        </p>
        <ButtonRow>
          <button type="submit" class="button--danger">
            {t('account.close.confirm')}
          </button>
          <LinkButton href="/settings" variant="secondary">
            {t('account.close.cancel')}
          </LinkButton>
        </ButtonRow>
      </form>
    </Layout>
  );
}

export function AccountClosedPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <Layout
      ctx={props.ctx}
      title={t('account.close.doneTitle')}
      breadcrumbs={[{ label: t('account.close.doneTitle') }]}
    >
      <h1>{t('account.close.doneTitle')}</h1>
      <Notice tone="success" status>
        {t('account.close.done')}
      </Notice>
      <p>{t('account.close.oldMessages')}</p>
      <p>
        <a href="/">{t('account.login.backToStart')}</a>
      </p>
    </Layout>
  );
}
