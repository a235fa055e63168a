import type { FastifyReply } from 'fastify';
import type { DownloadedAttachment } from '../../../modules/mailbox/reading-service.js';

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding). The quoted
 * form is an ASCII fallback for old clients: anything outside printable ASCII, and the quote and
 * backslash that would end or escape it, become "_". The encoded form keeps the real name; every
 * byte outside RFC 5987's attr-char set is percent-encoded, so no header syntax can leak through.
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

/**
 * Sends an attachment as a download, never for display: the stored (content-sniffed) media type,
 * `attachment` disposition, nosniff, a sandboxing CSP in case a browser renders it anyway, and no
 * caching of personal documents.
 */
export function sendAttachment(reply: FastifyReply, attachment: DownloadedAttachment): FastifyReply {
  return reply
    .header('content-type', attachment.mediaType)
    .header('content-disposition', contentDisposition(attachment.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(attachment.content);
}
