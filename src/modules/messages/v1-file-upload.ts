import { UnsupportedMediaTypeError } from '../../errors.js';
import type { ApiPrincipal } from '../organisations/credential-service.js';
import type { AttachmentService } from './attachment-service.js';
import { sniffMediaType } from './attachment-sniffing.js';

/**
 * POST /v1/files: the contract's v1 upload is "a PDF file" that is printed or attached, referenced
 * later as `fileId`. It is stored as an ordinary upload (so the v2 sending rules apply to it); only
 * the type check is narrower, made from the content before anything is stored.
 */
export async function uploadV1File(
  attachments: AttachmentService,
  principal: ApiPrincipal,
  file: { fileName: string | undefined; content: Buffer },
): Promise<{ fileId: string }> {
  if (file.content.length > 0 && (await sniffMediaType(file.content)) !== 'application/pdf') {
    throw new UnsupportedMediaTypeError('file: must be a PDF document');
  }
  const { attachmentId } = await attachments.upload(principal, file);
  return { fileId: attachmentId };
}
