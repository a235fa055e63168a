import type { ComponentChildren } from 'preact';
import { css } from '../styles/css.js';
import { describedBy, messagesOf } from './described-by.js';
import { FieldErrorText } from './field-error.js';

/** What every labelled field has; the control's ids for its hint and error derive from `id`. */
export interface FieldFrameProps {
  /** The control's element id: the label's target and the error summary's link target. */
  id: string;
  label: string;
  /** Advice shown between the label and the control, tied to the control by aria-describedby. */
  hint?: string | undefined;
  /**
   * A hint written as a paragraph keeps a paragraph's spacing (the compose page's attachment
   * advice); otherwise it is a line right under the label.
   */
  hintAsParagraph?: boolean;
  /** The field's problems, shown above the control and marking it aria-invalid. */
  error?: string | string[] | undefined;
}

/** The aria attributes that tie a control to its hint and error, for the control's own element. */
export function fieldAria(props: FieldFrameProps) {
  const invalid = messagesOf(props.error).length > 0;
  return {
    'aria-describedby': describedBy(
      invalid ? `${props.id}-error` : undefined,
      props.hint ? `${props.id}-hint` : undefined,
    ),
    'aria-invalid': invalid ? ('true' as const) : undefined,
  };
}

/** Label, hint and error around one control, in the order a screen reader should meet them. */
export function Field(props: FieldFrameProps & { children: ComponentChildren }) {
  const hintId = `${props.id}-hint`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint &&
        (props.hintAsParagraph ? (
          <p class="field-hint" id={hintId}>
            {props.hint}
          </p>
        ) : (
          <span class="field-hint" id={hintId}>
            {props.hint}
          </span>
        ))}
      <FieldErrorText id={`${props.id}-error`} error={props.error} />
      {props.children}
    </div>
  );
}

export const styles = css`
  form .field {
    margin-bottom: var(--fi-spacing-l);
  }
  .field-hint {
    display: block;
    font-weight: 400;
    color: var(--app-color-hint-text);
    margin-bottom: 4px;
  }
`;
