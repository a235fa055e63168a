import { css } from '../styles/css.js';
import { messagesOf } from './described-by.js';

export interface FieldErrorProps {
  /** Element id, which the field's aria-describedby names. */
  id: string;
  /** The field's problems; several are shown one a line, none renders nothing. */
  error: string | string[] | undefined;
}

/** A field's own problem text, placed above its control so it is read before the value. */
export function FieldErrorText(props: FieldErrorProps) {
  const messages = messagesOf(props.error);
  if (messages.length === 0) return null;
  return (
    <p class="field-error" id={props.id}>
      {messages.map((message, index) => (
        <>
          {index > 0 && <br />}
          {message}
        </>
      ))}
    </p>
  );
}

export const styles = css`
  .field-error {
    color: var(--fi-color-alert-base);
    font-weight: 600;
  }
`;
