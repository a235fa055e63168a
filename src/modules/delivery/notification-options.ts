import type { Language } from '../population-register/index.js';

/**
 * What the sender asked for about notifications, read from `messages.options` (the contract's
 * MessageNotifications object as the organisation API stored it). Read defensively: the object may
 * sit at the top level, under `notifications` or under `electronic.notifications`, and older rows
 * may lack it altogether.
 */
export interface NotificationChoices {
  /** Organisation and service name in the notification. */
  senderDetails: boolean;
  /** False when the sender chose "No reminders". */
  reminders: boolean;
  /** The customised new-message notification, in all three languages, when given. */
  customised: CustomisedNotification | undefined;
}

export interface CustomisedNotification {
  title: Record<Language, string>;
  content: Record<Language, string>;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function findNotifications(options: Json): Json | undefined {
  return (
    object(options.notifications) ??
    object(object(options.electronic)?.notifications) ??
    ('senderDetailsInNotifications' in options || 'unreadMessageNotification' in options
      ? options
      : undefined)
  );
}

/** fi, sv and en with non-empty text; a missing language falls back to Finnish, then any. */
function perLanguage(value: unknown): Record<Language, string> | undefined {
  const texts = object(value);
  if (!texts) return undefined;
  const pick = (language: Language) => {
    const text = texts[language];
    return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
  };
  const fallback = pick('fi') ?? pick('sv') ?? pick('en');
  if (fallback === undefined) return undefined;
  return { fi: pick('fi') ?? fallback, sv: pick('sv') ?? fallback, en: pick('en') ?? fallback };
}

export function parseNotificationChoices(optionsJson: string | null | undefined): NotificationChoices {
  let options: Json = {};
  try {
    options = object(JSON.parse(optionsJson ?? '{}')) ?? {};
  } catch {
    // Unreadable options must not stop a notification; the defaults below are the contract's.
  }
  const notifications = findNotifications(options) ?? {};
  // The contract's default for senderDetailsInNotifications is "Organisation and service name";
  // only an explicit "None" leaves the sender out.
  const senderDetails = notifications.senderDetailsInNotifications !== 'None';
  const reminder = object(notifications.unreadMessageNotification)?.reminder;
  const custom = object(notifications.customisedNewMessageNotification);
  const title = perLanguage(custom?.title);
  const content = perLanguage(custom?.content);
  return {
    senderDetails,
    reminders: reminder !== 'No reminders',
    customised: title && content ? { title, content } : undefined,
  };
}
