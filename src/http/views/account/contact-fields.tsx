import type { Translate } from '../../../i18n/i18n.js';
import type { FormField, FormProblem } from '../../../modules/accounts/index.js';
import { Checkbox } from '../components/checkbox.js';
import type { FieldError } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';

/** The contact part of the opening and settings forms, as the person typed it. */
export interface ContactValues {
  email: string;
  emailNotifications: boolean;
  mobile: string;
  smsNotifications: boolean;
}

/** Element ids, so the error summary can link to each field. */
export const fieldIds: Record<FormField, string> = {
  email: 'email',
  mobile: 'mobile',
  terms: 'accept-terms',
  language: 'language-fi',
};

export function problemMessage(t: Translate, problem: FormProblem): string {
  switch (problem.field) {
    case 'email':
      return t(problem.problem === 'invalid' ? 'account.form.emailInvalid' : 'account.form.emailRequired');
    case 'mobile':
      return t(problem.problem === 'invalid' ? 'account.form.mobileInvalid' : 'account.form.mobileRequired');
    case 'terms':
      return t('account.form.termsRequired');
    case 'language':
      return t('account.form.languageInvalid');
  }
}

export function fieldErrors(t: Translate, problems: FormProblem[]): FieldError[] {
  return problems.map((problem) => ({
    fieldId: fieldIds[problem.field],
    message: problemMessage(t, problem),
  }));
}

export function errorFor(t: Translate, problems: FormProblem[], field: FormField): string | undefined {
  const problem = problems.find((p) => p.field === field);
  return problem ? problemMessage(t, problem) : undefined;
}

/** E-mail with its reminder choice, then the mobile number with its own (the seed's order). */
export function ContactFields(props: { t: Translate; values: ContactValues; problems: FormProblem[] }) {
  const { t, values, problems } = props;
  return (
    <>
      <TextField
        id={fieldIds.email}
        name="email"
        type="email"
        label={t('account.form.email')}
        hint={t('account.form.emailHint')}
        value={values.email}
        autocomplete="email"
        error={errorFor(t, problems, 'email')}
      />
      <Checkbox id="email-notify" name="emailNotifications" checked={values.emailNotifications}>
        {t('account.form.emailNotify')}
      </Checkbox>
      <TextField
        id={fieldIds.mobile}
        name="mobile"
        type="tel"
        label={t('account.form.mobile')}
        hint={t('account.form.mobileHint')}
        value={values.mobile}
        autocomplete="tel"
        error={errorFor(t, problems, 'mobile')}
      />
      <Checkbox id="sms-notify" name="smsNotifications" checked={values.smsNotifications}>
        {t('account.form.smsNotify')}
      </Checkbox>
    </>
  );
}
