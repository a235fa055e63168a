import type { Locale, Translate } from '../../i18n/i18n.js';

export type TextSize = 1 | 2 | 3;

/** What every server-rendered page needs to know about the request. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Path and query of the current page, for the language and text-size links to return to. */
  currentPath: string;
  textSize: TextSize;
  /** Present when a citizen is signed in. */
  signedInName?: string | undefined;
  /** The signed-in person has a mailbox to show (an active or a closed, still readable account). */
  hasMailbox?: boolean | undefined;
  /** The person's account is closed: the mailbox is read-only, so nothing to write or set. */
  accountClosed?: boolean | undefined;
  csrfToken?: string | undefined;
}
