import { normaliseEmail } from '../../domain/email.js';
import { normaliseFinnishMobile } from '../../domain/mobile-number.js';
import type { ContactDetails } from './account-repository.js';

/** The contact part of the opening and settings forms, as typed. */
export interface ContactInput {
  email: string;
  emailNotifications: boolean;
  mobile: string;
  smsNotifications: boolean;
}

export type FormField = 'email' | 'mobile' | 'terms' | 'language';
export type FormProblemKind = 'invalid' | 'required';
export interface FormProblem {
  field: FormField;
  problem: FormProblemKind;
}

/**
 * Both fields are optional (no reminders wanted), but what is typed must be valid, and each reminder
 * choice needs its address or number. Mobile numbers must be Finnish mobiles: reminders can only be
 * sent to Finnish subscriptions. Values are stored normalised (e-mail domain canonical, E.164).
 */
export function validateContact(input: ContactInput): { value: ContactDetails; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const emailText = input.email.trim();
  const mobileText = input.mobile.trim();
  const email = emailText === '' ? null : normaliseEmail(emailText);
  const mobile = mobileText === '' ? null : normaliseFinnishMobile(mobileText);
  if (emailText !== '' && email === null) problems.push({ field: 'email', problem: 'invalid' });
  else if (input.emailNotifications && email === null) problems.push({ field: 'email', problem: 'required' });
  if (mobileText !== '' && mobile === null) problems.push({ field: 'mobile', problem: 'invalid' });
  else if (input.smsNotifications && mobile === null) problems.push({ field: 'mobile', problem: 'required' });
  return {
    value: {
      email,
      emailNotifications: input.emailNotifications && email !== null,
      mobile,
      smsNotifications: input.smsNotifications && mobile !== null,
    },
    problems,
  };
}
