import type { Translate, TranslationKey } from '../../../i18n/i18n.js';
import { LinkButton } from '../components/link-button.js';
import type { PageContext } from '../page-context.js';
import { PublicPage } from './public-page.js';

interface Section {
  /** The section's anchor: `#<id>` (the A–Ö index links to some). */
  id: string;
  title: TranslationKey;
  text: TranslationKey;
}

/** Headed sections, each a region named by its heading. */
function Sections(props: { t: Translate; sections: readonly Section[] }) {
  return (
    <>
      {props.sections.map((section) => (
        <section aria-labelledby={section.id}>
          <h2 id={section.id}>{props.t(section.title)}</h2>
          <p>{props.t(section.text)}</p>
        </section>
      ))}
    </>
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
      <section aria-labelledby="about-can">
        <h2 id="about-can">{t('public.about.canTitle')}</h2>
        <ul>
          <li>{t('public.about.can1')}</li>
          <li>{t('public.about.can2')}</li>
          <li>
            {t('public.about.can3')} <a href="/services">{t('public.nav.catalogue')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="about-steps">
        <h2 id="about-steps">{t('public.about.stepsTitle')}</h2>
        <ol class="numbered-steps">
          {aboutSteps.map((key) => (
            <li>{t(key)}</li>
          ))}
        </ol>
        <p>
          <LinkButton href="/login">{t('public.about.start')}</LinkButton>
        </p>
      </section>
      <Sections
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
] as const satisfies readonly Section[];

export function FaqPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('public.faq.title')}>
      <Sections t={t} sections={faqSections} />
    </PublicPage>
  );
}

export function SupportPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('public.support.title')}>
      <p>{t('public.support.intro')}</p>
      <Sections
        t={t}
        sections={[
          { id: 'support-own', title: 'public.support.ownTitle', text: 'public.support.own' },
          { id: 'support-advice', title: 'public.support.adviceTitle', text: 'public.support.advice' },
          { id: 'support-cases', title: 'public.support.casesTitle', text: 'public.support.cases' },
        ]}
      />
      <section aria-labelledby="support-feedback">
        <h2 id="support-feedback">{t('public.support.feedbackTitle')}</h2>
        <p>
          {t('public.support.feedback')} <a href="/feedback">{t('public.nav.feedback')}</a>
        </p>
      </section>
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
      <Sections
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
      <section aria-labelledby="privacy-retention">
        <h2 id="privacy-retention">{t('public.privacy.retentionTitle')}</h2>
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
      </section>
      <Sections
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
      <section aria-labelledby="privacy-contact">
        <h2 id="privacy-contact">{t('public.privacy.contactTitle')}</h2>
        <p>
          {t('public.privacy.contact')} <a href="/feedback">{t('public.nav.feedback')}</a>
        </p>
      </section>
    </PublicPage>
  );
}
