import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

export interface NoticeProps {
  /** info (default): neutral; success: an action went through; alert: something was refused. */
  tone?: 'info' | 'success' | 'alert';
  /** Announce it as a status message (the result of the previous action). */
  status?: boolean;
  /** Several paragraphs: render a box around them instead of one paragraph. */
  block?: boolean;
  children: ComponentChildren;
}

const toneClasses = {
  info: 'notice',
  success: 'notice notice--success',
  alert: 'notice notice--alert',
} as const;

/** A boxed message above the page's content. */
export function Notice(props: NoticeProps) {
  const className = toneClasses[props.tone ?? 'info'];
  const role = props.status ? 'status' : undefined;
  return props.block ? (
    <div class={className} role={role}>
      {props.children}
    </div>
  ) : (
    <p class={className} role={role}>
      {props.children}
    </p>
  );
}

/**
 * What the previous action did (post/redirect/get), announced as a status message; nothing when the
 * page was not reached from one (`text` empty or false).
 */
export function ActionResult(props: { text: string | false | undefined }) {
  return props.text ? (
    <Notice tone="success" status>
      {props.text}
    </Notice>
  ) : null;
}

export const styles = css`
  .notice {
    background: var(--fi-color-highlight-light-3);
    border-left: 4px solid var(--fi-color-highlight-base);
    padding: var(--fi-spacing-m);
  }
  .notice--alert {
    background: var(--app-color-alert-light);
    border-left-color: var(--fi-color-alert-base);
  }
  .notice--success {
    background: var(--app-color-success-light);
    border-left-color: var(--fi-color-success-base);
  }
`;
