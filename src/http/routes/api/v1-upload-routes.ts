import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ValidationError } from '../../../errors.js';
import {
  maxAttachmentBytes,
  type AttachmentService,
  validateRecipientId,
  uploadV1File,
} from '../../../modules/messages/index.js';
import type { App } from '../../app.js';
import { ValidationErrorResponse } from './schemas/common.js';
import { AttachmentReferenceResponse } from './schemas/query-schemas.js';
import { NewFileResponse } from './schemas/v1-query-schemas.js';
import { postUploadRoute } from './upload-route.js';

/**
 * NewAttachmentMetadata. The recipient id is checked as the contract requires it, but not kept: an
 * upload is not tied to a recipient until a message uses it, exactly as with v2 uploads.
 */
function checkAttachmentMetadata(value: unknown): void {
  if (value === undefined) throw new ValidationError('metadata', 'is required');
  let metadata: unknown = value;
  if (typeof value === 'string') {
    try {
      metadata = JSON.parse(value);
    } catch {
      throw new ValidationError('metadata', 'must be valid JSON');
    }
  }
  const recipientId = (metadata as { recipientId?: unknown } | null)?.recipientId;
  if (typeof recipientId !== 'string') throw new ValidationError('metadata.recipientId', 'is required');
  validateRecipientId(recipientId, 'metadata.recipientId');
}

/** The deprecated POST /v1/files (PDF for print or attachment) and POST /v1/attachments. */
export function v1UploadRoutes(attachments: AttachmentService): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    const app = fastify as App;
    postUploadRoute(app, {
      url: '/v1/files',
      operationId: 'postV1Files',
      summary:
        'Upload a PDF file that will either be attached to an electronic message or be printed and delivered via paper mail.',
      description:
        'Deprecated; use POST /v2/attachments. Multipart form data with one part named "file": a ' +
        'PDF document (decided from the content; name and part Content-Type must agree, as in v2) of ' +
        'at most 10,485,760 bytes. The contract lists no 413 here, so a larger upload is a 400 naming ' +
        'the file. Files not used in a message within 24 hours are removed.',
      deprecated: true,
      maxBytes: maxAttachmentBytes,
      created: NewFileResponse,
      badRequest: ValidationErrorResponse,
      tooLarge: 'validation 400',
      store: (principal, upload) => uploadV1File(attachments, principal, upload),
    });
    postUploadRoute(app, {
      url: '/v1/attachments',
      operationId: 'postV2Attachments',
      summary: 'Upload an attachment that you want to include in an electronic message.',
      description:
        'Deprecated; use POST /v2/attachments. Multipart form data with a part named "file" (at ' +
        'most 10,485,760 bytes, type decided from the content and checked against its name as in ' +
        'v2) and a JSON part named "metadata" holding the recipientId. Attachments not used within ' +
        '24 hours are removed.',
      deprecated: true,
      maxBytes: maxAttachmentBytes,
      created: AttachmentReferenceResponse,
      badRequest: ValidationErrorResponse,
      tooLarge: 'text 413',
      store: (principal, upload) => {
        checkAttachmentMetadata(upload.fields.get('metadata'));
        return attachments.upload(principal, upload);
      },
    });
  };
}
