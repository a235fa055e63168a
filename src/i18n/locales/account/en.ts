// Strings of the account pages (en). Owned by the account area; the fi file is the source of keys.
export const account_en = {};
