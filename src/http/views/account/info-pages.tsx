import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
}

const termsSections = ['service', 'use', 'receipt', 'reminders', 'privacy'] as const;

export function TermsPage(props: { ctx: PageContext; version: string; effectiveFrom: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('account.terms.title')}>
      <h1>{t('account.terms.title')}</h1>
      <p>
        {t('account.terms.version', { version: props.version, date: formatIsoDate(props.effectiveFrom) })}
      </p>
      {termsSections.map((section) => (
        <section aria-labelledby={`terms-${section}`}>
          <h2 id={`terms-${section}`}>{t(`account.terms.${section}Title`)}</h2>
          <p>{t(`account.terms.${section}`)}</p>
        </section>
      ))}
    </Layout>
  );
}

const accessibilitySections = ['status', 'features', 'feedback', 'supervision'] as const;
/** When the statement was last reviewed (Act 306/2019 asks for the date). */
export const accessibilityStatementDate = '2025-06-01';

export function AccessibilityPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('account.accessibility.title')}>
      <h1>{t('account.accessibility.title')}</h1>
      <p>{t('account.accessibility.intro')}</p>
      {accessibilitySections.map((section) => (
        <section aria-labelledby={`accessibility-${section}`}>
          <h2 id={`accessibility-${section}`}>{t(`account.accessibility.${section}Title`)}</h2>
          <p>{t(`account.accessibility.${section}`)}</p>
        </section>
      ))}
      <p>{t('layout.support')}</p>
      <p>{t('account.accessibility.updated', { date: formatIsoDate(accessibilityStatementDate) })}</p>
    </Layout>
  );
}
