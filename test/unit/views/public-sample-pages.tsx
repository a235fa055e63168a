import type { VNode } from 'preact';
import type { CatalogueEntry } from '../../../src/modules/catalogue/index.js';
import { CataloguePage } from '../../../src/http/views/public/catalogue-page.js';
import { FeedbackPage, FeedbackThanksPage } from '../../../src/http/views/public/feedback-page.js';
import { AboutPage, FaqPage, PrivacyPage, SupportPage } from '../../../src/http/views/public/info-pages.js';
import { AzIndexPage, SitemapPage } from '../../../src/http/views/public/site-index-pages.js';
import { pageContext } from './render.js';

const entry: CatalogueEntry = {
  serviceId: 'ylitornio-lomakkeet',
  name: 'Sähköiset lomakkeet',
  description: 'Kunnan sähköiset lomakkeet.',
  eServiceUrl: 'https://asiointi.ylitornio.example/',
  acceptsMessages: true,
  forms: [{ title: 'Kuntalaisaloite', url: 'https://lomakkeet.example/a.pdf' }],
  organisationName: 'Ylitornion kunta',
  municipality: 'Ylitornio',
};

/** The public pages in the states the stylesheet must cover (search hits, browsing, form errors). */
export function publicSamplePages(): Array<{ name: string; page: VNode }> {
  const ctx = pageContext();
  const retention = {
    deletedMessageDays: 60,
    deliveryDays: 90,
    auditDays: 2190,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    feedbackDays: 365,
  };
  return [
    { name: 'about', page: <AboutPage ctx={ctx} /> },
    { name: 'faq', page: <FaqPage ctx={ctx} /> },
    { name: 'support', page: <SupportPage ctx={ctx} /> },
    { name: 'privacy', page: <PrivacyPage ctx={ctx} retention={retention} /> },
    { name: 'sitemap', page: <SitemapPage ctx={ctx} /> },
    { name: 'a-z', page: <AzIndexPage ctx={ctx} /> },
    {
      name: 'catalogue search',
      page: (
        <CataloguePage
          ctx={ctx}
          query="ylitornio"
          result={{
            hits: [{ entry: { ...entry, acceptsMessages: false }, score: 3 }],
            corrected: ['ylitprnio'],
          }}
        />
      ),
    },
    {
      name: 'catalogue browse',
      page: (
        <CataloguePage
          ctx={ctx}
          query=""
          organisations={[{ name: 'Ylitornion kunta', municipality: 'Ylitornio', services: [entry] }]}
        />
      ),
    },
    {
      name: 'feedback errors',
      page: (
        <FeedbackPage
          ctx={ctx}
          values={{ message: 'x' }}
          stamp="s"
          problems={[
            { field: 'message', code: 'messageTooShort' },
            { field: 'form', code: 'tooFast' },
          ]}
        />
      ),
    },
    { name: 'feedback thanks', page: <FeedbackThanksPage ctx={ctx} /> },
  ];
}
