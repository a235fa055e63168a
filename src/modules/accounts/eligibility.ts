import { ageOn } from '../../domain/identity-code.js';
import type { RegisteredPerson } from '../population-register/index.js';

/**
 * Who may open an account. The account is the person's own (nobody opens one for a spouse or a
 * child), and service of notice to a minor goes to their guardians, so we require legal age: 18 on
 * the Helsinki calendar date. A deceased person or one the register does not know is refused too.
 */
export const minimumAge = 18;

export type Refusal = 'deceased' | 'notInRegister' | 'minor';

export function refusalFor(
  person: RegisteredPerson | undefined,
  identityCode: string,
  now: Date,
): Refusal | undefined {
  if (!person) return 'notInRegister';
  if (person.deceased) return 'deceased';
  const age = ageOn(identityCode, helsinkiNoon(now));
  if (age === null || age < minimumAge) return 'minor';
  return undefined;
}

/** Today's date in Finland, as a UTC instant that ageOn reads as that calendar date. */
function helsinkiNoon(now: Date): Date {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(now);
  return new Date(`${date}T12:00:00Z`);
}
