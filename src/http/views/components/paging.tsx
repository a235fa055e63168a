import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';
import { Icon } from './icon.js';
import { InlineList } from './inline-list.js';

export interface PagingProps {
  /** Accessible name of the navigation ("Sivut"). */
  label: string;
  /** Where the list stands, as a page of it comes from its repository: the page (from 1) and whether another follows. */
  list: { page: number; hasNext: boolean };
  /** The address of a page. */
  href: (page: number) => string;
  /**
   * The id of a posted form whose search the pages continue: the previous and next links become
   * that form's submit buttons (`page`), so what it searched for never goes into an address (a
   * search by identity code: ASVS 8.3.1). `href` is not used then.
   */
  form?: string | undefined;
  /** "Sivu 3" for a page number. */
  pageLabel: (page: number) => string;
  previousLabel: string;
  nextLabel: string;
}

/**
 * Previous, current and next page; nothing when everything fits on one page. In a folder the
 * previous page holds newer messages and the next one older, and the labels say so.
 */
export function Paging(props: PagingProps) {
  const { page, hasNext } = props.list;
  if (page === 1 && !hasNext) return null;
  return (
    <nav class="paging" aria-label={props.label}>
      <InlineList>
        {page > 1 && (
          <li>
            <PageLink {...props} to={page - 1} rel="prev">
              <Icon name="chevronLeft" />
              {props.previousLabel}
            </PageLink>
          </li>
        )}
        <li class="paging__current" aria-current="page">
          {props.pageLabel(page)}
        </li>
        {hasNext && (
          <li>
            <PageLink {...props} to={page + 1} rel="next">
              {props.nextLabel}
              <Icon name="chevronRight" />
            </PageLink>
          </li>
        )}
      </InlineList>
    </nav>
  );
}

/** A link to another page, or the posted form's button for it. */
function PageLink(props: PagingProps & { to: number; rel: 'prev' | 'next'; children: ComponentChildren }) {
  if (props.form) {
    return (
      <button type="submit" class="paging__link" form={props.form} name="page" value={String(props.to)}>
        {props.children}
      </button>
    );
  }
  return (
    <a class="paging__link" href={props.href(props.to)} rel={props.rel}>
      {props.children}
    </a>
  );
}

export const styles = css`
  .paging {
    margin: var(--fi-spacing-l) 0 0;
  }
  .paging .inline-list {
    align-items: center;
    justify-content: space-between;
    gap: var(--fi-spacing-s) var(--fi-spacing-l);
  }
  .paging__link {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xxs);
    min-height: 44px;
    padding: 0 var(--fi-spacing-s);
    border: 1px solid var(--fi-color-highlight-base);
    border-radius: var(--fi-radius-basic);
    font-weight: 600;
    text-decoration: none;
  }
  button.paging__link {
    background: none;
    color: var(--fi-color-highlight-base);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .paging__link:hover {
    background: var(--fi-color-highlight-light-4);
  }
  .paging__current {
    color: var(--fi-color-black-light-1);
  }
`;
