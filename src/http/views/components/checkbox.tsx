import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';
import { FieldErrorText } from './field-error.js';

export interface CheckboxProps {
  id: string;
  name: string;
  checked: boolean;
  /** The problem with this choice (e.g. terms not accepted), shown above the box. */
  error?: string | undefined;
  required?: boolean;
  /** The label text; may hold a link (the terms). */
  children: ComponentChildren;
}

/** One yes/no choice, sent as "1" when ticked; the whole label is the click target. */
export function Checkbox(props: CheckboxProps) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class="field">
      <FieldErrorText id={`${props.id}-error`} error={props.error} />
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

/** Also used by the radio buttons: the box or circle beside its text, the text not bold. */
export const styles = css`
  label.checkbox {
    display: flex;
    gap: var(--fi-spacing-s);
    font-weight: 400;
    align-items: flex-start;
    padding: var(--fi-spacing-xxs) 0;
    cursor: pointer;
  }
  label.checkbox > span {
    padding-top: 0.05em;
  }
`;
