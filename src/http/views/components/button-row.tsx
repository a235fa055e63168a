import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

/** The form's buttons side by side (wrapping on narrow screens), the main step first in reading order. */
export function ButtonRow(props: { children: ComponentChildren }) {
  return <div class="button-row">{props.children}</div>;
}

export const styles = css`
  .button-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fi-spacing-m);
    align-items: center;
    margin-top: var(--fi-spacing-l);
  }
`;
