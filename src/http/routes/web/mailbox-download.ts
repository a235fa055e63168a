import type { FastifyReply } from 'fastify';
import type { DownloadedAttachment } from '../../../modules/mailbox/index.js';
import { contentDisposition } from '../../content-disposition.js';

/**
 * Sends an attachment as a download, never for display: the stored (content-sniffed) media type,
 * `attachment` disposition under a name whose extension matches that type, nosniff, a sandboxing
 * CSP in case a browser renders it anyway, and no caching of personal documents.
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
