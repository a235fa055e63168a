import type { Translate } from '../../../i18n/i18n.js';

/** A form field's problem: the field's element id (for the summary link) and the message. */
export interface FieldError {
  fieldId: string;
  message: string;
}

/**
 * All problems at the top of the form, each linking to its field. role="alert" makes screen readers
 * announce it when the page loads after a failed submit, which needs no script.
 */
export function ErrorSummary(props: { t: Translate; errors: FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.t('account.form.errorSummary')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            <a href={`#${error.fieldId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(...ids: Array<string | undefined>): string | undefined {
  const present = ids.filter((id): id is string => id !== undefined);
  return present.length > 0 ? present.join(' ') : undefined;
}

export function TextField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'email' | 'tel';
  hint?: string | undefined;
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  extra?: Record<string, string>;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <span class="field-hint" id={hintId}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      <input
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-describedby={describedBy(errorId, hintId)}
        aria-invalid={props.error ? 'true' : undefined}
        {...props.extra}
      />
    </div>
  );
}

export function Checkbox(props: {
  id: string;
  name: string;
  checked: boolean;
  error?: string | undefined;
  required?: boolean;
  children: preact.ComponentChildren;
}) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class="field">
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      <label class="checkbox" for={props.id}>
        <input
          type="checkbox"
          id={props.id}
          name={props.name}
          value="1"
          checked={props.checked}
          required={props.required}
          aria-describedby={errorId}
          aria-invalid={props.error ? 'true' : undefined}
        />
        <span>{props.children}</span>
      </label>
    </div>
  );
}
