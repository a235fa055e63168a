/** Finnish business ID (Y-tunnus), `NNNNNNN-T`: seven digits and a mod-11 check digit. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/** Null when the input is not seven digits or when no check digit exists (remainder 1: such numbers are never issued). */
export function businessIdCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits)) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(sevenDigits.charAt(i)) * WEIGHTS[i]!;
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

export function isValidBusinessId(id: string): boolean {
  // Older six-digit IDs are only accepted once padded with a leading zero, as the register prints
  // them today; guessing the padding here would hide typos.
  const match = /^(\d{7})-(\d)$/.exec(id);
  if (!match) return false;
  return businessIdCheckDigit(match[1]!) === Number(match[2]);
}

export function makeBusinessId(sevenDigits: string): string {
  const check = businessIdCheckDigit(sevenDigits);
  if (check === null)
    throw new RangeError(`No business ID can be formed from ${JSON.stringify(sevenDigits)}`);
  return `${sevenDigits}-${check}`;
}
