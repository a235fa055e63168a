import { LinkButton } from '../components/link-button.js';
import type { PageContext } from '../page-context.js';
import { PublicPage } from './public-page.js';

/**
 * The Digital and Population Data Services Agency's page on what the population information
 * system holds about a person (the seed's "Omien tietojen tarkistus" link).
 */
export const ownDataCheckUrl = 'https://dvv.fi/henkilotiedot';

/**
 * What the seed's identification page tells before a person identifies: where the name and e-mail
 * come from (with the link to check them), the consent, and how to see that the connection is
 * secure. Shown on /identification and on the bundled test identification service's first page.
 */
export function IdentificationInfo(props: { ctx: PageContext; headingLevel: 2 | 3 }) {
  const { t } = props.ctx;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <section aria-labelledby="own-data">
        <Heading id="own-data">{t('public.identification.registerTitle')}</Heading>
        <p>
          {t('public.identification.register')}{' '}
          <a href={ownDataCheckUrl}>{t('public.identification.ownData')}</a>
        </p>
        <p>{t('public.identification.consent')}</p>
      </section>
      <section aria-labelledby="secure-connection">
        <Heading id="secure-connection">{t('public.identification.secureTitle')}</Heading>
        <p>{t('public.identification.secure')}</p>
      </section>
    </>
  );
}

/** /identification: the public page before identification, ending in the way in. */
export function IdentificationPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage ctx={props.ctx} title={t('public.identification.title')}>
      <p>{t('public.identification.intro')}</p>
      <IdentificationInfo ctx={props.ctx} headingLevel={2} />
      <p>
        <LinkButton href="/login">{t('public.identification.start')}</LinkButton>
      </p>
      <p>{t('layout.support')}</p>
    </PublicPage>
  );
}
