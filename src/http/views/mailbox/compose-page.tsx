import type { TranslationKey } from '../../../i18n/i18n.js';
import {
  citizenMessageTypes,
  limits,
  type ComposeProblem,
  type LocalisedNames,
  type OpenService,
  type ReplyTarget,
} from '../../../modules/mailbox/index.js';
import { ButtonRow } from '../components/button-row.js';
import { ErrorSummary, formProblems } from '../components/error-summary.js';
import { AttachmentsField } from '../components/attachments-field.js';
import { fileProblemValues } from '../components/file-field.js';
import { LinkButton } from '../components/link-button.js';
import { PostForm } from '../components/post-form.js';
import { RadioGroup } from '../components/radio-group.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { TextareaField } from '../components/textarea-field.js';
import { Layout } from '../layout.js';
import { citizenTypeKeys } from './citizen-type-name.js';
import type { PageContext } from '../page-context.js';
import { formatDateTime, localName } from './format.js';
import { HeadedSection } from '../components/headed-section.js';

/** What the citizen typed, shown again when the form comes back with problems. */
export interface ComposeValues {
  servicePk?: number | undefined;
  citizenType?: string | undefined;
  title?: string | undefined;
  body?: string | undefined;
}

export interface ComposePageProps {
  ctx: PageContext;
  /** New message: the services to choose from. */
  services?: OpenService[] | undefined;
  /** Reply: the message being answered. */
  replyTo?: ReplyTarget | undefined;
  values: ComposeValues;
  problems: ComposeProblem[];
  /** True when files were sent but the form came back: the browser cannot keep them selected. */
  filesDropped: boolean;
}

const fieldIds = {
  service: 'service',
  citizenType: 'type-Hakemus',
  title: 'title',
  body: 'body',
  attachments: 'attachments',
} as const;

/** The wording of each problem the sending service reports, by field and then by code. */
const problemKeys: {
  [F in ComposeProblem['field']]: Partial<Record<ComposeProblem['code'], TranslationKey>>;
} = {
  service: { required: 'mailbox.problems.serviceRequired' },
  citizenType: { required: 'mailbox.problems.citizenTypeRequired' },
  title: {
    required: 'mailbox.problems.titleRequired',
    tooLong: 'mailbox.problems.titleTooLong',
    deceptive: 'mailbox.problems.titleDeceptive',
  },
  body: {
    required: 'mailbox.problems.bodyRequired',
    tooLong: 'mailbox.problems.bodyTooLong',
    deceptive: 'mailbox.problems.bodyDeceptive',
  },
  attachments: {
    tooMany: 'mailbox.problems.attachmentsTooMany',
    tooLarge: 'mailbox.problems.attachmentsTooLarge',
    unsupportedType: 'mailbox.problems.attachmentsUnsupportedType',
    empty: 'mailbox.problems.attachmentsEmpty',
    typeMismatch: 'mailbox.problems.attachmentsTypeMismatch',
  },
};

/** The label of the form's two free-text fields. */
const textLabelKeys = { title: 'mailbox.compose.title', body: 'mailbox.compose.body' } as const;

function problemText(ctx: PageContext, problem: ComposeProblem): string {
  // The service reports no other pairs today; a new one still gets a general sentence, not a key.
  const key = problemKeys[problem.field][problem.code] ?? 'errors.badRequest';
  return ctx.t(key, fileProblemValues(problem));
}

