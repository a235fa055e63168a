import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

/**
 * A wide table that keeps its words whole: on a narrow screen the table scrolls sideways inside
 * this region instead of breaking words letter by letter (the page elsewhere lets long words break
 * anywhere, which squeezes table columns). The region is named and focusable, so a keyboard user
 * can scroll it too. Give `labelledBy` (the caption's or heading's id) or `label`.
 */
export function ScrollTable(props: { labelledBy?: string; label?: string; children: ComponentChildren }) {
  return (
    <div
      class="scroll-table"
      role="region"
      aria-labelledby={props.labelledBy}
      aria-label={props.labelledBy ? undefined : props.label}
      tabIndex={0}
    >
      {props.children}
    </div>
  );
}

export const styles = css`
  /* Relative: visually hidden texts in the table (absolutely positioned) scroll with it rather than
     widening the page from beyond the region. */
  .scroll-table {
    position: relative;
    overflow-x: auto;
    max-width: 100%;
  }
  .scroll-table:focus-visible {
    outline: 3px solid var(--app-color-focus);
    outline-offset: 2px;
  }
  .scroll-table table {
    overflow-wrap: normal;
    hyphens: auto;
  }
  /* Addresses have no words to keep whole: they may break anywhere, so they do not widen the table. */
  .scroll-table td a[href^='http'] {
    overflow-wrap: anywhere;
  }
`;
