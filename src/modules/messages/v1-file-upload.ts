import type { AttachmentFile } from '../../domain/attachment-types.js';
import type { ApiPrincipal } from '../organisations/index.js';
import type { AttachmentService } from './attachment-service.js';

/**
 * POST /v1/files: the contract's v1 upload is "a PDF file" that is printed or attached, referenced
 * later as `fileId`. It is stored as an ordinary upload (so the v2 sending and attachment rules
 * apply to it); only the accepted type is narrower, decided from the content before anything is stored.
 */
export async function uploadV1File(
  attachments: AttachmentService,
  principal: ApiPrincipal,
  file: AttachmentFile,
): Promise<{ fileId: string }> {
  const { attachmentId } = await attachments.upload(principal, file, { pdfOnly: true });
  return { fileId: attachmentId };
}
