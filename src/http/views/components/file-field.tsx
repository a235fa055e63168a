import { typeLabel } from '../../../domain/attachment-types.js';
import { Field, fieldAria, type FieldFrameProps } from './field.js';

export interface FileFieldProps extends FieldFrameProps {
  name: string;
  multiple?: boolean;
  /** File name extensions the picker offers, comma-separated (".pdf,.jpg"). */
  accept?: string;
}

/**
 * A file picker with its label, hint and error. The browser cannot preselect files, so a form that
 * comes back with problems has to say so itself (see ErrorSummary's children).
 */
export function FileField(props: FileFieldProps) {
  return (
    <Field {...props}>
      <input
        type="file"
        id={props.id}
        name={props.name}
        multiple={props.multiple}
        accept={props.accept}
        {...fieldAria(props)}
      />
    </Field>
  );
}

/**
 * The values a refused file's message names: the file, the type its name or the browser claimed and
 * the type its content is ("x.pdf is not a PDF but a PNG"); empty where the problem has none.
 */
export function fileProblemValues(problem: {
  fileName?: string;
  claimedType?: string;
  contentType?: string;
}) {
  return {
    file: problem.fileName ?? '',
    claimed: problem.claimedType ? typeLabel(problem.claimedType) : '',
    actual: problem.contentType ? typeLabel(problem.contentType) : '',
  };
}
