// Strings of the mailbox pages (en). Owned by the mailbox area; the fi file is the source of keys.
export const mailbox_en = {};
