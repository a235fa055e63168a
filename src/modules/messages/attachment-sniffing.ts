import { fileTypeFromBuffer } from 'file-type';

/**
 * Decides an upload's media type from its content, never from its name or the client's
 * Content-Type: a file is only ever served or printed as what it really is. The accepted set is the
 * contract's list for POST /v2/attachments.
 */
export const acceptedMediaTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

const accepted = new Set<string>(acceptedMediaTypes);

/**
 * The legacy Office formats are all OLE compound files, which file-type reports only as
 * "application/x-cfb"; the name of the main stream (UTF-16LE in the directory) tells them apart.
 */
function compoundDocumentType(content: Buffer): string | undefined {
  const has = (stream: string) => content.includes(Buffer.from(stream, 'utf16le'));
  if (has('WordDocument')) return 'application/msword';
  if (has('Workbook') || has('Book')) return 'application/vnd.ms-excel';
  if (has('PowerPoint Document')) return 'application/vnd.ms-powerpoint';
  return undefined;
}

/** Plain text: valid UTF-8 without control characters other than tab, line feed, form feed, return. */
function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The accepted media type of the content, or undefined when it is none of them. */
export async function sniffMediaType(content: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) {
    if (detected.mime === 'application/x-cfb') return compoundDocumentType(content);
    return accepted.has(detected.mime) ? detected.mime : undefined;
  }
  return content.length > 0 && isPlainText(content) ? 'text/plain' : undefined;
}