/** One form for new messages and replies; plain multipart POST, no JavaScript needed. */
export function ComposePage(props: ComposePageProps) {
  const { ctx, values, problems, replyTo } = props;
  const { t } = ctx;
  const heading = t(replyTo ? 'mailbox.compose.replyTitle' : 'mailbox.compose.newTitle');
  const action = replyTo ? `/mailbox/messages/${replyTo.id}/reply` : '/mailbox/new';
  const cancel = replyTo ? `/mailbox/messages/${replyTo.id}` : '/mailbox/inbox';
  const { summary, errorsOf, field } = formProblems(problems, fieldIds, (problem) =>
    problemText(ctx, problem),
  );
  /** The title and the body: required text, named alike in the form, the values and the wording. */
  const typedText = (name: 'title' | 'body') => ({
    ...field(name),
    label: t(textLabelKeys[name]),
    value: values[name] ?? '',
    required: true,
  });
  const noServices = !replyTo && (props.services ?? []).length === 0;
  return (
    <Layout
      ctx={ctx}
      title={heading}
      hasErrors={problems.length > 0}
      breadcrumbs={[
        // Only a message in Saapuneet can be answered (see canReply).
        ...(replyTo
          ? [
              { label: t('mailbox.folder.inbox'), href: '/mailbox/inbox' },
              { label: replyTo.title, href: `/mailbox/messages/${replyTo.id}` },
            ]
          : []),
        { label: heading },
      ]}
    >
      <h1>{heading}</h1>
      <ErrorSummary heading={t('mailbox.compose.errorSummary')} errors={summary}>
        {props.filesDropped && <p>{t('mailbox.compose.reselectFiles')}</p>}
      </ErrorSummary>
      {replyTo ? <ReplyInfo ctx={ctx} replyTo={replyTo} /> : <p>{t('mailbox.compose.intro')}</p>}
      {noServices ? (
        <p>{t('mailbox.compose.noServices')}</p>
      ) : (
        <PostForm action={action} csrfToken={ctx.csrfToken} multipart novalidate>
          {!replyTo && (
            <ServiceField
              ctx={ctx}
              services={props.services ?? []}
              value={values.servicePk}
              errors={errorsOf('service')}
            />
          )}
          {/* The choices are the mailbox module's list; the table only words them (stored types too). */}
          <RadioGroup
            name="citizenType"
            idPrefix="type"
            legend={t('mailbox.compose.type')}
            options={citizenMessageTypes.map((type) => ({ value: type, label: t(citizenTypeKeys[type]) }))}
            value={values.citizenType}
            hint={replyTo ? t('mailbox.compose.typeFromOriginal') : undefined}
            error={errorsOf('citizenType')}
            required
          />
          <TextField {...typedText('title')} maxLength={limits.titleLength} />
          <TextareaField {...typedText('body')} rows={10} maxLength={limits.bodyLength} />
          <AttachmentsField
            id={fieldIds.attachments}
            label={t('mailbox.compose.attachments')}
            hint={t('mailbox.compose.attachmentsHint')}
            error={errorsOf('attachments')}
          />
          <ButtonRow>
            <button type="submit">{t('mailbox.compose.send')}</button>
            <LinkButton href={cancel} variant="secondary">
              {t('mailbox.compose.cancel')}
            </LinkButton>
          </ButtonRow>
        </PostForm>
      )}
    </Layout>
  );
}

/**
 * The message being answered, quoted above the form: its header (sender, title, arrival) and the
 * start of its body, so the person need not go back to see what they are answering.
 */
function ReplyInfo(props: { ctx: PageContext; replyTo: ReplyTarget }) {
  const { t, locale } = props.ctx;
  const { replyTo } = props;
  const sender = `${localName(replyTo.organisation, locale)} – ${localName(replyTo.service, locale)}`;
  return (
    <HeadedSection id="replying-to-heading" heading={t('mailbox.compose.replyingTo')}>
      <dl class="message-details">
        <dt>{t('mailbox.message.sender')}</dt>
        <dd>{sender}</dd>
        <dt>{t('mailbox.compose.title')}</dt>
        <dd>
          <a href={`/mailbox/messages/${replyTo.id}`}>{replyTo.title}</a>
        </dd>
        <dt>{t('mailbox.message.received')}</dt>
        <dd>
          <time datetime={replyTo.receivedAt}>{formatDateTime(replyTo.receivedAt, locale)}</time>
        </dd>
      </dl>
      {replyTo.excerpt !== '' && (
        <blockquote cite={`/mailbox/messages/${replyTo.id}`}>
          <p>{replyTo.excerpt}</p>
        </blockquote>
      )}
      <p>{t('mailbox.compose.replyGoesTo', { recipient: sender })}</p>
    </HeadedSection>
  );
}

/** Services grouped by organisation, in the reader's language. */
function ServiceField(props: {
  ctx: PageContext;
  services: OpenService[];
  value: number | undefined;
  errors: string[];
}) {
  const { ctx, services } = props;
  const { t, locale } = ctx;
  const groups = new Map<number, { organisation: LocalisedNames; services: OpenService[] }>();
  for (const service of services) {
    const group = groups.get(service.organisationId) ?? { organisation: service.organisation, services: [] };
    group.services.push(service);
    groups.set(service.organisationId, group);
  }
  return (
    <SelectField
      id={fieldIds.service}
      name="service"
      label={t('mailbox.compose.service')}
      error={props.errors}
      required
    >
      <option value="">{t('mailbox.compose.chooseService')}</option>
      {[...groups.values()].map((group) => (
        <optgroup label={localName(group.organisation, locale)}>
          {group.services.map((service) => (
            <option value={String(service.servicePk)} selected={service.servicePk === props.value}>
              {`${localName(service.service, locale)} (${localName(group.organisation, locale)})`}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
