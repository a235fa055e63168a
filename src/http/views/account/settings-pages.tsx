import { locales, type Translate } from '../../../i18n/i18n.js';
import type { FormProblem } from '../../../modules/accounts/index.js';
import type { ConsentChannel, PersonConsentView } from '../../../modules/consents/index.js';
import { localisedName } from '../../../modules/organisations/index.js';
import type { PageContext } from '../page-context.js';
import { ContactFields, errorFor, fieldErrors, type ContactValues } from './contact-fields.js';
import { ButtonRow } from '../components/button-row.js';
import { ErrorSummary } from '../components/error-summary.js';
import { LinkButton } from '../components/link-button.js';
import { LinkParagraph } from '../components/link-paragraph.js';
import { ActionResult, Notice } from '../components/notice.js';
import { PostButton } from '../components/post-button.js';
import { PostForm } from '../components/post-form.js';
import { RadioGroup } from '../components/radio-group.js';
import { VisuallyHidden } from '../components/visually-hidden.js';
import { HeadedSection } from '../components/headed-section.js';
import type { Crumb } from '../components/breadcrumbs.js';
import { PublicPage } from '../public/public-page.js';

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

/** How the organisation received the consent, as the list says it. */
const channelKeys = {
  paper: 'account.settings.consentChannel.paper',
  phone: 'account.settings.consentChannel.phone',
  in_person: 'account.settings.consentChannel.in_person',
} as const satisfies Record<ConsentChannel, string>;

/**
 * The consents organisations recorded for the person (the paper form, a call, a visit): who, how,
 * when and whether in force, each in force with its own withdraw button (a POST form, no script).
 */
function ConsentSection(props: {
  ctx: PageContext;
  consents: PersonConsentView[];
  decidesDelivery: boolean;
  withdrawn: boolean;
}) {
  const { ctx, consents } = props;
  const { t } = ctx;
  if (consents.length === 0 && !props.withdrawn) return null;
  return (
    <HeadedSection id="consents" heading={t('account.settings.consentsTitle')}>
      <ActionResult text={props.withdrawn && t('account.settings.consentWithdrawnNotice')} />
      <p>{t('account.settings.consentsIntro')}</p>
      {props.decidesDelivery && <p>{t('account.settings.consentsPaper')}</p>}
      <ul>
        {consents.map((consent) => {
          const organisation = localisedName(consent.organisation, ctx.locale);
          return (
            <li key={consent.id}>
              <p>
                <strong>{organisation}</strong>
                <br />
                {t('account.settings.consentGiven', {
                  date: formatDate(`${consent.givenOn}T12:00:00Z`, ctx.locale),
                  channel: t(channelKeys[consent.channel]),
                })}
                <br />
                {consent.withdrawnAt === null
                  ? t('account.settings.consentInForce')
                  : t('account.settings.consentWithdrawnOn', {
                      date: formatDate(consent.withdrawnAt, ctx.locale),
                    })}
              </p>
              {consent.withdrawnAt === null && (
                <PostButton
                  action={`/settings/consents/${consent.id}/withdraw`}
                  csrfToken={ctx.csrfToken}
                  variant="secondary"
                >
                  {t('account.settings.consentWithdraw')}
                  <VisuallyHidden>: {organisation}</VisuallyHidden>
                </PostButton>
              )}
            </li>
          );
        })}
      </ul>
    </HeadedSection>
  );
}

/** The settings page as the parent of the pages below it (closing the account, the access log). */
export function settingsCrumbs(t: Translate): Crumb[] {
  return [{ label: t('account.settings.title'), href: '/settings' }];
}

export function SettingsPage(props: {
  ctx: PageContext;
  values: SettingsValues;
  problems: FormProblem[];
  saved: boolean;
  account: { openedAt: string; termsVersion: string; termsAcceptedAt: string };
  /** The consents organisations recorded for the person; none: the section is not shown. */
  consents?: PersonConsentView[];
  /** DELIVERY_CONSENT=per-organisation: a withdrawal sends that organisation's documents to paper. */
  consentsDecideDelivery?: boolean;
  /** The previous action withdrew a consent (post/redirect/get). */
  consentWithdrawn?: boolean;
}) {
  const { ctx, values, problems, account } = props;
  const { t } = ctx;
  return (
    <PublicPage ctx={ctx} title={t('account.settings.title')} hasErrors={problems.length > 0}>
      <ErrorSummary heading={t('account.form.errorSummary')} errors={fieldErrors(t, problems)} />
      <ActionResult text={props.saved && t('account.settings.saved')} />
      <p>{t('account.settings.intro')}</p>
      <PostForm action="/settings" csrfToken={ctx.csrfToken} novalidate>
        <h2>{t('account.settings.contactTitle')}</h2>
        <ContactFields t={t} values={values} problems={problems} />
        <RadioGroup
          name="language"
          legend={t('account.settings.languageTitle')}
          hint={t('account.settings.languageHint')}
          error={errorFor(t, problems, 'language')}
          options={languageOptions}
          value={values.language}
        />
        <button type="submit">{t('account.settings.save')}</button>
      </PostForm>
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
      <ConsentSection
        ctx={ctx}
        consents={props.consents ?? []}
        decidesDelivery={props.consentsDecideDelivery ?? false}
        withdrawn={props.consentWithdrawn ?? false}
      />
      <h2>{t('accessLog.title')}</h2>
      <p>{t('accessLog.intro')}</p>
      <LinkParagraph href="/settings/access-log">{t('accessLog.settingsLink')}</LinkParagraph>
      <h2>{t('account.settings.closeTitle')}</h2>
      <p>{t('account.settings.closeIntro')}</p>
      <LinkParagraph href="/settings/close">{t('account.settings.closeLink')}</LinkParagraph>
    </PublicPage>
  );
}

/** "Lopeta asiointitilin käyttö": says plainly that paper mail resumes, and asks to confirm. */
export function CloseAccountPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <PublicPage ctx={ctx} title={t('account.close.title')} parents={settingsCrumbs(t)}>
      <Notice>{t('account.close.paperMail')}</Notice>
      <p>{t('account.close.noNewMessages')}</p>
      <p>{t('account.close.oldMessages')}</p>
      <PostForm action="/settings/close" csrfToken={ctx.csrfToken}>
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
      </PostForm>
    </PublicPage>
  );
}

export function AccountClosedPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('account.close.doneTitle')}>
      <ActionResult text={t('account.close.done')} />
      <p>{t('account.close.oldMessages')}</p>
      <LinkParagraph href="/">{t('account.login.backToStart')}</LinkParagraph>
    </PublicPage>
  );
}
