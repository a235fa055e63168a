import type { TranslationKey } from '../../../i18n/i18n.js';
import {
  sendingLimits,
  type MailboxCheck,
  type StaffSendField,
  type StaffSendProblem,
  type StaffSendProblemCode,
  type StaffServiceOption,
} from '../../../modules/messages/index.js';
import { ButtonRow } from '../components/button-row.js';
import { Checkbox } from '../components/checkbox.js';
import { ErrorSummary, formProblems } from '../components/error-summary.js';
import { AttachmentsField } from '../components/attachments-field.js';
import { fileProblemValues } from '../components/file-field.js';
import { LinkButton } from '../components/link-button.js';
import { ActionResult, Notice } from '../components/notice.js';
import { PostForm } from '../components/post-form.js';
import { RadioGroup, labelledOptions } from '../components/radio-group.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { TextareaField } from '../components/textarea-field.js';
import { localName } from '../mailbox/format.js';
import type { Locale } from '../../../i18n/i18n.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';

/** Where the case-work pages are mounted; the routes decide, the pages only link. */
export interface CaseWorkPaths {
  /** The send form (GET shows it, POST sends, checks or previews). */
  send: string;
  /** The sent list. */
  sent: string;
  /** One sent message. */
  message: (id: number) => string;
}

/** What the staff member typed, shown again when the form comes back. */
export interface SendFormValues {
  identityCode?: string | undefined;
  servicePk?: number | undefined;
  title?: string | undefined;
  body?: string | undefined;
  bodyFormat?: 'Text' | 'Markdown' | undefined;
  verifiable?: boolean | undefined;
  replyAllowed?: boolean | undefined;
  paperFallback?: boolean | undefined;
}

/**
 * The form's fields as posted (multipart): `_csrf`, `sendKey`, `identityCode`, `service` (the
 * service's pk), `title`, `body`, `bodyFormat` (Text|Markdown), `kind` (normal|verifiable),
 * `replyAllowed` ("1"), `paperFallback` ("1"), `attachments` (files) and `intent`, the button
 * pressed: `check` (mailbox check), `preview` or `send`.
 */
export const sendFormIntents = ['check', 'preview', 'send'] as const;
export type SendFormIntent = (typeof sendFormIntents)[number];

export interface SendFormBodyProps {
  ctx: PageContext;
  paths: CaseWorkPaths;
  /** The services the staff member may send for (StaffMessaging.sendableServices). */
  services: StaffServiceOption[];
  /**
   * The form's idempotency key: newSendKey() when the form is first rendered, and the posted one
   * whenever it comes back, so a second submit of the same form sends nothing new.
   */
  sendKey: string;
  values: SendFormValues;
  problems: StaffSendProblem[];
  /** The answer of StaffMessaging.checkMailbox when the check button was pressed. */
  mailboxCheck?: MailboxCheck | undefined;
  /** StaffMessaging.preview of the body, when the preview button was pressed. */
  previewHtml?: string | undefined;
  /** Files were posted but the form came back: the browser cannot keep them chosen. */
  filesDropped?: boolean | undefined;
}

const bodyFormatKeys = { Text: 'staff.send.formatText', Markdown: 'staff.send.formatMarkdown' } as const;

const kindKeys = { normal: 'staff.send.normal', verifiable: 'staff.send.verifiable' } as const;

const fieldIds: Record<StaffSendField, string> = {
  identityCode: 'identityCode',
  service: 'service',
  title: 'title',
  body: 'body',
  attachments: 'attachments',
  paperFallback: 'paperFallback',
};

