import { DecryptionError, type Envelope } from '../../crypto/envelope.js';
import { deemedReceivedElectronic, helsinkiDate } from '../../domain/legal-dates.js';
import { contentContext, decryptText } from '../messages/index.js';
import type { FolderRow } from './mailbox-repository.js';
import { limits, type FolderItem } from './types.js';

/**
 * The mailbox's rules about one message, as pure functions of its row and the time, so the folder
 * list, the message page and the actions cannot disagree.
 */

const dayMs = 24 * 3600 * 1000;

/** An organisation's message shows once it is available; the citizen's own sent messages always. */
export function isVisible(row: FolderRow, now: Date): boolean {
  if (row.direction === 'from_citizen') return true;
  return row.availableAt !== null && row.availableAt <= now.toISOString();
}

/** A verifiable message stays sealed (sender only) until the citizen acknowledges it. */
export function isSealed(row: FolderRow): boolean {
  return (
    row.direction === 'to_citizen' && row.serviceType === 'Verifiable' && row.receiptConfirmedAt === null
  );
}

export function restoreDeadline(deletedAt: string): Date {
  return new Date(new Date(deletedAt).getTime() + limits.restoreDays * dayMs);
}

export function canRestore(row: FolderRow, now: Date): boolean {
  return row.deletedAt !== null && restoreDeadline(row.deletedAt) > now;
}

/** Purge takes messages deleted before this instant. */
export function purgeCutoff(now: Date): Date {
  return new Date(now.getTime() - limits.restoreDays * dayMs);
}

export function restorableUntil(row: FolderRow): string | null {
  return row.deletedAt === null ? null : helsinkiDate(restoreDeadline(row.deletedAt));
}

/** The citizen may answer an organisation's message the sender left open, unless it is deleted or sealed. */
export function canReply(row: FolderRow): boolean {
  return row.direction === 'to_citizen' && row.replyAllowed && row.deletedAt === null && !isSealed(row);
}

/**
 * The Helsinki date the message counts as received: verifiable ones on acknowledgement (stored then),
 * ordinary ones on the third day after they became available (Act 13/2003 §19) unless the sender
 * stored another date. Null while a verifiable message is unacknowledged.
 */
export function deemedReceivedOn(row: FolderRow): string | null {
  if (row.direction !== 'to_citizen') return null;
  if (row.deemedReceivedOn) return row.deemedReceivedOn;
  if (row.serviceType === 'Verifiable') {
    return row.receiptConfirmedAt ? helsinkiDate(new Date(row.receiptConfirmedAt)) : null;
  }
  return row.availableAt ? deemedReceivedElectronic(new Date(row.availableAt)) : null;
}

/**
 * Only the titles on the page are decrypted, and never the title of a sealed message. A title that
 * cannot be decrypted is reported through `onUnreadable` (to be logged) and the item shown as
 * unavailable.
 */
export function toFolderItem(
  row: FolderRow,
  envelope: Envelope,
  onUnreadable: (messageId: number, error: DecryptionError) => void = () => undefined,
): FolderItem {
  const sealed = isSealed(row);
  let title: string | null = null;
  let unreadable = false;
  if (!sealed) {
    try {
      title = decryptText(envelope, row.titleEnc, contentContext.title);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      unreadable = true;
      onUnreadable(row.id, error);
    }
  }
  return {
    id: row.id,
    direction: row.direction,
    organisation: row.organisation,
    service: sealed ? null : row.service,
    title,
    unreadable,
    receivedAt: row.availableAt ?? row.createdAt,
    unread: row.direction === 'to_citizen' && row.readAt === null,
    verifiable: row.serviceType === 'Verifiable',
    awaitingAcknowledgement: sealed,
    hasAttachments: !sealed && row.hasAttachments,
    citizenType: row.citizenType,
    restorableUntil: restorableUntil(row),
    replyable: canReply(row),
    // The list names the receipt date of verifiable messages only: for them it is the fact that
    // starts time limits; an ordinary message's third-day rule is on its own page.
    deemedReceivedOn: row.serviceType === 'Verifiable' ? deemedReceivedOn(row) : null,
  };
}
