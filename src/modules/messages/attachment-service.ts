import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Envelope } from '../../crypto/envelope.js';
import { NotFoundError, UnsupportedMediaTypeError, ValidationError } from '../../errors.js';
import type { ApiPrincipal } from '../organisations/credential-service.js';
import type { AttachmentRepository } from './attachment-repository.js';
import { sniffMediaType } from './attachment-sniffing.js';
import { contentContext } from './message-content.js';

/** The contract's limit for one upload. */
export const maxAttachmentBytes = 10_485_760;
/** Uploads not used in a message within this time are removed (contract: 24 hours). */
export const uploadLifetimeMs = 24 * 3600 * 1000;
/** Messages from citizens and their attachments are available to the organisation this long. */
export const citizenMessageRetentionMs = 60 * 24 * 3600 * 1000;

/**
 * The name shown to the recipient. Only metadata: the content is stored in the database, never under
 * this name, so stripping directories is for display; control characters and bidi overrides, which
 * can disguise an extension ("invoice‮fdp.exe"), are dropped too.
 */
export function displayFileName(given: string | undefined): string {
  const base = path.posix.basename((given ?? '').replace(/\\/g, '/'));
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

/** Uploads by organisations (POST /v2/attachments) and citizens' attachments (GET /v1/attachments/{id}). */
export class AttachmentService {
  constructor(
    private readonly repository: AttachmentRepository,
    private readonly envelope: Envelope,
    private readonly clock: () => Date,
  ) {}

  async upload(
    principal: ApiPrincipal,
    file: { fileName: string | undefined; content: Buffer },
  ): Promise<{ attachmentId: string }> {
    if (file.content.length === 0) throw new ValidationError('file', 'is empty');
    const mediaType = await sniffMediaType(file.content);
    if (!mediaType) {
      throw new UnsupportedMediaTypeError(
        'file: the content is not of a supported type (PDF, image, text, office)',
      );
    }
    const id = randomUUID();
    await this.repository.insertUpload(
      {
        id,
        organisationId: principal.organisationId,
        fileName: displayFileName(file.fileName),
        mediaType,
        sizeBytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        contentEnc: this.envelope.encrypt(file.content, contentContext.attachment(id)),
      },
      this.clock().toISOString(),
    );
    return { attachmentId: id };
  }

  /** An attachment of a message a citizen sent to the caller's organisation within 60 days. */
  async citizenAttachment(
    principal: ApiPrincipal,
    id: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const since = new Date(this.clock().getTime() - citizenMessageRetentionMs).toISOString();
    const row = await this.repository.citizenAttachmentFor(principal.organisationId, id, since);
    if (!row) throw new NotFoundError('Attachment not found');
    return {
      fileName: row.fileName,
      mediaType: row.mediaType,
      content: this.envelope.decrypt(row.contentEnc, contentContext.attachment(row.id)),
    };
  }

  /** Removes organisation uploads never used in a message within 24 hours; returns how many. */
  purgeUnused(): Promise<number> {
    return this.repository.purgeUnusedUploads(
      new Date(this.clock().getTime() - uploadLifetimeMs).toISOString(),
    );
  }
}
