import type { Translate, TranslationKey } from '../../../i18n/i18n.js';
import { LinkButton } from '../components/link-button.js';
import { HeadedSection } from '../components/headed-section.js';
import { TextSections, type TextSection } from '../components/text-sections.js';
import type { PageContext } from '../page-context.js';
import { PublicPage } from './public-page.js';

/** A headed section whose paragraph ends with the link to the feedback form. */
function FeedbackSection(props: { t: Translate; id: string; heading: TranslationKey; text: TranslationKey }) {
  const { t } = props;
  return (
    <HeadedSection id={props.id} heading={t(props.heading)}>
      <p>
        {t(props.text)} <a href="/feedback">{t('public.nav.feedback')}</a>
      </p>
    </HeadedSection>
  );
}

const aboutSteps = [
  'public.about.step1',
  'public.about.step2',
  'public.about.step3',
  'public.about.step4',
] as const;

/** What the account is, the seed's numbered steps to start using it, and who is responsible. */
export function AboutPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('public.about.title')}>
      <p>{t('public.about.intro')}</p>
      <HeadedSection id="about-can" heading={t('public.about.canTitle')}>
        <ul>
          <li>{t('public.about.can1')}</li>
          <li>{t('public.about.can2')}</li>
          <li>
            {t('public.about.can3')} <a href="/services">{t('public.nav.catalogue')}</a>
          </li>
        </ul>
      </HeadedSection>
      <HeadedSection id="about-steps" heading={t('public.about.stepsTitle')}>
        <ol class="numbered-steps">
          {aboutSteps.map((key) => (
            <li>{t(key)}</li>
          ))}
        </ol>
        <p>
          <LinkButton href="/login">{t('public.about.start')}</LinkButton>
        </p>
      </HeadedSection>
      <TextSections
        t={t}
        sections={[
          { id: 'about-stop', title: 'public.about.stopTitle', text: 'public.about.stop' },
          {
            id: 'about-responsible',
            title: 'public.about.responsibleTitle',
            text: 'public.about.responsible',
          },
        ]}
      />
    </PublicPage>
  );
}

/** The questions in order; their anchors are what the A–Ö index links to. */
export const faqSections = [
  { id: 'faq-who', title: 'public.faq.whoTitle', text: 'public.faq.who' },
  { id: 'faq-not-for', title: 'public.faq.notForTitle', text: 'public.faq.notFor' },
  { id: 'faq-closing', title: 'public.faq.closeTitle', text: 'public.faq.close' },
  { id: 'faq-reminders', title: 'public.faq.remindersTitle', text: 'public.faq.reminders' },
  { id: 'faq-paper', title: 'public.faq.paperTitle', text: 'public.faq.paper' },
  { id: 'faq-verifiable', title: 'public.faq.verifiableTitle', text: 'public.faq.verifiable' },
  { id: 'faq-security', title: 'public.faq.securityTitle', text: 'public.faq.security' },
  { id: 'faq-abroad', title: 'public.faq.abroadTitle', text: 'public.faq.abroad' },
] as const satisfies readonly TextSection[];

export function FaqPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('public.faq.title')}>
      <TextSections t={t} sections={faqSections} />
    </PublicPage>
  );
}

export function SupportPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('public.support.title')}>
      <p>{t('public.support.intro')}</p>
      <TextSections
        t={t}
        sections={[
          { id: 'support-own', title: 'public.support.ownTitle', text: 'public.support.own' },
          { id: 'support-advice', title: 'public.support.adviceTitle', text: 'public.support.advice' },
          { id: 'support-cases', title: 'public.support.casesTitle', text: 'public.support.cases' },
        ]}
      />
      <FeedbackSection
        t={t}
        id="support-feedback"
        heading="public.support.feedbackTitle"
        text="public.support.feedback"
      />
    </PublicPage>
  );
}

/** The figures of the privacy notice's retention section: the product's actual settings. */
export interface RetentionFigures {
  deletedMessageDays: number;
  deliveryDays: number;
  auditDays: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  feedbackDays: number;
}

export function PrivacyPage(props: { ctx: PageContext; retention: RetentionFigures }) {
  const { t } = props.ctx;
  const r = props.retention;
  return (
    <PublicPage ctx={props.ctx} title={t('public.privacy.title')}>
      <p>{t('public.privacy.intro')}</p>
      <TextSections
        t={t}
        sections={[
          {
            id: 'privacy-controller',
            title: 'public.privacy.controllerTitle',
            text: 'public.privacy.controller',
          },
          { id: 'privacy-purposes', title: 'public.privacy.purposesTitle', text: 'public.privacy.purposes' },
          { id: 'privacy-basis', title: 'public.privacy.basisTitle', text: 'public.privacy.basis' },
          {
            id: 'privacy-categories',
            title: 'public.privacy.categoriesTitle',
            text: 'public.privacy.categories',
          },
        ]}
      />
      <HeadedSection id="privacy-retention" heading={t('public.privacy.retentionTitle')}>
        <ul>
          <li>{t('public.privacy.retentionDeleted', { days: r.deletedMessageDays })}</li>
          <li>{t('public.privacy.retentionDelivery', { days: r.deliveryDays })}</li>
          <li>{t('public.privacy.retentionAudit', { days: r.auditDays })}</li>
          <li>
            {t('public.privacy.retentionSession', {
              idle: r.sessionIdleMinutes,
              hours: r.sessionAbsoluteHours,
            })}
          </li>
          <li>{t('public.privacy.retentionFeedback', { days: r.feedbackDays })}</li>
        </ul>
      </HeadedSection>
      <TextSections
        t={t}
        sections={[
          {
            id: 'privacy-recipients',
            title: 'public.privacy.recipientsTitle',
            text: 'public.privacy.recipients',
          },
          { id: 'privacy-rights', title: 'public.privacy.rightsTitle', text: 'public.privacy.rights' },
        ]}
      />
      <FeedbackSection
        t={t}
        id="privacy-contact"
        heading="public.privacy.contactTitle"
        text="public.privacy.contact"
      />
    </PublicPage>
  );
}
