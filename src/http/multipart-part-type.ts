/**
 * The Content-Type a multipart file part declared, for the attachment policy: undefined when the
 * part declared nothing. The multipart parser reports a part without a Content-Type header as
 * "text/plain" (the default of RFC 7578), so a declared text/plain cannot be told from none and
 * counts as none; the content check still decides what the file is.
 */
export function declaredPartType(mimetype: string | undefined): string | undefined {
  const essence = (mimetype ?? '').split(';')[0]!.trim().toLowerCase();
  return essence === '' || essence === 'text/plain' ? undefined : mimetype;
}
