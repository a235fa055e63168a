import type { Locale, Translate } from '../../../i18n/i18n.js';
import type { LocalisedNames } from '../../../modules/mailbox/index.js';

/** Regional formats: Finnish and Swedish as used in Finland; English with day-month order. */
const regional: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** An instant in Helsinki time, e.g. "12.3.2025 klo 14.05". */
export function formatDateTime(iso: string, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(regional[locale], {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, already a Helsinki date) in the reader's format. */
export function formatDate(day: string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    // The date is a calendar day, not an instant: format it at UTC midnight in UTC, so no time zone
    // can move it to the previous or next day.
    format = new Intl.DateTimeFormat(regional[locale], {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

export function localName(names: LocalisedNames, locale: Locale): string {
  if (locale === 'sv' && names.sv) return names.sv;
  if (locale === 'en' && names.en) return names.en;
  return names.fi;
}

const byteUnits = [
  { limit: 1024 * 1024, divisor: 1024 * 1024, key: 'mailbox.units.megabytes' },
  { limit: 1024, divisor: 1024, key: 'mailbox.units.kilobytes' },
] as const;

/** "1,2 Mt" / "1.2 MB"; the unit's abbreviation comes from the locale's strings. */
export function formatSize(bytes: number, locale: Locale, t: Translate): string {
  const number = new Intl.NumberFormat(regional[locale], { maximumFractionDigits: 1 });
  for (const unit of byteUnits) {
    if (bytes >= unit.limit) return `${number.format(bytes / unit.divisor)} ${t(unit.key)}`;
  }
  return `${number.format(bytes)} ${t('mailbox.units.bytes')}`;
}

const mediaTypeLabels: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'text/plain': 'TXT',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
};

export function mediaTypeLabel(mediaType: string): string {
  return mediaTypeLabels[mediaType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? mediaType;
}
