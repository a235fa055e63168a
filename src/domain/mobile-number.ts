// The /max metadata is needed: the smaller bundles cannot tell mobile ranges from landlines, and
// we only ever want numbers that can receive an SMS notification.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// libphonenumber would otherwise dig a number out of free text ("call 050 123 4567") or turn
// letters into digits; a form field should hold a number and nothing else.
const PHONE_CHARACTERS = /^\+?[\d\s()./-]+$/;

/** E.164 form (`+358501234567`) of a Finnish mobile number, or null for anything else. */
export function normaliseFinnishMobile(input: string): string | null {
  const trimmed = input.trim();
  if (!PHONE_CHARACTERS.test(trimmed)) return null;
  const phone = parsePhoneNumberFromString(trimmed, { defaultCountry: 'FI', extract: false });
  if (!phone || phone.ext || !phone.isValid()) return null;
  // Mobile ranges on Åland are reported as FI too (only its 018 landlines come back as AX). A type of
  // FIXED_LINE_OR_MOBILE is not good enough: an SMS sent to a landline is silently lost.
  if (phone.country !== 'FI' || phone.getType() !== 'MOBILE') return null;
  return phone.number;
}
