import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';

/** A form field's problem: the field's element id (for the summary link) and the message. */
export interface FieldError {
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  /** The summary's heading, e.g. "Korjaa seuraavat kohdat". */
  heading: string;
  /** Every problem of the form, in the order of the fields; nothing is shown when empty. */
  errors: FieldError[];
  /** Further advice under the list (e.g. that chosen files must be chosen again). */
  children?: ComponentChildren;
}

/**
 * All problems at the top of the form, each linking to its field. role="alert" makes screen readers
 * announce it when the page loads after a failed submit, which needs no script.
 */
export function ErrorSummary(props: ErrorSummaryProps) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.heading}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            <a href={`#${error.fieldId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
      {props.children}
    </div>
  );
}

export const styles = css`
  .error-summary {
    border: 3px solid var(--fi-color-alert-base);
    padding: var(--fi-spacing-m);
    margin-bottom: var(--fi-spacing-l);
  }
  .error-summary h2 {
    margin-top: 0;
    font-size: 1.2rem;
  }
`;
