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

/** How each way of reaching the person is asked for: input type (also its autocomplete) and reminder checkbox. */
const channels = {
  email: {
    inputType: 'email',
    notifyId: 'email-notify',
    notifyName: 'emailNotifications',
    label: 'account.form.email',
    hint: 'account.form.emailHint',
    notify: 'account.form.emailNotify',
  },
  mobile: {
    inputType: 'tel',
    notifyId: 'sms-notify',
    notifyName: 'smsNotifications',
    label: 'account.form.mobile',
    hint: 'account.form.mobileHint',
    notify: 'account.form.smsNotify',
  },
} as const;

/** One way of reaching the person, followed by the choice of reminders through it. */
function ChannelField(props: {
  t: Translate;
  channel: keyof typeof channels;
  values: ContactValues;
  problems: FormProblem[];
}) {
  const { t, channel, values, problems } = props;
  const { inputType, notifyId, notifyName, label, hint, notify } = channels[channel];
  return (
    <>
      <TextField
        id={fieldIds[channel]}
        name={channel}
        type={inputType}
        label={t(label)}
        hint={t(hint)}
        value={values[channel]}
        autocomplete={inputType}
        error={errorFor(t, problems, channel)}
      />
      <Checkbox id={notifyId} name={notifyName} checked={values[notifyName]}>
        {t(notify)}
      </Checkbox>
    </>
  );
}

/** E-mail with its reminder choice, then the mobile number with its own (the seed's order). */
export function ContactFields(props: { t: Translate; values: ContactValues; problems: FormProblem[] }) {
  return (
    <>
      <ChannelField {...props} channel="email" />
      <ChannelField {...props} channel="mobile" />
    </>
  );
}
