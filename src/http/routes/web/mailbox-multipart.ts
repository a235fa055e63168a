import { PayloadTooLargeError } from '../../../errors.js';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../../modules/mailbox/index.js';
import { limits } from '../../../modules/mailbox/index.js';
import { declaredPartType } from '../../multipart-part-type.js';
import { assertCsrf } from '../../plugins/citizen-session.js';

export interface ComposeForm {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/**
 * Another form than the citizen's (the staff send form): whose CSRF token the `_csrf` field must
 * carry, and the file limits. The citizen's session and the mailbox limits by default.
 */
export interface ComposeFormOptions {
  checkCsrf?: (request: FastifyRequest, token: unknown) => void;
  attachmentBytes?: number;
  attachmentCount?: number;
}

/**
 * A text field may hold at most this many bytes. It is above the longest valid body (40,000
 * characters of up to 4 bytes), so a value cut at this size is always too long and is reported so.
 */
const fieldBytes = 256 * 1024;

/** All attachments of one citizen message together (each file is also limited on its own). */
export const maxFormBytes = 100 * 1024 * 1024;

/**
 * Reads the new-message / reply form. The `_csrf` field is first in the form and is checked before
 * any file is read, so a forged request is refused without buffering its uploads. A file over the
 * size limit is cut off by the parser at the limit and kept only as "too large" (no content), so
 * memory is bounded by the count and size limits. Nothing is stored here: the service decides.
 */
export async function readComposeForm(
  request: FastifyRequest,
  formOptions: ComposeFormOptions = {},
): Promise<ComposeForm> {
  const checkCsrf = formOptions.checkCsrf ?? assertCsrf;
  const fileBytes = formOptions.attachmentBytes ?? limits.attachmentBytes;
  const fileCount = formOptions.attachmentCount ?? limits.attachmentCount;
  if (!request.isMultipart()) {
    // A urlencoded post carries no files; the session plugin has already checked its token.
    return { fields: stringFields(request.body), files: [] };
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let csrfChecked = false;
  let totalBytes = 0;
  // throwFileSizeLimit is read by @fastify/multipart per call but missing from its parts() type.
  const options = {
    // One file more than allowed is read, so the service can say "too many" instead of the parser
    // failing; any file beyond that is skipped by the parser (FST_FILES_LIMIT, below).
    limits: {
      fileSize: fileBytes,
      files: fileCount + 1,
      fields: 20,
      fieldSize: fieldBytes,
      parts: fileCount + 30,
    },
    throwFileSizeLimit: false,
  };
  const parts = request.parts(options as Parameters<FastifyRequest['parts']>[0]);
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf') {
          checkCsrf(request, part.value);
          csrfChecked = true;
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
        continue;
      }
      if (!csrfChecked) {
        await discard(part.file);
        checkCsrf(request, undefined);
      }
      // An empty file input still sends a part, with no file name and no content.
      if (part.fieldname !== 'attachments' || part.filename === '') {
        await discard(part.file);
        continue;
      }
      const content = await readLimited(part.file);
      totalBytes += content?.length ?? 0;
      // Files are held in memory until the service stores them; a cap on the whole form keeps one
      // request from holding 50 × 10 MiB.
      if (totalBytes > maxFormBytes) {
        throw new PayloadTooLargeError(`attachments: together at most ${maxFormBytes} bytes`);
      }
      files.push({ fileName: part.filename, content, declaredType: declaredPartType(part.mimetype) });
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_FILES_LIMIT') throw error;
  }
  if (!csrfChecked) checkCsrf(request, undefined);
  return { fields, files };
}

/** The file's bytes, or null when the parser cut it off at the size limit. */
async function readLimited(file: Readable & { truncated?: boolean }): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  if (file.truncated) return null;
  return Buffer.concat(chunks);
}

async function discard(file: Readable): Promise<void> {
  for await (const _chunk of file) {
    // drained so the parser moves on to the next part
  }
}

function stringFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!body || typeof body !== 'object') return fields;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}
