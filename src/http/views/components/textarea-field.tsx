import { Field, fieldAria, type FieldFrameProps } from './field.js';

export interface TextareaFieldProps extends FieldFrameProps {
  name: string;
  value: string;
  rows?: number;
  required?: boolean;
  maxLength?: number;
}

/** A multi-line text input with its label, hint and error. */
export function TextareaField(props: TextareaFieldProps) {
  return (
    <Field {...props}>
      <textarea
        id={props.id}
        name={props.name}
        required={props.required}
        rows={props.rows}
        maxLength={props.maxLength}
        {...fieldAria(props)}
      >
        {props.value}
      </textarea>
    </Field>
  );
}
