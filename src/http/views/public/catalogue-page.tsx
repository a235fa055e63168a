import type {
  CatalogueEntry,
  CatalogueOrganisation,
  CatalogueSearchResult,
} from '../../../modules/catalogue/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { LinkParagraph } from '../components/link-paragraph.js';
import { VisuallyHidden } from '../components/visually-hidden.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { PublicPage } from './public-page.js';
import { HeadedSection } from '../components/headed-section.js';

export interface CataloguePageProps {
  ctx: PageContext;
  /** What was searched for ('' when browsing). */
  query: string;
  /** Present when a query was given. */
  result?: CatalogueSearchResult | undefined;
  /** Present when browsing (no query). */
  organisations?: CatalogueOrganisation[] | undefined;
  /** The query could not be used (too long). */
  queryError?: string | undefined;
}

/** One service: name, description, whether it takes messages, its e-service and printable forms. */
function ServiceCard(props: {
  ctx: PageContext;
  entry: CatalogueEntry;
  level: 3 | 4;
  showOrganisation: boolean;
}) {
  const { t } = props.ctx;
  const { entry } = props;
  const Heading = props.level === 3 ? 'h3' : 'h4';
  return (
    <li class="catalogue-service">
      <Heading class="catalogue-service__name">{entry.name}</Heading>
      {props.showOrganisation && (
        <p class="catalogue-service__organisation">
          {t('public.catalogue.organisation', { name: entry.organisationName })}
          {entry.municipality && <> · {t('public.catalogue.municipality', { name: entry.municipality })}</>}
        </p>
      )}
      {entry.description && <p>{entry.description}</p>}
      <p class={entry.acceptsMessages ? 'catalogue-chip catalogue-chip--yes' : 'catalogue-chip'}>
        {entry.acceptsMessages ? t('public.catalogue.acceptsMessages') : t('public.catalogue.noMessages')}
      </p>
      {entry.eServiceUrl && (
        <p>
          <a href={entry.eServiceUrl}>
            {t('public.catalogue.eService')}
            <VisuallyHidden>: {entry.name}</VisuallyHidden>
          </a>
        </p>
      )}
      {entry.forms.length > 0 && (
        <div class="catalogue-forms">
          <p class="catalogue-forms__title">{t('public.catalogue.forms')}</p>
          <ul>
            {entry.forms.map((form) => (
              <li>
                <a href={form.url}>{form.title}</a> (PDF)
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

export function CataloguePage(props: CataloguePageProps) {
  const { ctx, query, result } = props;
  const { t } = ctx;
  const title = t('public.catalogue.title');
  return (
    <PublicPage ctx={ctx} title={title} hasErrors={props.queryError !== undefined}>
      <p>{t('public.catalogue.intro')}</p>
      <ErrorSummary
        heading={t('public.catalogue.searchTitle')}
        errors={props.queryError ? [{ fieldId: 'catalogue-query', message: props.queryError }] : []}
      />
      <form
        method="get"
        action="/services"
        role="search"
        class="catalogue-search"
        aria-labelledby="catalogue-search-title"
      >
        <h2 id="catalogue-search-title">{t('public.catalogue.searchTitle')}</h2>
        <p id="catalogue-query-hint">{t('public.catalogue.searchHint')}</p>
        <label for="catalogue-query">{t('public.catalogue.searchLabel')}</label>
        <div class="catalogue-search__row">
          <input
            type="search"
            id="catalogue-query"
            name="q"
            value={query}
            maxLength={200}
            aria-describedby="catalogue-query-hint"
            aria-invalid={props.queryError ? 'true' : undefined}
          />
          <button type="submit">{t('public.catalogue.searchButton')}</button>
        </div>
      </form>
      {result && (
        <HeadedSection
          id="catalogue-results-title"
          heading={t('public.catalogue.results', { query, count: result.hits.length })}
        >
          {result.corrected.length > 0 && (
            <p>{t('public.catalogue.corrected', { words: result.corrected.join(', ') })}</p>
          )}
          {result.hits.length === 0 ? (
            <p>{t('public.catalogue.noResults', { query })}</p>
          ) : (
            <ul class="catalogue-list">
              {result.hits.map((hit) => (
                <ServiceCard ctx={ctx} entry={hit.entry} level={3} showOrganisation={true} />
              ))}
            </ul>
          )}
          <LinkParagraph href="/services">{t('public.catalogue.showAll')}</LinkParagraph>
        </HeadedSection>
      )}
      {props.organisations && (
        <HeadedSection id="catalogue-all-title" heading={t('public.catalogue.allTitle')}>
          {props.organisations.length === 0 && <p>{t('public.catalogue.empty')}</p>}
          {props.organisations.map((organisation) => (
            <section class="catalogue-organisation" aria-label={organisation.name}>
              <h3>{organisation.name}</h3>
              {organisation.municipality && (
                <p>{t('public.catalogue.municipality', { name: organisation.municipality })}</p>
              )}
              <ul class="catalogue-list">
                {organisation.services.map((entry) => (
                  <ServiceCard ctx={ctx} entry={entry} level={4} showOrganisation={false} />
                ))}
              </ul>
            </section>
          ))}
        </HeadedSection>
      )}
    </PublicPage>
  );
}

/** The catalogue: the search box, and services as cards in a one-column list. */
export const styles = css`
  .catalogue-search {
    border: 1px solid var(--fi-color-depth-light-2);
    border-radius: var(--fi-radius-basic);
    padding: var(--fi-spacing-m);
    margin-bottom: var(--fi-spacing-l);
  }
  .catalogue-search h2 {
    margin-top: 0;
  }
  .catalogue-search label {
    display: block;
    font-weight: 600;
  }
  .catalogue-search__row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-s);
  }
  .catalogue-search__row input {
    flex: 1 1 12rem;
    min-width: 0;
    min-height: 44px;
    font: inherit;
  }
  .catalogue-organisation {
    margin-bottom: var(--fi-spacing-l);
  }
  .catalogue-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .catalogue-service {
    border-top: 1px solid var(--fi-color-depth-light-2);
    padding: var(--fi-spacing-m) 0;
  }
  .catalogue-service__name {
    margin: 0 0 var(--fi-spacing-xs);
  }
  .catalogue-service__organisation {
    margin-top: 0;
    color: var(--fi-color-depth-dark-1);
  }
  .catalogue-chip {
    display: inline-block;
    padding: 2px var(--fi-spacing-s);
    border-radius: var(--fi-radius-basic);
    border: 1px solid var(--fi-color-depth-dark-1);
    font-size: 0.9rem;
  }
  .catalogue-chip--yes {
    background: var(--fi-color-highlight-light-3);
  }
  .catalogue-forms__title {
    font-weight: 600;
    margin-bottom: var(--fi-spacing-xs);
  }
  .catalogue-forms ul {
    margin-top: 0;
  }
`;
