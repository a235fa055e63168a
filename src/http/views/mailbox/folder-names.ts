import type { Folder } from '../../../modules/mailbox/index.js';

/** Each folder's name, as its page heading and in "back to" links. */
export const folderNameKeys = {
  inbox: 'mailbox.folder.inbox',
  sent: 'mailbox.folder.sent',
  deleted: 'mailbox.folder.deleted',
} as const satisfies Record<Folder, string>;
