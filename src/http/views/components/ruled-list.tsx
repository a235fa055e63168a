import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

export interface RuledListProps {
  /** A further class naming the list's role, when its section styles the list as a whole. */
  class?: string | undefined;
  /** Accessible name of the list, when no heading names it. */
  label?: string | undefined;
  /** The id of the heading that names the list. */
  labelledBy?: string | undefined;
  /** The `<li>` rows. */
  children: ComponentChildren;
}

/**
 * Rows to scan, one under another, with a rule above the first and below each (a folder's messages,
 * the staff's received messages, the access log), so every such list reads the same.
 */
export function RuledList(props: RuledListProps) {
  return (
    <ul
      class={props.class ? `ruled-list ${props.class}` : 'ruled-list'}
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
    >
      {props.children}
    </ul>
  );
}

/** The rules have no class specificity of their own, so the list's section may style its rows freely. */
export const styles = css`
  .ruled-list {
    list-style: none;
    margin: 0 0 var(--fi-spacing-l);
    padding: 0;
    border-top: 1px solid var(--fi-color-depth-light-1);
  }
  :where(.ruled-list) > :where(li) {
    border-bottom: 1px solid var(--fi-color-depth-light-1);
  }
  /* A row's heading (a message's title) reads at body size: the rows are many, not the page's sections. */
  :where(.ruled-list > li) h2 {
    margin: 0 0 var(--fi-spacing-xxs);
    font-size: var(--fi-font-size-body-text);
    line-height: var(--fi-line-height-body-text);
    font-weight: 400;
  }
`;
