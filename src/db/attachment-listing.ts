/**
 * An attachment as a message lists it: what a reader sees of a file before opening it. The mailbox,
 * the staff's sent pages and the organisation API list a message's files alike.
 */
export interface AttachmentListing {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/** The attachments columns an AttachmentListing is read from, for `select`. */
export const attachmentListingColumns = ['id', 'file_name', 'media_type', 'size_bytes'] as const;

/** A row of `attachmentListingColumns`; the size may come back as text from a PostgreSQL bigint. */
export function toAttachmentListing(row: {
  id: string;
  file_name: string;
  media_type: string;
  size_bytes: number | string;
}): AttachmentListing {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
  };
}
