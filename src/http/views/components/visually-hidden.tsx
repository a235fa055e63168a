import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

/** Text for screen readers only (e.g. "(required)" beside a visual asterisk). */
export function VisuallyHidden(props: { children: ComponentChildren }) {
  return <span class="visually-hidden">{props.children}</span>;
}

export const styles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
