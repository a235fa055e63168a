import { maskedIdentityCode } from '../../../domain/identity-code.js';
import { helsinkiDate } from '../../../domain/legal-dates.js';
import type { TranslationKey } from '../../../i18n/i18n.js';
import type {
  ConsentChannel,
  ConsentPage,
  ConsentProblem,
  ConsentView,
} from '../../../modules/consents/index.js';
import { ButtonRow } from '../components/button-row.js';
import { ErrorSummary, formProblems } from '../components/error-summary.js';
import { LinkButton } from '../components/link-button.js';
import { Notice } from '../components/notice.js';
import { Paging } from '../components/paging.js';
import { PostButton } from '../components/post-button.js';
import { PostForm } from '../components/post-form.js';
import { RadioGroup, labelledOptions } from '../components/radio-group.js';
import { TextField } from '../components/text-field.js';
import { VisuallyHidden } from '../components/visually-hidden.js';
import { formatDate } from '../mailbox/format.js';
import { DataTable } from '../components/data-table.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { StaffLayout, type StaffFrame } from './staff-layout.js';
import { ScrollTable } from '../components/scroll-table.js';

/** Where the consent pages live (the routes and the pages' links share them). */
export const consentPaths = {
  list: '/virkailija/suostumukset',
  record: '/virkailija/suostumukset/uusi',
  withdraw: (id: number) => `/virkailija/suostumukset/${id}/peru`,
} as const;

const channelKeys = {
  paper: 'staff.consents.channels.paper',
  phone: 'staff.consents.channels.phone',
  in_person: 'staff.consents.channels.in_person',
} as const satisfies Record<ConsentChannel, TranslationKey>;

const channels = Object.keys(channelKeys) as ConsentChannel[];

/** Each problem the service can report, with its text; a wrong channel reads as a missing choice. */
const problemKeys: Record<
  ConsentProblem['field'],
  { other: TranslationKey } & Partial<Record<ConsentProblem['code'], TranslationKey>>
> = {
  identityCode: {
    missing: 'staff.consents.new.problems.identityCodeMissing',
    notInRegister: 'staff.consents.new.problems.identityCodeNotInRegister',
    other: 'staff.consents.new.problems.identityCodeInvalid',
  },
  channel: { other: 'staff.consents.new.problems.channelMissing' },
  givenOn: {
    missing: 'staff.consents.new.problems.givenOnMissing',
    future: 'staff.consents.new.problems.givenOnFuture',
    other: 'staff.consents.new.problems.givenOnInvalid',
  },
};

function problemKey(problem: ConsentProblem): TranslationKey {
  const keys = problemKeys[problem.field];
  return keys[problem.code] ?? keys.other;
}

/** The element the error summary links to for each field (a radio group: its first button). */
const fieldIds: Record<ConsentProblem['field'], string> = {
  identityCode: 'consent-identity-code',
  channel: `consent-channel-${channels[0]}`,
  givenOn: 'consent-given-on',
};

/** What the form holds, as typed (shown again on a problem and carried by the confirmation). */
export interface ConsentFormValues {
  identityCode: string;
  channel: string;
  givenOn: string;
}

/** The outcome of the previous action on the list (post/redirect/get). */
export type ConsentListNotice = 'recorded' | 'existing' | 'withdrawn';

const noticeKeys = {
  recorded: 'staff.consents.recordedNew',
  existing: 'staff.consents.recordedExisting',
  withdrawn: 'staff.consents.withdrawnNotice',
} as const satisfies Record<ConsentListNotice, TranslationKey>;

function status(ctx: PageContext, consent: ConsentView): string {
  if (consent.withdrawnAt === null) return ctx.t('staff.consents.inForce');
  const date = formatDate(helsinkiDate(new Date(consent.withdrawnAt)), ctx.locale);
  return consent.withdrawnBy === 'citizen'
    ? ctx.t('staff.consents.withdrawnByCitizen', { date })
    : ctx.t('staff.consents.withdrawnByOrganisation', { date });
}

/**
 * The organisation's consent register: every consent, newest first, in force or withdrawn and by
 * whom (the person in their settings, or the organisation); identity codes masked. Links to the
 * printable form in Finnish and Swedish and to recording a new consent.
 */
