import { css } from '../styles/css.js';
import { InlineList } from './inline-list.js';

export interface PagingProps {
  /** Accessible name of the navigation ("Sivut"). */
  label: string;
  /** The current page, from 1. */
  page: number;
  hasNext: boolean;
  /** The address of a page. */
  href: (page: number) => string;
  /** "Sivu 3" for a page number. */
  pageLabel: (page: number) => string;
  previousLabel: string;
  nextLabel: string;
}

/** Previous, current and next page; nothing when everything fits on one page. */
export function Paging(props: PagingProps) {
  if (props.page === 1 && !props.hasNext) return null;
  return (
    <nav class="paging" aria-label={props.label}>
      <InlineList>
        {props.page > 1 && (
          <li>
            <a href={props.href(props.page - 1)} rel="prev">
              {props.previousLabel}
            </a>
          </li>
        )}
        <li aria-current="page">{props.pageLabel(props.page)}</li>
        {props.hasNext && (
          <li>
            <a href={props.href(props.page + 1)} rel="next">
              {props.nextLabel}
            </a>
          </li>
        )}
      </InlineList>
    </nav>
  );
}

// The browser's default block; the citizen-side restyle sets the look here.
export const styles = css`
  .paging {
    display: block;
  }
`;
