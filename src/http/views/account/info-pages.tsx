import { LinkParagraph } from '../components/link-paragraph.js';
import { TextSections } from '../components/text-sections.js';
import type { PageContext } from '../page-context.js';
import { PublicPage } from '../public/public-page.js';

function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
}

/** The terms' sections in order: each its own heading and text. */
const termsSections = [
  { id: 'service', title: 'account.terms.serviceTitle', text: 'account.terms.service' },
  { id: 'use', title: 'account.terms.useTitle', text: 'account.terms.use' },
  { id: 'receipt', title: 'account.terms.receiptTitle', text: 'account.terms.receipt' },
  { id: 'reminders', title: 'account.terms.remindersTitle', text: 'account.terms.reminders' },
  { id: 'privacy', title: 'account.terms.privacyTitle', text: 'account.terms.privacy' },
  { id: 'changes', title: 'account.terms.changesTitle', text: 'account.terms.changes' },
] as const;

export function TermsPage(props: { ctx: PageContext; version: string; effectiveFrom: string }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('account.terms.title')}>
      <p>
        {t('account.terms.version', { version: props.version, date: formatIsoDate(props.effectiveFrom) })}
      </p>
      <TextSections t={t} idPrefix="terms-" sections={termsSections} />
    </PublicPage>
  );
}

/** The statement's sections in the order Act 306/2019's model statement has them. */
const accessibilitySections = [
  { id: 'status', title: 'account.accessibility.statusTitle', text: 'account.accessibility.status' },
  { id: 'features', title: 'account.accessibility.featuresTitle', text: 'account.accessibility.features' },
  { id: 'feedback', title: 'account.accessibility.feedbackTitle', text: 'account.accessibility.feedback' },
  {
    id: 'supervision',
    title: 'account.accessibility.supervisionTitle',
    text: 'account.accessibility.supervision',
  },
] as const;
/** When the statement was last reviewed (Act 306/2019 asks for the date). */
export const accessibilityStatementDate = '2025-06-01';

export function AccessibilityPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('account.accessibility.title')}>
      <p>{t('account.accessibility.intro')}</p>
      <TextSections t={t} idPrefix="accessibility-" sections={accessibilitySections} />
      <LinkParagraph href="/feedback?topic=accessibility">{t('public.feedback.title')}</LinkParagraph>
      <p>{t('layout.support')}</p>
      <p>{t('account.accessibility.updated', { date: formatIsoDate(accessibilityStatementDate) })}</p>
    </PublicPage>
  );
}
