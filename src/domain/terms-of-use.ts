/**
 * The terms of use in force: their version and the date they apply from. The text, per language,
 * is under `account.terms` in src/i18n/locales; what changed from the previous version under
 * `account.termsChanged.changes`. Publishing a new version means changing the text, the summary of
 * changes and this version together: every active account whose accepted version is older is then
 * asked to accept the new one at its next page (see requireAccount), before reading its mailbox.
 */
export const currentTerms = { version: '1.1', effectiveFrom: '2026-11-30' } as const;

/** Dotted numbers only ("1", "1.1", "2.0.3"), so versions have an order. */
const versionPattern = /^\d+(\.\d+)*$/;

/**
 * Whether a person who accepted `accepted` must accept the current terms. Versions are compared by
 * number, part by part, not for equality: while an older and a newer release run side by side during
 * an upgrade, the older one must not ask someone who already accepted the newer terms to accept its
 * older ones. A stored value that is no version at all counts as older.
 */
export function termsAcceptanceDue(accepted: string, current: string = currentTerms.version): boolean {
  if (!versionPattern.test(accepted)) return true;
  const a = accepted.split('.').map(Number);
  const c = current.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, c.length); i++) {
    const difference = (a[i] ?? 0) - (c[i] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return false;
}
