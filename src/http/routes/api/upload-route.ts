import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { ValidationError } from '../../../errors.js';
import type { App } from '../../app.js';
import { principalOf } from './authentication.js';
import { readUpload, type Upload } from './multipart-upload.js';
import type { ValidationErrorResponse } from './schemas/common.js';
import { ErrorResponse, authenticatedErrors, tokenSecurity } from './schemas/common.js';

// Room for the multipart boundaries, part headers and the small metadata part around a full file.
const multipartOverhead = 64 * 1024;

/** One upload operation of the contract (v2 /attachments, v1 /files and /attachments). */
export interface UploadRoute<Created extends TSchema> {
  url: string;
  operationId: string;
  summary: string;
  description: string;
  deprecated?: true;
  /** The largest file accepted; the multipart parser is registered with the same limit. */
  maxBytes: number;
  created: Created;
  badRequest: typeof ErrorResponse | typeof ValidationErrorResponse;
  /** The contract's plain-text 413, or where it lists none, a 400 naming the file. */
  tooLarge: 'text 413' | 'validation 400';
  store: (principal: ReturnType<typeof principalOf>, upload: Upload) => Promise<Static<Created>>;
}

/**
 * Registers a multipart upload. The caller is authenticated before anything is read; a declared
 * length over the limit is refused before reading, and the parser's limit catches the rest.
 */
export function postUploadRoute<Created extends TSchema>(app: App, route: UploadRoute<Created>): void {
  const tooLargeText = `HTTP content length exceeded ${route.maxBytes} bytes.`;
  // A plain map: whether 413 exists differs by route.
  const statuses: Record<number, TSchema> = { 201: route.created, 400: route.badRequest };
  if (route.tooLarge === 'text 413') statuses[413] = Type.String({ description: tooLargeText });
  statuses[415] = ErrorResponse;

  /** The contract answers 413 in plain text, unlike every other error. */
  const refuseTooLarge = (reply: FastifyReply) => {
    if (route.tooLarge === 'text 413') return reply.status(413).type('text/plain').send(tooLargeText);
    throw new ValidationError('file', `is larger than ${route.maxBytes} bytes`);
  };

  app.post(
    route.url,
    {
      schema: {
        tags: ['messages'],
        summary: route.summary,
        description: route.description,
        operationId: route.operationId,
        ...(route.deprecated ? { deprecated: true } : {}),
        security: tokenSecurity,
        consumes: ['multipart/form-data'],
        response: authenticatedErrors(statuses),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const declared = Number(request.headers['content-length']);
      if (declared > route.maxBytes + multipartOverhead) return refuseTooLarge(reply);
      const upload = await readUpload(request);
      if (upload === 'too large') return refuseTooLarge(reply);
      return reply.status(201).send(await route.store(principal, upload));
    },
  );
}
