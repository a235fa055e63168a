// Strings of the mailbox pages (sv). Owned by the mailbox area; the fi file is the source of keys.
export const mailbox_sv = {};
