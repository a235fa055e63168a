import type { Kysely } from 'kysely';
import type { AttachmentListing } from '../../db/attachment-listing.js';
import type { DatabaseSchema } from '../../db/schema.js';
import { firstValue } from '../../db/first-value.js';

type Db = Kysely<DatabaseSchema>;

export interface NewUpload {
  id: string;
  organisationId: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  contentEnc: Buffer;
}

export interface UploadState {
  id: string;
  mediaType: string;
  messageId: number | null;
  createdAt: string;
}

export interface CitizenAttachment extends AttachmentListing {
  contentEnc: Buffer;
}

/** All SQL about attachments on the organisation API side. */
export class AttachmentRepository {
  constructor(private readonly db: Db) {}

  async insertUpload(upload: NewUpload, now: string): Promise<void> {
    await this.db
      .insertInto('attachments')
      .values({
        id: upload.id,
        organisation_id: upload.organisationId,
        account_id: null,
        message_id: null,
        position: null,
        file_name: upload.fileName,
        media_type: upload.mediaType,
        size_bytes: upload.sizeBytes,
        sha256: upload.sha256,
        content_enc: upload.contentEnc,
        created_at: now,
      })
      .execute();
  }

  /** The organisation's own uploads among `ids`; others' uploads are simply not returned. */
  async uploadsOf(organisationId: number, ids: readonly string[]): Promise<UploadState[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('attachments')
      .select(['id', 'media_type as mediaType', 'message_id as messageId', 'created_at as createdAt'])
      .where('organisation_id', '=', organisationId)
      .where('account_id', 'is', null)
      .where('id', 'in', [...ids])
      .execute();
  }

  /** The encrypted content of an organisation's own upload. */
  async uploadContent(organisationId: number, id: string): Promise<Buffer | undefined> {
    return firstValue(
      this.db
        .selectFrom('attachments')
        .select('content_enc')
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId),
    );
  }

  /**
   * Marks an upload as used by a message. Conditional on it still being unused, so two messages
   * racing for one upload cannot both get it: the loser sees false and rolls back.
   */
  async markUsed(
    organisationId: number,
    id: string,
    messageId: number,
    position: number | null,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('attachments')
      .set({ message_id: messageId, position })
      .where('id', '=', id)
      .where('organisation_id', '=', organisationId)
      .where('message_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listOfMessage(messageId: number): Promise<AttachmentListing[]> {
    return this.db
      .selectFrom('attachments')
      .select(['id', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes'])
      .where('message_id', '=', messageId)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
  }

  /** An attachment of a message a citizen sent to this organisation since `since`. */
  async citizenAttachmentFor(
    organisationId: number,
    id: string,
    since: string,
  ): Promise<CitizenAttachment | undefined> {
    return this.db
      .selectFrom('attachments as a')
      .innerJoin('messages as m', 'm.id', 'a.message_id')
      .select([
        'a.id',
        'a.file_name as fileName',
        'a.media_type as mediaType',
        'a.size_bytes as sizeBytes',
        'a.content_enc as contentEnc',
      ])
      .where('a.id', '=', id)
      .where('m.direction', '=', 'from_citizen')
      .where('m.organisation_id', '=', organisationId)
      .where('m.created_at', '>=', since)
      .where('m.purged_at', 'is', null)
      .executeTakeFirst();
  }

  /** Organisation uploads never used in a message and created before `before`. */
  async purgeUnusedUploads(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('attachments')
      .where('message_id', 'is', null)
      .where('organisation_id', 'is not', null)
      .where('account_id', 'is', null)
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
