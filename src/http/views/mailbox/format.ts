import type { Locale, Translate } from '../../../i18n/i18n.js';
import type { LocalisedNames } from '../../../modules/mailbox/index.js';

/** Regional formats: Finnish and Swedish as used in Finland; English with day-month order. */
const regional: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** One format per locale, made on first use (making one is slow, using it is not). */
function perLocale<F>(make: (regionalLocale: string) => F): (locale: Locale) => F {
  const formats = new Map<Locale, F>();
  return (locale) => {
    let format = formats.get(locale);
    if (!format) {
      format = make(regional[locale]);
      formats.set(locale, format);
    }
    return format;
  };
}

function formatPerLocale(options: Intl.DateTimeFormatOptions): (locale: Locale) => Intl.DateTimeFormat {
  return perLocale((tag) => new Intl.DateTimeFormat(tag, options));
}

const dateTimeFormat = formatPerLocale({
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

// A calendar day, not an instant: formatted at UTC midnight in UTC, so no time zone can move it to
// the previous or next day.
const dateFormat = formatPerLocale({ timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/** An instant in Helsinki time, e.g. "12.3.2025 klo 14.05". */
export function formatDateTime(iso: string, locale: Locale): string {
  return dateTimeFormat(locale).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, already a Helsinki date) in the reader's format. */
export function formatDate(day: string, locale: Locale): string {
  return dateFormat(locale).format(new Date(`${day}T00:00:00Z`));
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

// A number format per locale too: formatSize made one on every call, which cost more than the rest
// of a message page's attachment list.
const sizeFormat = perLocale((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }));

/** "1,2 Mt" / "1.2 MB"; the unit's abbreviation comes from the locale's strings. */
export function formatSize(bytes: number, locale: Locale, t: Translate): string {
  const number = sizeFormat(locale);
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
