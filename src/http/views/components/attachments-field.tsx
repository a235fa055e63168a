import { attachmentTypes } from '../../../domain/attachment-types.js';
import { FileField } from './file-field.js';

/** What the picker offers: every extension of the one attachment policy (organisations' and citizens'). */
const acceptedExtensions = Object.values(attachmentTypes)
  .flat()
  .map((extension) => `.${extension}`)
  .join(',');

export interface AttachmentsFieldProps {
  id: string;
  label: string;
  /** The limits in words; a paragraph, as it is longer than a line. */
  hint: string;
  error: string[];
}

/** A message's attachments (the citizen's and the staff's forms): several files of the accepted types. */
export function AttachmentsField(props: AttachmentsFieldProps) {
  return <FileField {...props} name="attachments" hintAsParagraph accept={acceptedExtensions} multiple />;
}
