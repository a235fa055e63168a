import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

export interface InlineListProps {
  /** A further class naming the list's role (its own section may refine the look). */
  class?: string;
  /** The `<li>` items. */
  children: ComponentChildren;
}

/** Items in a row without bullets, wrapping as needed: links, tags, page numbers. */
export function InlineList(props: InlineListProps) {
  return <ul class={props.class ? `inline-list ${props.class}` : 'inline-list'}>{props.children}</ul>;
}

export const styles = css`
  .inline-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-s);
  }
`;
