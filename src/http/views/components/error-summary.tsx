import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';
import { Icon } from './icon.js';

/** A form field's problem: the field's element id (for the summary link) and the message. */
export interface FieldError {
  fieldId: string;
  message: string;
}

/**
 * A refused form's problems in words, each worded once: the summary's entries (each linking to its
 * field's element), each field's own messages in the order the service reported them, and a field's
 * id, name (the problem's field name) and messages to spread into its component.
 */
export function formProblems<P extends { field: string }>(
  problems: readonly P[],
  fieldIds: Readonly<Record<P['field'], string>>,
  text: (problem: P) => string,
) {
  const errorsOf = (field: P['field']) => problems.filter((problem) => problem.field === field).map(text);
  const summary = problems.map((problem): FieldError => ({
    fieldId: fieldIds[problem.field as P['field']],
    message: text(problem),
  }));
  return {
    summary,
    errorsOf,
    field: (name: P['field']) => ({ id: fieldIds[name], name, error: errorsOf(name) }),
  };
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
 * All problems at the top of the form, each linking to its field. The page comes back from the
 * server with the summary focused, without script: it can take focus (tabindex -1) and asks for it
 * on load (autofocus), so the keyboard continues from it and a screen reader reads it first;
 * role="alert" announces it as well. Pages that show it pass `hasErrors` to the layout, which puts
 * "Virhe: " before the title.
 */
export function ErrorSummary(props: ErrorSummaryProps) {
  if (props.errors.length === 0) return null;
  return (
    <div
      class="error-summary"
      id="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autofocus
    >
      <h2 id="error-summary-title">
        <Icon name="error" class="error-summary__icon" />
        {props.heading}
      </h2>
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
    border: 2px solid var(--fi-color-alert-base);
    border-left-width: 8px;
    background: var(--fi-color-white-base);
    padding: var(--fi-spacing-m) var(--fi-spacing-l);
    margin-bottom: var(--fi-spacing-l);
  }
  .error-summary h2 {
    margin-top: 0;
    font-size: var(--fi-font-size-heading-4);
    line-height: var(--fi-line-height-heading-4);
    display: flex;
    gap: var(--fi-spacing-xs);
    align-items: flex-start;
  }
  .error-summary__icon {
    color: var(--fi-color-alert-base);
    width: 1.25em;
    height: 1.25em;
  }
  .error-summary ul {
    margin: 0;
    padding-left: var(--fi-spacing-l);
  }
  .error-summary a {
    color: var(--fi-color-alert-base);
    font-weight: 600;
  }
`;
