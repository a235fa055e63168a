import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { ContactValues } from '../../views/account/contact-fields.js';

/** A checkbox as a form posts it: '1' when ticked, absent otherwise. */
export const CheckboxField = Type.Optional(Type.Literal('1'));

/**
 * The contact fields that both the account opening form and the settings form post (see
 * views/account/contact-fields.tsx), with the CSRF token; each form adds its own fields to these.
 */
export const contactFormFields = {
  _csrf: Type.Optional(Type.String()),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  emailNotifications: CheckboxField,
  mobile: Type.Optional(Type.String({ maxLength: 40 })),
  smsNotifications: CheckboxField,
};

/** The contact values as typed (empty when left out) and the checkboxes as booleans. */
export function contactValuesOf(body: Static<TObject<typeof contactFormFields>>): ContactValues {
  return {
    email: body.email ?? '',
    emailNotifications: body.emailNotifications === '1',
    mobile: body.mobile ?? '',
    smsNotifications: body.smsNotifications === '1',
  };
}
