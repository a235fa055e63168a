import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { maxAttachmentBytes, type AttachmentService } from '../../../modules/messages/index.js';
import { contentDisposition } from '../../content-disposition.js';
import type { App } from '../../app.js';
import { principalOf } from './authentication.js';
import { ErrorResponse, authenticatedErrors, tokenSecurity } from './schemas/common.js';
import { AttachmentIdParams, AttachmentReferenceResponse } from './schemas/query-schemas.js';
import { postUploadRoute } from './upload-route.js';

/** POST /v2/attachments (uploads) and GET /v1/attachments/{id} (citizens' attachments). */
export function attachmentRoutes(attachments: AttachmentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    postUploadRoute(app as App, {
      url: '/v2/attachments',
      operationId: 'postV3Attachments',
      summary:
        'Upload an attachment that will either be attached to an electronic message or be printed and delivered via paper mail.',
      description:
        'Multipart form data with one part named "file", at most 10,485,760 bytes. The type is decided ' +
        'from the content: PDF, JPEG, PNG, plain text (not markup), Word, Excel, PowerPoint (old and ' +
        'OOXML), OpenDocument text and spreadsheet. A file name extension or a part Content-Type that ' +
        'contradicts the content is refused with 415 naming the file and both types; a name without an ' +
        "extension gets the detected type's one. The file name is shown to the recipient. Uploads not " +
        'used in a message within 24 hours are removed.',
      maxBytes: maxAttachmentBytes,
      created: AttachmentReferenceResponse,
      badRequest: ErrorResponse,
      tooLarge: 'text 413',
      store: (principal, { fileName, content, declaredType }) =>
        attachments.upload(principal, { fileName, content, declaredType }),
    });

    app.get(
      '/v1/attachments/:id',
      {
        schema: {
          tags: ['messages'],
          summary: 'Retrieve an attachment an end user has included in a message they have sent you.',
          description: 'The data of messages sent by end users is retrievable for 60 days.',
          operationId: 'getV1Attachment',
          security: tokenSecurity,
          params: AttachmentIdParams,
          response: authenticatedErrors({
            // Sent as raw bytes (Fastify never serialises a Buffer), in the type sniffed at upload, under
            // a name whose extension matches that type.
            200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
            400: ErrorResponse,
            404: ErrorResponse,
          }),
        },
      },
      async (request, reply) => {
        const file = await attachments.citizenAttachment(principalOf(request), request.params.id);
        return reply
          .type(file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.content);
      },
    );
  };
}
