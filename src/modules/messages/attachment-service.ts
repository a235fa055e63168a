import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { organisationRead } from './organisation-read-audit.js';
import { createHash, randomUUID } from 'node:crypto';
import type { Envelope } from '../../crypto/envelope.js';
import { cleanFileName } from '../../domain/attachment-file-name.js';
import {
  describeRefusal,
  fileNameForType,
  judgeAttachment,
  type AttachmentFile,
} from '../../domain/attachment-types.js';
import { NotFoundError, UnsupportedMediaTypeError, ValidationError } from '../../errors.js';
import type { ApiPrincipal } from '../organisations/index.js';
import type { AttachmentRepository } from './attachment-repository.js';
import type { SendingPrincipal } from './message-input.js';
import { contentContext } from './message-content.js';

/** The contract's limit for one upload. */
export const maxAttachmentBytes = 10_485_760;
/** Uploads not used in a message within this time are removed (contract: 24 hours). */
export const uploadLifetimeMs = 24 * 3600 * 1000;
/** Messages from citizens and their attachments are available to the organisation this long. */
export const citizenMessageRetentionMs = 60 * 24 * 3600 * 1000;

/** What the log says instead of a refused file's name. */
const unnamedFile = '[file name]';

/** Uploads by organisations (POST /v2/attachments) and citizens' attachments (GET /v1/attachments/{id}). */
export class AttachmentService {
  constructor(
    private readonly deps: {
      db: Kysely<DatabaseSchema>;
      repository: AttachmentRepository;
      envelope: Envelope;
      clock: () => Date;
    },
  ) {}

  /**
   * Stores an upload when the attachment policy accepts it (src/domain/attachment-types.ts): 400
   * for an empty file, 415 naming the file and both types for anything else it refuses. `pdfOnly`
   * is the v1 file upload's narrower rule, checked after the policy so its answer names the type.
   */
  async upload(
    principal: SendingPrincipal,
    file: AttachmentFile,
    options: { pdfOnly?: boolean } = {},
  ): Promise<{ attachmentId: string }> {
    const verdict = await judgeAttachment(file);
    if (!verdict.ok) {
      if (verdict.refusal.reason === 'empty') throw new ValidationError('file', 'is empty');
      // The answer names the file so the sender knows which one; the log must not (it may be personal).
      throw new UnsupportedMediaTypeError(describeRefusal(verdict.refusal), undefined, {
        loggedMessage: describeRefusal({ ...verdict.refusal, fileName: unnamedFile }),
      });
    }
    if (options.pdfOnly && verdict.mediaType !== 'application/pdf') {
      const notPdf = (name: string) =>
        `file ${JSON.stringify(name)}: must be a PDF document, the content is ${verdict.mediaType}`;
      throw new UnsupportedMediaTypeError(notPdf(cleanFileName(file.fileName)), undefined, {
        loggedMessage: notPdf(unnamedFile),
      });
    }
    const id = randomUUID();
    await this.deps.repository.insertUpload(
      {
        id,
        organisationId: principal.organisationId,
        fileName: verdict.fileName,
        mediaType: verdict.mediaType,
        sizeBytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        contentEnc: this.deps.envelope.encrypt(file.content, contentContext.attachment(id)),
      },
      this.deps.clock().toISOString(),
    );
    // An API upload is the organisation's own call; a staff member's upload is part of their send,
    // which the staff messaging audits as a whole (its principal names no API credential).
    if ('credentialId' in principal) {
      await recordAudit(
        this.deps.db,
        organisationRead(
          principal as ApiPrincipal,
          'api.attachment_uploaded',
          { type: 'attachment', id },
          this.deps.clock(),
          {
            mediaType: verdict.mediaType,
            sizeBytes: file.content.length,
          },
        ),
      );
    }
    return { attachmentId: id };
  }

  /** An attachment of a message a citizen sent to the caller's organisation within 60 days. */
  async citizenAttachment(
    principal: ApiPrincipal,
    id: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const since = new Date(this.deps.clock().getTime() - citizenMessageRetentionMs).toISOString();
    const row = await this.deps.repository.citizenAttachmentFor(principal.organisationId, id, since);
    if (!row) throw new NotFoundError('Attachment not found');
    await recordAudit(
      this.deps.db,
      organisationRead(
        principal,
        'api.attachment_downloaded',
        { type: 'attachment', id: row.id },
        this.deps.clock(),
      ),
    );
    return {
      // The extension always matches the served type, also for rows stored before names were checked.
      fileName: fileNameForType(row.fileName, row.mediaType),
      mediaType: row.mediaType,
      content: this.deps.envelope.decrypt(row.contentEnc, contentContext.attachment(row.id)),
    };
  }

  /** Removes organisation uploads never used in a message within 24 hours; returns how many. */
  purgeUnused(): Promise<number> {
    return this.deps.repository.purgeUnusedUploads(
      new Date(this.deps.clock().getTime() - uploadLifetimeMs).toISOString(),
    );
  }
}