export function ConsentListPage(props: {
  ctx: PageContext;
  frame: StaffFrame;
  businessId: string;
  consents: ConsentPage;
  notice?: ConsentListNotice | undefined;
}) {
  const { ctx, frame, consents } = props;
  const { t } = ctx;
  const form = (lang: 'fi' | 'sv') =>
    `/consent-form/${encodeURIComponent(props.businessId)}.pdf?lang=${lang}`;
  return (
    <StaffLayout ctx={ctx} title={t('staff.consents.title')} frame={frame}>
      <h1>{t('staff.consents.title')}</h1>
      {props.notice && (
        <Notice tone={props.notice === 'existing' ? 'info' : 'success'} status>
          {t(noticeKeys[props.notice])}
        </Notice>
      )}
      <p>{t('staff.consents.intro')}</p>
      <ButtonRow>
        <LinkButton href={consentPaths.record}>{t('staff.consents.record')}</LinkButton>
      </ButtonRow>
      <h2>{t('staff.consents.formTitle')}</h2>
      <ul>
        <li>
          <a href={form('fi')}>{t('staff.consents.formFi')}</a>
        </li>
        <li>
          <a href={form('sv')}>{t('staff.consents.formSv')}</a>
        </li>
      </ul>
      {consents.items.length === 0 ? (
        <p>{t('staff.consents.none')}</p>
      ) : (
        // Six columns do not fit a phone: the table scrolls sideways, by keyboard too.
        <ScrollTable labelledBy="consent-list-caption">
          <DataTable
            class="consent-table"
            caption={<caption id="consent-list-caption">{t('staff.consents.listCaption')}</caption>}
            columns={[
              t('staff.consents.person'),
              t('staff.consents.channel'),
              t('staff.consents.givenOn'),
              t('staff.consents.recordedBy'),
              t('staff.consents.status'),
              t('staff.consents.actions'),
            ]}
          >
            {consents.items.map((consent) => {
              const person = maskedIdentityCode(consent.identityCode);
              return (
                <tr>
                  <th scope="row">{person}</th>
                  <td>{t(channelKeys[consent.channel])}</td>
                  <td>{formatDate(consent.givenOn, ctx.locale)}</td>
                  <td>{consent.recordedByName ?? ''}</td>
                  <td>{status(ctx, consent)}</td>
                  <td>
                    {consent.status === 'in_force' && (
                      <PostButton
                        action={consentPaths.withdraw(consent.id)}
                        csrfToken={frame.csrfToken}
                        variant="secondary"
                      >
                        {t('staff.consents.withdraw')}{' '}
                        <VisuallyHidden>{t('staff.consents.withdrawFor', { person })}</VisuallyHidden>
                      </PostButton>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </ScrollTable>
      )}
      <Paging
        label={t('staff.consents.paging')}
        list={consents}
        href={(page) => `${consentPaths.list}?page=${page}`}
        pageLabel={(page) => t('staff.consents.page', { page })}
        previousLabel={t('staff.consents.previous')}
        nextLabel={t('staff.consents.next')}
      />
    </StaffLayout>
  );
}

/**
 * Recording a consent, first step: identity code, how it was given and when. The server checks it
 * and answers with the confirmation (the name from the register) or this form with its problems.
 */
export function RecordConsentPage(props: {
  ctx: PageContext;
  frame: StaffFrame;
  values: ConsentFormValues;
  problems: ConsentProblem[];
}) {
  const { ctx, frame, values, problems } = props;
  const { t } = ctx;
  const { summary, errorsOf, field } = formProblems(problems, fieldIds, (problem) => t(problemKey(problem)));
  return (
    <StaffLayout
      ctx={ctx}
      title={t('staff.consents.new.title')}
      frame={frame}
      hasErrors={problems.length > 0}
    >
      <h1>{t('staff.consents.new.title')}</h1>
      <ErrorSummary heading={t('staff.consents.new.errorSummary')} errors={summary} />
      <p>{t('staff.consents.new.intro')}</p>
      <PostForm action={consentPaths.record} csrfToken={frame.csrfToken} novalidate>
        <input type="hidden" name="step" value="check" />
        <TextField
          {...field('identityCode')}
          label={t('staff.consents.new.identityCode')}
          hint={t('staff.consents.new.identityCodeHint')}
          value={values.identityCode}
          autocomplete="off"
          maxLength={11}
          required
        />
        <RadioGroup
          name="channel"
          idPrefix="consent-channel"
          legend={t('staff.consents.new.channel')}
          options={labelledOptions(t, channelKeys)}
          value={values.channel}
          error={errorsOf('channel')}
          required
        />
        <TextField
          {...field('givenOn')}
          type="date"
          label={t('staff.consents.new.givenOn')}
          value={values.givenOn}
          required
        />
        <ButtonRow>
          <button type="submit">{t('staff.consents.new.check')}</button>
          <a href={consentPaths.list}>{t('staff.consents.new.cancel')}</a>
        </ButtonRow>
      </PostForm>
    </StaffLayout>
  );
}

/**
 * Recording a consent, second step: the person's name from the register beside the full identity
 * code, channel and date, to compare with the form before saving. The values travel in hidden
 * fields and are checked again on saving; "change" goes back to the form with them.
 */
export function ConfirmConsentPage(props: {
  ctx: PageContext;
  frame: StaffFrame;
  values: ConsentFormValues & { channel: ConsentChannel };
  personName: string;
}) {
  const { ctx, frame, values } = props;
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('staff.consents.confirm.title')} frame={frame}>
      <h1>{t('staff.consents.confirm.title')}</h1>
      <p>{t('staff.consents.confirm.intro')}</p>
      <dl class="consent-summary">
        <dt>{t('staff.consents.confirm.name')}</dt>
        <dd>{props.personName}</dd>
        <dt>{t('staff.consents.new.identityCode')}</dt>
        <dd>{values.identityCode}</dd>
        <dt>{t('staff.consents.new.channel')}</dt>
        <dd>{t(channelKeys[values.channel])}</dd>
        <dt>{t('staff.consents.new.givenOn')}</dt>
        <dd>{formatDate(values.givenOn, ctx.locale)}</dd>
      </dl>
      <PostForm action={consentPaths.record} csrfToken={frame.csrfToken}>
        <input type="hidden" name="identityCode" value={values.identityCode} />
        <input type="hidden" name="channel" value={values.channel} />
        <input type="hidden" name="givenOn" value={values.givenOn} />
        <ButtonRow>
          <button type="submit" name="step" value="save">
            {t('staff.consents.confirm.save')}
          </button>
          <button type="submit" name="step" value="edit" class="button--secondary">
            {t('staff.consents.confirm.edit')}
          </button>
        </ButtonRow>
      </PostForm>
    </StaffLayout>
  );
}

export const styles = css`
  .consent-table {
    margin-top: var(--fi-spacing-l);
  }
  .consent-table form {
    margin: 0;
  }
  /* Each label above its value: long labels wrap at 320 px. */
  .consent-summary dt {
    font-weight: 600;
  }
  .consent-summary dd {
    margin: 0 0 var(--fi-spacing-s);
  }
`;
