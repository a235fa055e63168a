// Strings of the account pages (sv). Owned by the account area; the fi file is the source of keys.
export const account_sv = {};
