import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

export interface LinkButtonProps {
  href: string;
  /** secondary: outlined, for the other way out (cancel, log in later). */
  variant?: 'primary' | 'secondary';
  children: ComponentChildren;
}

/** A link that looks like a button: for steps that only navigate (GET). */
export function LinkButton(props: LinkButtonProps) {
  return (
    <a class={props.variant === 'secondary' ? 'button button--secondary' : 'button'} href={props.href}>
      {props.children}
    </a>
  );
}

/** Buttons and button-looking links share one look; the variants serve both. */
export const styles = css`
  .button,
  button {
    display: inline-block;
    font: inherit;
    font-weight: 600;
    padding: var(--fi-spacing-inset-m) var(--fi-spacing-m);
    min-height: 44px;
    line-height: 1.5;
    border-radius: var(--fi-radius-basic);
    border: 2px solid var(--fi-color-highlight-base);
    background: var(--fi-color-highlight-base);
    color: var(--fi-color-white-base);
    text-decoration: none;
    cursor: pointer;
  }
  .button--secondary,
  button.button--secondary {
    background: var(--fi-color-white-base);
    color: var(--fi-color-highlight-dark-1);
  }
  .button--danger,
  button.button--danger {
    background: var(--fi-color-alert-base);
    border-color: var(--fi-color-alert-base);
  }
`;
