import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../errors.js';
import {
  maxAttachmentBytes,
  type AttachmentService,
  validateRecipientId,
  uploadV1File,
} from '../../../modules/messages/index.js';
import { principalOf } from './authentication.js';
import { readUpload, type Upload } from './multipart-upload.js';
import {
  ErrorResponse,
  ValidationErrorResponse,
  authenticatedErrors,
  tokenSecurity,
} from './schemas/common.js';
import { AttachmentReferenceResponse } from './schemas/query-schemas.js';
import { NewFileResponse } from './schemas/v1-query-schemas.js';

const tooLargeText = `HTTP content length exceeded ${maxAttachmentBytes} bytes.`;
// Room for the multipart boundaries, part headers and the small metadata part around a full file.
const multipartOverhead = 64 * 1024;

function tooLarge(reply: FastifyReply) {
  return reply.status(413).type('text/plain').send(tooLargeText);
}

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

/** Refuses by declared length before reading anything, then by the multipart limit while reading. */
async function readWithinLimit(request: FastifyRequest): Promise<Upload | 'too large'> {
  if (Number(request.headers['content-length']) > maxAttachmentBytes + multipartOverhead) return 'too large';
  return readUpload(request);
}

/** The deprecated POST /v1/files (PDF for print or attachment) and POST /v1/attachments. */
export function v1UploadRoutes(attachments: AttachmentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/files',
      {
        schema: {
          tags: ['messages'],
          summary:
            'Upload a PDF file that will either be attached to an electronic message or be printed and delivered via paper mail.',
          description:
            'Deprecated; use POST /v2/attachments. Multipart form data with one part named "file": a ' +
            'PDF document (decided from the content; name and part Content-Type must agree, as in v2) of ' +
            'at most 10,485,760 bytes. The contract lists no 413 here, so a larger upload is a 400 naming ' +
            'the file. Files not used in a message within 24 hours are removed.',
          operationId: 'postV1Files',
          deprecated: true,
          security: tokenSecurity,
          consumes: ['multipart/form-data'],
          response: authenticatedErrors({
            201: NewFileResponse,
            400: ValidationErrorResponse,
            415: ErrorResponse,
          }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const upload = await readWithinLimit(request);
        if (upload === 'too large')
          throw new ValidationError('file', `is larger than ${maxAttachmentBytes} bytes`);
        const created = await uploadV1File(attachments, principal, upload);
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/v1/attachments',
      {
        schema: {
          tags: ['messages'],
          summary: 'Upload an attachment that you want to include in an electronic message.',
          description:
            'Deprecated; use POST /v2/attachments. Multipart form data with a part named "file" (at ' +
            'most 10,485,760 bytes, type decided from the content and checked against its name as in ' +
            'v2) and a JSON part named "metadata" holding the recipientId. Attachments not used within ' +
            '24 hours are removed.',
          operationId: 'postV2Attachments',
          deprecated: true,
          security: tokenSecurity,
          consumes: ['multipart/form-data'],
          response: authenticatedErrors({
            201: AttachmentReferenceResponse,
            400: ValidationErrorResponse,
            413: Type.String({ description: tooLargeText }),
            415: ErrorResponse,
          }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const upload = await readWithinLimit(request);
        if (upload === 'too large') return tooLarge(reply);
        checkAttachmentMetadata(upload.fields.get('metadata'));
        const created = await attachments.upload(principal, upload);
        return reply.status(201).send(created);
      },
    );
  };
}
