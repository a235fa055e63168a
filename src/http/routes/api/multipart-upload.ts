import type { FastifyRequest } from 'fastify';
import type { AttachmentFile } from '../../../domain/attachment-types.js';
import { UnsupportedMediaTypeError, ValidationError } from '../../../errors.js';
import { declaredPartType } from '../../multipart-part-type.js';

export interface Upload extends AttachmentFile {
  /** Plain fields in the form (v1 attachments carry a `metadata` part), by name. */
  fields: Map<string, unknown>;
}

/**
 * Reads an organisation's upload form: exactly one file part named "file", and plain fields in any
 * order (v1 clients send `metadata` before or after the file). A second file, or a file under another
 * name, is refused rather than silently dropped, so the sender never believes something was stored
 * that was not. The parser's own limits (one file, few fields) are set where the plugin is registered.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload | 'too large'> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError('the request must be multipart/form-data with a "file" part');
  }
  const fields = new Map<string, unknown>();
  let file: AttachmentFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields.set(part.fieldname, part.value);
      } else if (part.fieldname === 'file' && !file) {
        file = {
          fileName: part.filename,
          content: await part.toBuffer(),
          declaredType: declaredPartType(part.mimetype),
        };
      } else if (part.fieldname === 'file') {
        throw new ValidationError('file', 'only one file part is allowed');
      } else {
        throw new ValidationError(part.fieldname, 'is not an expected file part');
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return 'too large';
    if (code === 'FST_FILES_LIMIT') throw new ValidationError('file', 'only one file part is allowed');
    // The plugin parses a field declared application/json itself and would answer 406 for bad JSON.
    if (code === 'FST_INVALID_JSON_FIELD_ERROR') throw new ValidationError('metadata', 'must be valid JSON');
    throw error;
  }
  if (!file) throw new ValidationError('file', 'is required');
  return { ...file, fields };
}