/** The wording of each problem, by field and code; a pair not listed gets a general sentence. */
const problemKeys: { [F in StaffSendField]: Partial<Record<StaffSendProblemCode, TranslationKey>> } = {
  identityCode: {
    required: 'staff.send.problems.identityCodeRequired',
    invalid: 'staff.send.problems.identityCodeInvalid',
    noMailbox: 'staff.send.problems.identityCodeNoMailbox',
  },
  service: { required: 'staff.send.problems.serviceRequired' },
  title: {
    required: 'staff.send.problems.titleRequired',
    tooLong: 'staff.send.problems.titleTooLong',
    deceptive: 'staff.send.problems.titleDeceptive',
  },
  body: {
    required: 'staff.send.problems.bodyRequired',
    tooLong: 'staff.send.problems.bodyTooLong',
    deceptive: 'staff.send.problems.bodyDeceptive',
  },
  attachments: {
    tooMany: 'staff.send.problems.attachmentsTooMany',
    tooLarge: 'staff.send.problems.attachmentsTooLarge',
    empty: 'staff.send.problems.attachmentsEmpty',
    unsupportedType: 'staff.send.problems.attachmentsUnsupportedType',
    typeMismatch: 'staff.send.problems.attachmentsTypeMismatch',
    pdfRequired: 'staff.send.problems.attachmentsPdfRequired',
    notPrintable: 'staff.send.problems.attachmentsNotPrintable',
  },
  paperFallback: {
    noAddress: 'staff.send.problems.paperNoAddress',
    noReturnAddress: 'staff.send.problems.paperNoReturnAddress',
  },
};

/** A service's name in the reader's language, Finnish when it has none in that language. */
export function serviceName(service: StaffServiceOption, locale: Locale): string {
  const { fi, sv, en } = service.names;
  return localName({ fi, sv: sv ?? '', en: en ?? '' }, locale);
}

/** The staff member's services as a select's options (send form, sent list filter), `selected` chosen. */
export function ServiceOptions(props: {
  services: StaffServiceOption[];
  selected: number | undefined;
  locale: Locale;
}) {
  return (
    <>
      {props.services.map((service) => (
        <option value={String(service.servicePk)} selected={service.servicePk === props.selected}>
          {serviceName(service, props.locale)}
        </option>
      ))}
    </>
  );
}

function problemText(ctx: PageContext, problem: StaffSendProblem): string {
  const key = problemKeys[problem.field][problem.code] ?? 'staff.send.problems.invalid';
  return ctx.t(key, fileProblemValues(problem));
}

/**
 * The send form's content, without the page frame: recipient with the mailbox check, service,
 * title, body with its format and preview, attachments, kind, replies and paper fallback. One
 * multipart POST form; the pressed button (`intent`) tells the route what to do. No script.
 */
