import type { FeedbackProblem, FeedbackTopic } from '../../../modules/feedback/index.js';
import type { TranslationKey } from '../../../i18n/i18n.js';
import { ButtonRow } from '../components/button-row.js';
import { ErrorSummary, formProblems } from '../components/error-summary.js';
import { RadioGroup, labelledOptions } from '../components/radio-group.js';
import { TextField } from '../components/text-field.js';
import { TextareaField } from '../components/textarea-field.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { PublicPage } from './public-page.js';

const topicLabels: Record<FeedbackTopic, TranslationKey> = {
  service: 'public.feedback.topicService',
  accessibility: 'public.feedback.topicAccessibility',
  content: 'public.feedback.topicContent',
  other: 'public.feedback.topicOther',
};

const problemTexts: Record<FeedbackProblem['code'], TranslationKey> = {
  topicMissing: 'public.feedback.topicMissing',
  messageMissing: 'public.feedback.messageMissing',
  messageTooShort: 'public.feedback.messageTooShort',
  messageTooLong: 'public.feedback.messageTooLong',
  emailInvalid: 'public.feedback.emailInvalid',
  tooFast: 'public.feedback.tooFast',
  expired: 'public.feedback.expired',
};

/** Where the error summary sends the reader for each field (the send button for the form itself). */
const fieldIds: Record<FeedbackProblem['field'], string> = {
  topic: 'feedback-topic-service',
  message: 'feedback-message',
  email: 'feedback-email',
  form: 'feedback-send',
};

export interface FeedbackValues {
  topic?: string | undefined;
  message?: string | undefined;
  email?: string | undefined;
}

export interface FeedbackPageProps {
  ctx: PageContext;
  values: FeedbackValues;
  problems: FeedbackProblem[];
  /** The form's signed issue stamp (hidden field). */
  stamp: string;
}

/**
 * The feedback form: topic, message, optional reply address. A honeypot field sits off-screen,
 * hidden from assistive technology and out of the tab order; people leave it empty.
 */
export function FeedbackPage(props: FeedbackPageProps) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const { summary, errorsOf, field } = formProblems(problems, fieldIds, (problem) =>
    t(problemTexts[problem.code]),
  );
  const title = t('public.feedback.title');
  return (
    <PublicPage ctx={ctx} title={title} hasErrors={problems.length > 0}>
      <p>{t('public.feedback.intro')}</p>
      <ErrorSummary heading={t('public.feedback.errorSummary')} errors={summary} />
      <form method="post" action="/feedback" novalidate>
        {ctx.csrfToken && <input type="hidden" name="_csrf" value={ctx.csrfToken} />}
        <input type="hidden" name="stamp" value={props.stamp} />
        <RadioGroup
          name="topic"
          idPrefix="feedback-topic"
          legend={t('public.feedback.topic')}
          options={labelledOptions(t, topicLabels)}
          value={values.topic}
          error={errorsOf('topic')}
          required
        />
        <TextareaField
          {...field('message')}
          label={t('public.feedback.message')}
          hint={t('public.feedback.messageHint')}
          value={values.message ?? ''}
          rows={8}
          required
        />
        <TextField
          {...field('email')}
          type="email"
          autocomplete="email"
          label={t('public.feedback.email')}
          hint={t('public.feedback.emailHint')}
          value={values.email ?? ''}
        />
        <div class="feedback-trap" aria-hidden="true">
          <label for="feedback-website">{t('public.feedback.trap')}</label>
          <input type="text" id="feedback-website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>
        <ButtonRow>
          <button type="submit" id="feedback-send">
            {t('public.feedback.send')}
          </button>
        </ButtonRow>
      </form>
    </PublicPage>
  );
}

export function FeedbackThanksPage(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <PublicPage
      ctx={props.ctx}
      title={t('public.feedback.thanksTitle')}
      parents={[{ label: t('public.feedback.title'), href: '/feedback' }]}
    >
      <p role="status">{t('public.feedback.thanks')}</p>
      <ul>
        <li>
          <a href="/feedback">{t('public.feedback.again')}</a>
        </li>
        <li>
          <a href="/">{t('errors.backToStart')}</a>
        </li>
      </ul>
    </PublicPage>
  );
}

/** The honeypot is moved off-screen (not display:none, which some scripts detect and skip). */
export const styles = css`
  .feedback-trap {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
