/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding) for every
 * attachment download. The quoted form is an ASCII fallback for old clients: anything outside
 * printable ASCII, and the quote and backslash that would end or escape it, become "_". The encoded
 * form keeps the real name; every byte outside RFC 5987's attr-char set is percent-encoded, so no
 * header syntax can leak through. Callers pass a name already matched to the served type
 * (fileNameForType); control characters are dropped here once more because a header must never
 * carry them.
 */
export function contentDisposition(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = fileName.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'liite';
  const fallback = clean.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = Array.from(new TextEncoder().encode(clean))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9!#$&+.^_`|~-]/.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