export function SendFormBody(props: SendFormBodyProps) {
  const { ctx, values, problems } = props;
  const { t, locale } = ctx;
  const { summary, errorsOf, field } = formProblems(problems, fieldIds, (problem) =>
    problemText(ctx, problem),
  );
  const check = props.mailboxCheck;
  return (
    <div class="send-form">
      <h1>{t('staff.send.title')}</h1>
      <ErrorSummary heading={t('staff.send.errorSummary')} errors={summary}>
        {props.filesDropped && <p>{t('staff.send.reselectFiles')}</p>}
      </ErrorSummary>
      <p>{t('staff.send.intro')}</p>
      {props.services.length === 0 ? (
        <p>{t('staff.send.noServices')}</p>
      ) : (
        <PostForm action={props.paths.send} csrfToken={ctx.csrfToken} multipart novalidate>
          <input type="hidden" name="sendKey" value={props.sendKey} />
          <TextField
            {...field('identityCode')}
            label={t('staff.send.identityCode')}
            hint={t('staff.send.identityCodeHint')}
            value={values.identityCode ?? ''}
            autocomplete="off"
            maxLength={11}
            required
          />
          <p class="send-form__audited">{t('staff.send.checkAudited')}</p>
          <ButtonRow>
            <button type="submit" name="intent" value="check" class="button--secondary">
              {t('staff.send.checkMailbox')}
            </button>
          </ButtonRow>
          {check && (
            <Notice tone={check.hasMailbox ? 'success' : 'alert'} status>
              {t(check.hasMailbox ? 'staff.send.hasMailbox' : 'staff.send.noMailbox', {
                recipient: check.recipient,
              })}{' '}
              {t('staff.send.checkAudited')}
            </Notice>
          )}
          <SelectField {...field('service')} label={t('staff.send.service')} required>
            <option value="">{t('staff.send.chooseService')}</option>
            <ServiceOptions services={props.services} selected={values.servicePk} locale={locale} />
          </SelectField>
          <TextField
            {...field('title')}
            label={t('staff.send.messageTitle')}
            value={values.title ?? ''}
            maxLength={sendingLimits.titleLength}
            required
          />
          <TextareaField
            {...field('body')}
            label={t('staff.send.body')}
            value={values.body ?? ''}
            rows={12}
            maxLength={sendingLimits.bodyLength}
            required
          />
          <RadioGroup
            name="bodyFormat"
            legend={t('staff.send.bodyFormat')}
            options={labelledOptions(t, bodyFormatKeys)}
            value={values.bodyFormat ?? 'Text'}
          />
          <ButtonRow>
            <button type="submit" name="intent" value="preview" class="button--secondary">
              {t('staff.send.preview')}
            </button>
          </ButtonRow>
          {props.previewHtml !== undefined && (
            <section class="send-form__preview" aria-labelledby="preview-heading">
              <h2 id="preview-heading">{t('staff.send.previewHeading')}</h2>
              {/*
                The safe HTML of renderMessageBody (src/domain/message-body.ts), as the citizen's
                message page shows it: all text escaped, only allow-listed tags.
              */}
              <div class="message-body" dangerouslySetInnerHTML={{ __html: props.previewHtml }} />
            </section>
          )}
          <AttachmentsField
            id={fieldIds.attachments}
            label={t('staff.send.attachments')}
            hint={t('staff.send.attachmentsHint', { count: sendingLimits.attachmentCount })}
            error={errorsOf('attachments')}
          />
          <RadioGroup
            name="kind"
            legend={t('staff.send.kind')}
            options={labelledOptions(t, kindKeys)}
            value={values.verifiable ? 'verifiable' : 'normal'}
          />
          <Checkbox id="replyAllowed" name="replyAllowed" checked={values.replyAllowed ?? false}>
            {t('staff.send.replyAllowed')}
          </Checkbox>
          <Checkbox
            id={fieldIds.paperFallback}
            name="paperFallback"
            checked={values.paperFallback ?? false}
            error={errorsOf('paperFallback').join(' ') || undefined}
          >
            {t('staff.send.paperFallback')}
          </Checkbox>
          <ButtonRow>
            <button type="submit" name="intent" value="send">
              {t('staff.send.send')}
            </button>
          </ButtonRow>
        </PostForm>
      )}
    </div>
  );
}

export interface SentConfirmationBodyProps {
  ctx: PageContext;
  paths: CaseWorkPaths;
  messageId: number;
  /** false: the form had been sent before and this submit sent nothing (SendResult.created). */
  created: boolean;
}

/** After sending: what happened, and where to go next. */
export function SentConfirmationBody(props: SentConfirmationBodyProps) {
  const { ctx, paths, messageId } = props;
  const { t } = ctx;
  return (
    <div class="send-form">
      <h1>{t('staff.sent.confirmationTitle')}</h1>
      <ActionResult
        text={t(props.created ? 'staff.sent.confirmation' : 'staff.sent.duplicate', { id: messageId })}
      />
      <ButtonRow>
        <LinkButton href={paths.message(messageId)}>{t('staff.sent.openMessage')}</LinkButton>
        <LinkButton href={paths.send} variant="secondary">
          {t('staff.sent.sendAnother')}
        </LinkButton>
        <LinkButton href={paths.sent} variant="secondary">
          {t('staff.sent.toList')}
        </LinkButton>
      </ButtonRow>
    </div>
  );
}

export const styles = css`
  .send-form {
    max-width: 48rem;
  }
  .send-form__audited {
    font-size: var(--fi-font-size-body-text-small);
    color: var(--app-color-hint-text);
  }
  /* The check and preview buttons sit mid-form: space them from the field that follows. */
  .send-form .button-row {
    margin-bottom: var(--fi-spacing-l);
  }
  .send-form__preview {
    border: 1px solid var(--fi-color-depth-light-1);
    border-radius: var(--fi-radius-basic);
    padding: var(--fi-spacing-m);
    margin: 0 0 var(--fi-spacing-l);
  }
  .send-form__preview h2 {
    margin-top: 0;
  }
`;
