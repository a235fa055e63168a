/**
 * Legal dates for notices and time limits. Every rule counts Helsinki calendar days, so instants are
 * converted to a Helsinki date first and all further arithmetic is on plain `YYYY-MM-DD` strings,
 * which keeps the results independent of the server's own time zone and of DST changes.
 */
import Holidays from 'date-holidays';

const HELSINKI_CALENDAR = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Helsinki',
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function toUtcMidnight({ year, month, day }: CalendarDay): Date {
  // setUTCFullYear avoids Date.UTC's mapping of years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function parseDay(date: string): CalendarDay {
  const match = DAY_PATTERN.exec(date);
  if (match) {
    const parsed = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (formatDay(toUtcMidnight(parsed)) === date) return parsed;
  }
  throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
}

function formatDay(utcMidnight: Date): string {
  const year = utcMidnight.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside YYYY-MM-DD`);
  const month = String(utcMidnight.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utcMidnight.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/**
 * The last hour asked about and its Helsinki date. Helsinki's offset from UTC is a whole number of
 * hours and changes only on a whole UTC hour, so every instant of one UTC hour has the same Helsinki
 * date; formatToParts costs tens of microseconds, and sending a message asks several times.
 */
let lastHour: { hour: number; date: string } | undefined;
const hourMs = 60 * 60 * 1000;
/** Before this the remembered hour is not used: Helsinki kept local mean time until 1921. */
const wholeHourOffsetsSince = Date.UTC(2000, 0, 1);

export function helsinkiDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  if (time < wholeHourOffsetsSince) return formatHelsinkiDate(instant);
  const hour = Math.floor(time / hourMs);
  if (lastHour?.hour === hour) return lastHour.date;
  const date = formatHelsinkiDate(instant);
  lastHour = { hour, date };
  return date;
}

function formatHelsinkiDate(instant: Date): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of HELSINKI_CALENDAR.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Days must be an integer, not ${days}`);
  const { year, month, day } = parseDay(date);
  return formatDay(toUtcMidnight({ year, month, day: day + days }));
}

/** 3rd day after the day it became available (Act 13/2003 §19), with no weekend shift. */
export function deemedReceivedElectronic(availableAt: Date): string {
  return addDays(helsinkiDate(availableAt), 3);
}

/** 7th day after posting (Administrative Procedure Act 434/2003 §59), with no weekend shift. */
export function deemedReceivedLetter(postedAt: Date): string {
  return addDays(helsinkiDate(postedAt), 7);
}

let finnishHolidays: Holidays | undefined;
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let days = publicHolidaysByYear.get(year);
  if (!days) {
    finnishHolidays ??= new Holidays('FI');
    // The library's `date` field is already the local Finnish date, so slicing it stays correct
    // whatever time zone this process runs in. Its 'bank' entries are not used: they include New
    // Year's Eve, which is an ordinary working day for time limits.
    days = new Set(
      finnishHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    publicHolidaysByYear.set(year, days);
  }
  return days;
}

/**
 * Saturday, Sunday, Finnish public holiday, or one of the days Act 150/1930 names besides them:
 * Independence Day, May Day, Christmas Eve and Midsummer Eve. Throws RangeError for a malformed date.
 */
export function isNonWorkingDay(date: string): boolean {
  const parsed = parseDay(date);
  const weekday = toUtcMidnight(parsed).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const { year, month, day } = parsed;
  // The statute names these days itself, so they are listed here rather than trusted to the holiday
  // data, which classes Christmas Eve and Midsummer Eve only as bank holidays.
  if ((month === 5 && day === 1) || (month === 12 && day === 6) || (month === 12 && day === 24)) return true;
  const isMidsummerEve = month === 6 && day >= 19 && day <= 25 && weekday === 5;
  if (isMidsummerEve) return true;
  return publicHolidays(year).has(date);
}

/**
 * Last day of a period of `days` days (a positive integer) from notice: the day of notice is not
 * counted, and a period that would end on a non-working day runs on to the next working day
 * (Act 150/1930).
 */
export function periodEnd(noticeDate: string, days: number): string {
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new RangeError(`A period must be a positive whole number of days, not ${days}`);
  }
  let end = addDays(noticeDate, days);
  while (isNonWorkingDay(end)) end = addDays(end, 1);
  return end;
}

/** Last day for a rectification request: 30 days from notice (434/2003 §49 c). */
export function rectificationDeadline(noticeDate: string): string {
  return periodEnd(noticeDate, 30);
}
