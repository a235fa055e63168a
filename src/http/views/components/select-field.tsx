import type { ComponentChildren } from 'preact';
import { Field, fieldAria, type FieldFrameProps } from './field.js';

export interface SelectFieldProps extends FieldFrameProps {
  name: string;
  required?: boolean;
  /** The `<option>`s (and `<optgroup>`s); the caller marks the chosen one selected. */
  children: ComponentChildren;
}

/** A drop-down list with its label, hint and error. */
export function SelectField(props: SelectFieldProps) {
  return (
    <Field {...props}>
      <select id={props.id} name={props.name} required={props.required} {...fieldAria(props)}>
        {props.children}
      </select>
    </Field>
  );
}
