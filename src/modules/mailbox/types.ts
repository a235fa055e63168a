/** The mailbox's folders: Saapuneet, Lähetetyt, Poistetut. */
export const folders = ['inbox', 'sent', 'deleted'] as const;
export type Folder = (typeof folders)[number];

/** A folder's date order: newest first (the default) or oldest first. */
export const folderOrders = ['newest', 'oldest'] as const;
export type FolderOrder = (typeof folderOrders)[number];

/** Organisation and service names as stored; the view picks the reader's language. */
export interface LocalisedNames {
  fi: string;
  sv: string | null;
  en: string | null;
}

/** What a citizen can send (Hakemus, Selvitys, Oikaisuvaatimus, Muu viesti tai ilmoitus). */
export const citizenMessageTypes = ['Hakemus', 'Selvitys', 'Oikaisuvaatimus', 'Muu'] as const;
export type CitizenMessageType = (typeof citizenMessageTypes)[number];

export function isCitizenMessageType(value: unknown): value is CitizenMessageType {
  return typeof value === 'string' && (citizenMessageTypes as readonly string[]).includes(value);
}

/** Limits shared with the organisation API (Suomi.fi Messages contract). */
export const limits = {
  titleLength: 256,
  bodyLength: 40_000,
  attachmentCount: 50,
  attachmentBytes: 10_485_760,
  /** Deleted messages can be restored for this long, then they are purged. */
  restoreDays: 60,
  pageSize: 20,
} as const;

/** A line in a folder listing. `title` is null while a verifiable message awaits acknowledgement. */
export interface FolderItem {
  id: number;
  direction: 'to_citizen' | 'from_citizen';
  organisation: LocalisedNames;
  /** Null when the message is verifiable and unacknowledged: only the sender is shown then. */
  service: LocalisedNames | null;
  title: string | null;
  /**
   * The stored title cannot be decrypted (written under another master key, or damaged). The item
   * is still listed, marked unavailable, so one bad row never takes the folder down with it.
   */
  unreadable: boolean;
  receivedAt: string;
  unread: boolean;
  verifiable: boolean;
  awaitingAcknowledgement: boolean;
  hasAttachments: boolean;
  citizenType: string | null;
  /** For the Poistetut folder: the last day (Helsinki date) the message can still be restored. */
  restorableUntil: string | null;
  /** The citizen can answer the message now ("Vastattavissa"). */
  replyable: boolean;
  /** A verifiable message's receipt date (Helsinki date) once there is one; null otherwise. */
  deemedReceivedOn: string | null;
}

export interface FolderPage {
  folder: Folder;
  order: FolderOrder;
  page: number;
  items: FolderItem[];
  hasNext: boolean;
}

export interface AttachmentInfo {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

interface MessageCommon {
  id: number;
  direction: 'to_citizen' | 'from_citizen';
  organisation: LocalisedNames;
  receivedAt: string;
  verifiable: boolean;
  deleted: boolean;
  restorableUntil: string | null;
  /** This opening was the first of a message in Saapuneet: it no longer counts as unread. */
  leftUnreadCount: boolean;
}

/** A verifiable message before acknowledgement: the sender and the acknowledgement step only. */
export interface SealedMessage extends MessageCommon {
  sealed: true;
}

export interface OpenedMessage extends MessageCommon {
  sealed: false;
  service: LocalisedNames;
  title: string;
  /** Safe HTML from renderMessageBody. */
  bodyHtml: string;
  attachments: AttachmentInfo[];
  citizenType: string | null;
  /** Helsinki date on which the message counts as received (organisations' messages only). */
  deemedReceivedOn: string | null;
  acknowledgedAt: string | null;
  canReply: boolean;
  canDelete: boolean;
  canRestore: boolean;
  thread: FolderItem[];
}

export type MessageView = SealedMessage | OpenedMessage;

/** Who is acting, for the audit trail. */
export interface Actor {
  accountId: number;
  requestId?: string | undefined;
}
