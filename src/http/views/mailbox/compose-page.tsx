import { attachmentTypes, typeLabel } from '../../../domain/attachment-types.js';
import type { ComposeProblem } from '../../../modules/mailbox/index.js';
import type { OpenService } from '../../../modules/mailbox/mailbox-repository.js';
import type { ReplyTarget } from '../../../modules/mailbox/sending-service.js';
import { citizenMessageTypes, limits, type LocalisedNames } from '../../../modules/mailbox/types.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { localName } from './format.js';

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

/** The file picker offers what the attachment policy accepts. */
const acceptedExtensions = Object.values(attachmentTypes)
  .flat()
  .map((extension) => `.${extension}`)
  .join(',');

const fieldIds = {
  service: 'service',
  citizenType: 'type-Hakemus',
  title: 'title',
  body: 'body',
  attachments: 'attachments',
} as const;

function problemText(ctx: PageContext, problem: ComposeProblem): string {
  const key = `${problem.field}${problem.code[0]!.toUpperCase()}${problem.code.slice(1)}`;
  return ctx.t(`mailbox.problems.${key}`, {
    file: problem.fileName ?? '',
    claimed: problem.claimedType ? typeLabel(problem.claimedType) : '',
    actual: problem.contentType ? typeLabel(problem.contentType) : '',
  });
}

/** One form for new messages and replies; plain multipart POST, no JavaScript needed. */
export function ComposePage(props: ComposePageProps) {
  const { ctx, values, problems, replyTo } = props;
  const { t } = ctx;
  const heading = t(replyTo ? 'mailbox.compose.replyTitle' : 'mailbox.compose.newTitle');
  const action = replyTo ? `/mailbox/messages/${replyTo.id}/reply` : '/mailbox/new';
  const cancel = replyTo ? `/mailbox/messages/${replyTo.id}` : '/mailbox/inbox';
  const problemsOf = (field: ComposeProblem['field']) => problems.filter((p) => p.field === field);
  const noServices = !replyTo && (props.services ?? []).length === 0;
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t('mailbox.compose.errorSummary')}</h2>
          <ul>
            {problems.map((problem) => (
              <li>
                <a href={`#${fieldIds[problem.field]}`}>{problemText(ctx, problem)}</a>
              </li>
            ))}
          </ul>
          {props.filesDropped && <p>{t('mailbox.compose.reselectFiles')}</p>}
        </div>
      )}
      {replyTo ? <ReplyInfo ctx={ctx} replyTo={replyTo} /> : <p>{t('mailbox.compose.intro')}</p>}
      {noServices ? (
        <p>{t('mailbox.compose.noServices')}</p>
      ) : (
        <form method="post" action={action} enctype="multipart/form-data">
          {/* First in the form, so the server can check it before it reads any file. */}
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          {!replyTo && (
            <ServiceField
              ctx={ctx}
              services={props.services ?? []}
              value={values.servicePk}
              problems={problemsOf('service')}
            />
          )}
          <TypeField ctx={ctx} value={values.citizenType} problems={problemsOf('citizenType')} />
          <div class="field">
            <label for="title">{t('mailbox.compose.title')}</label>
            <FieldErrors ctx={ctx} id="title-error" problems={problemsOf('title')} />
            <input
              type="text"
              id="title"
              name="title"
              required
              maxLength={limits.titleLength}
              value={values.title ?? ''}
              aria-invalid={problemsOf('title').length > 0 ? 'true' : undefined}
              aria-describedby={problemsOf('title').length > 0 ? 'title-error' : undefined}
            />
          </div>
          <div class="field">
            <label for="body">{t('mailbox.compose.body')}</label>
            <FieldErrors ctx={ctx} id="body-error" problems={problemsOf('body')} />
            <textarea
              id="body"
              name="body"
              required
              rows={10}
              maxLength={limits.bodyLength}
              aria-invalid={problemsOf('body').length > 0 ? 'true' : undefined}
              aria-describedby={problemsOf('body').length > 0 ? 'body-error' : undefined}
            >
              {values.body ?? ''}
            </textarea>
          </div>
          <div class="field">
            <label for="attachments">{t('mailbox.compose.attachments')}</label>
            <p class="field-hint" id="attachments-hint">
              {t('mailbox.compose.attachmentsHint')}
            </p>
            <FieldErrors ctx={ctx} id="attachments-error" problems={problemsOf('attachments')} />
            <input
              type="file"
              id="attachments"
              name="attachments"
              multiple
              accept={acceptedExtensions}
              aria-invalid={problemsOf('attachments').length > 0 ? 'true' : undefined}
              aria-describedby={
                problemsOf('attachments').length > 0
                  ? 'attachments-hint attachments-error'
                  : 'attachments-hint'
              }
            />
          </div>
          <div class="button-row">
            <button type="submit">{t('mailbox.compose.send')}</button>
            <a class="button button--secondary" href={cancel}>
              {t('mailbox.compose.cancel')}
            </a>
          </div>
        </form>
      )}
    </Layout>
  );
}

function ReplyInfo(props: { ctx: PageContext; replyTo: ReplyTarget }) {
  const { t, locale } = props.ctx;
  return (
    <dl class="message-details">
      <dt>{t('mailbox.compose.replyingTo')}</dt>
      <dd>
        <a href={`/mailbox/messages/${props.replyTo.id}`}>{props.replyTo.title}</a>
      </dd>
      <dt>{t('mailbox.message.recipient')}</dt>
      <dd>{`${localName(props.replyTo.organisation, locale)} – ${localName(props.replyTo.service, locale)}`}</dd>
    </dl>
  );
}

function FieldErrors(props: { ctx: PageContext; id: string; problems: ComposeProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <p class="field-error" id={props.id}>
      {props.problems.map((problem, index) => (
        <>
          {index > 0 && <br />}
          {problemText(props.ctx, problem)}
        </>
      ))}
    </p>
  );
}

/** Services grouped by organisation, in the reader's language. */
function ServiceField(props: {
  ctx: PageContext;
  services: OpenService[];
  value: number | undefined;
  problems: ComposeProblem[];
}) {
  const { ctx, services } = props;
  const { t, locale } = ctx;
  const groups = new Map<number, { organisation: LocalisedNames; services: OpenService[] }>();
  for (const service of services) {
    const group = groups.get(service.organisationId) ?? { organisation: service.organisation, services: [] };
    group.services.push(service);
    groups.set(service.organisationId, group);
  }
  const invalid = props.problems.length > 0;
  return (
    <div class="field">
      <label for="service">{t('mailbox.compose.service')}</label>
      <FieldErrors ctx={ctx} id="service-error" problems={props.problems} />
      <select
        id="service"
        name="service"
        required
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? 'service-error' : undefined}
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
      </select>
    </div>
  );
}

function TypeField(props: { ctx: PageContext; value: string | undefined; problems: ComposeProblem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const invalid = props.problems.length > 0;
  return (
    <fieldset class="field" aria-describedby={invalid ? 'type-error' : undefined}>
      <legend>{t('mailbox.compose.type')}</legend>
      <FieldErrors ctx={ctx} id="type-error" problems={props.problems} />
      {citizenMessageTypes.map((type) => (
        <label class="checkbox" for={`type-${type}`}>
          <input
            type="radio"
            id={`type-${type}`}
            name="citizenType"
            value={type}
            required
            checked={props.value === type}
          />
          {t(`mailbox.types.${type}`)}
        </label>
      ))}
    </fieldset>
  );
}
