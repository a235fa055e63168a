/**
 * Finnish personal identity code (henkilötunnus), `DDMMYYCZZZQ`.
 *
 * The century signs Y X W V U and B C D E F were added on 1 January 2023 because the pool of
 * individual numbers for some birth dates was running out; they mean exactly the same century
 * as `-` and `A`, so a person can have a code with any of them.
 */

export interface IdentityCodeInfo {
  birthDate: string /* YYYY-MM-DD */;
  individualNumber: number;
  sex: 'male' | 'female';
  temporary: boolean;
}

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

const CENTURY_BY_SIGN: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

// Callers who do not choose get the traditional sign, which systems built before 2023 also accept.
const DEFAULT_SIGN_BY_CENTURY: Readonly<Record<number, string>> = { 1800: '+', 1900: '-', 2000: 'A' };

const STRICT_PATTERN = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/;

/**
 * Loose pattern (no checksum) matching anything shaped like an identity code, for redaction in logs. Global flag.
 *
 * Deliberately wider than a valid code (any case, any check character, impossible dates): leaving a
 * mistyped code in a log is worse than redacting a lookalike. Only whole tokens match: a letter or
 * digit on either side means the text is part of something longer, such as the last group of a
 * request id ("…-d123456a7890" holds an identity-code shape after its "d") or a business ID.
 */
export const identityCodeLikePattern =
  /(?<![0-9A-Za-z])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Za-z](?![0-9A-Za-z])/g;

function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  // Date rolls over out-of-range days, so a round trip exposes 30 Feb, 29 Feb 1900 and the like.
  // setUTCFullYear avoids Date.UTC's mapping of years 0–99 to the 1900s.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function checkCharacter(datePart: string, individualPart: string): string {
  // Nine digits fit comfortably in a double, so no BigInt is needed.
  return CHECK_CHARACTERS.charAt(Number(datePart + individualPart) % 31);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function parseIdentityCode(code: string): IdentityCodeInfo | null {
  // No trimming or case folding: an identity code is a key, and quietly accepting variants would
  // let two spellings of the same person slip past uniqueness checks.
  const match = STRICT_PATTERN.exec(code);
  if (!match) return null;
  const [dd, mm, yy, sign, zzz, check] = match.slice(1) as [string, string, string, string, string, string];
  const century = CENTURY_BY_SIGN[sign];
  if (century === undefined) return null;
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (!isRealDate(year, month, day)) return null;
  const individualNumber = Number(zzz);
  if (individualNumber < 2) return null;
  if (checkCharacter(dd + mm + yy, zzz) !== check) return null;
  return {
    birthDate: `${pad(year, 4)}-${mm}-${dd}`,
    individualNumber,
    sex: individualNumber % 2 === 1 ? 'male' : 'female',
    temporary: individualNumber >= 900,
  };
}

export function isValidIdentityCode(code: string): boolean {
  return parseIdentityCode(code) !== null;
}

/**
 * The code with its individual number and check character hidden ("010180-****"), for lists where
 * the birth date and century sign tell people apart well enough and the full code is not needed.
 * Anything not shaped like a code is hidden whole, so a stray value never shows through.
 */
export function maskedIdentityCode(code: string): string {
  return /^\d{6}[-+A-FU-Y]/.test(code) && code.length === 11 ? `${code.slice(0, 7)}****` : '***********';
}

export function makeIdentityCode(
  birthDate: { year: number; month: number; day: number },
  individualNumber: number,
  centurySign?: string,
): string {
  const { year, month, day } = birthDate;
  if (!isRealDate(year, month, day)) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  const century = Math.floor(year / 100) * 100;
  const defaultSign = DEFAULT_SIGN_BY_CENTURY[century];
  if (defaultSign === undefined) {
    throw new RangeError(`Identity codes cover the years 1800–2099, not ${year}`);
  }
  if (!Number.isInteger(individualNumber) || individualNumber < 2 || individualNumber > 999) {
    throw new RangeError(`Individual number must be an integer 2–999, not ${individualNumber}`);
  }
  const sign = centurySign ?? defaultSign;
  if (CENTURY_BY_SIGN[sign] !== century) {
    throw new RangeError(`Century sign ${JSON.stringify(sign)} does not denote the ${century}s`);
  }
  const datePart = pad(day, 2) + pad(month, 2) + pad(year % 100, 2);
  const individualPart = pad(individualNumber, 3);
  return datePart + sign + individualPart + checkCharacter(datePart, individualPart);
}

/** Whole years of age on the UTC calendar date of `date`; null for an invalid code or a date before birth. */
export function ageOn(code: string, date: Date): number | null {
  const info = parseIdentityCode(code);
  if (!info || Number.isNaN(date.getTime())) return null;
  const [birthYear, birthMonth, birthDay] = info.birthDate.split('-').map(Number) as [number, number, number];
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  // Comparing (month, day) pairs means someone born on 29 February gains a year only on 1 March
  // in common years; if a rule ever needs 28 February instead, it has to be decided here.
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  const age = year - birthYear - (hadBirthday ? 0 : 1);
  return age < 0 ? null : age;
}
