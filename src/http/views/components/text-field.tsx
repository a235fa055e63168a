import { Field, fieldAria, type FieldFrameProps } from './field.js';

export interface TextFieldProps extends FieldFrameProps {
  /** The form field name sent to the server. */
  name: string;
  /** What the person typed last time (shown again when the form comes back). */
  value: string;
  type?: 'text' | 'email' | 'tel' | 'date';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  /** Further attributes for the input (test pages use data- and inputmode attributes). */
  extra?: Record<string, string>;
}

/** A one-line text input with its label, hint and error. */
export function TextField(props: TextFieldProps) {
  return (
    <Field {...props}>
      <input
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        {...fieldAria(props)}
        {...props.extra}
      />
    </Field>
  );
}
