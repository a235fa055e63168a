import { css } from '../styles/css.js';

/** One step of the trail; the last one is the current page and has no link. */
export interface Crumb {
  label: string;
  href?: string | undefined;
}

export interface BreadcrumbsProps {
  /** The navigation landmark's name ("Murupolku"). */
  label: string;
  /** From the start page to the current page, in order. */
  trail: Crumb[];
}

/**
 * Where the page sits below the start page: an ordered list of links in a labelled navigation
 * landmark, the current page last, marked aria-current and not linked. The separators are drawn by
 * CSS, so screen readers do not read them.
 */
export function Breadcrumbs(props: BreadcrumbsProps) {
  const last = props.trail.length - 1;
  return (
    <nav class="breadcrumbs" aria-label={props.label}>
      <ol>
        {props.trail.map((crumb, index) => (
          <li>
            {index === last || crumb.href === undefined ? (
              <span aria-current={index === last ? 'page' : undefined}>{crumb.label}</span>
            ) : (
              <a href={crumb.href}>{crumb.label}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export const styles = css`
  .breadcrumbs {
    margin: 0 0 var(--fi-spacing-m);
    font-size: 0.9rem;
  }
  .breadcrumbs ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-xs);
  }
  .breadcrumbs li + li::before {
    content: '/';
    margin-right: var(--fi-spacing-xs);
    color: var(--fi-color-depth-dark-1);
  }
  .breadcrumbs [aria-current='page'] {
    font-weight: 600;
    text-decoration: none;
  }
`;
