import type { TranslationKey } from '../../../i18n/i18n.js';
import {
  messageStages,
  type MessageStage,
  type SentFilter,
  type SentList,
  type StaffServiceOption,
} from '../../../modules/messages/index.js';
import { ButtonRow } from '../components/button-row.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Paging } from '../components/paging.js';
import { PostForm } from '../components/post-form.js';
import { SelectField } from '../components/select-field.js';
import { TagList, type Chip } from '../components/tag-list.js';
import { TextField } from '../components/text-field.js';
import { formatDateTime } from '../mailbox/format.js';
import { DataTable } from '../components/data-table.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { ServiceOptions, serviceName, type CaseWorkPaths } from './send-page.js';
import { ScrollTable } from '../components/scroll-table.js';

/**
 * The list's filters as the form posts them back (service, stage, from, to, recipient, purpose):
 * StaffMessaging's filter without the page. The form is posted so that a search by identity code
 * stays out of addresses (ASVS 8.3.1); the list's links to other pages carry only the filters that
 * name no one.
 */
export type SentFilterValues = Omit<SentFilter, 'page'>;

export type SentFilterField = 'from' | 'to' | 'recipient' | 'purpose';

export interface SentListBodyProps {
  ctx: PageContext;
  paths: CaseWorkPaths;
  /** The services the staff member may see (StaffMessaging.visibleServices). */
  services: StaffServiceOption[];
  values: SentFilterValues;
  /** StaffMessaging.sentMessages; undefined when the filters had problems. */
  list: SentList | undefined;
  /** Filters the service refused (a ValidationError's field), with the route's message. */
  problems?: Array<{ field: SentFilterField; message: string }> | undefined;
}

/** Each stage's label: the one table the list, its filter and the message page read. */
export const stageKeys: Record<MessageStage, TranslationKey> = {
  accepted: 'staff.stages.accepted',
  available: 'staff.stages.available',
  read: 'staff.stages.read',
  acknowledged: 'staff.stages.acknowledged',
  onPaper: 'staff.stages.onPaper',
  failed: 'staff.stages.failed',
};

/** A stage as a chip: the word always says it; the tone repeats what needs attention. */
export function stageChip(ctx: PageContext, stage: MessageStage): Chip {
  if (stage === 'failed') return { text: ctx.t(stageKeys[stage]), tone: 'attention', icon: 'error' };
  if (stage === 'acknowledged') return { text: ctx.t(stageKeys[stage]), icon: 'checkCircle' };
  return { text: ctx.t(stageKeys[stage]) };
}

/** The typed filters: the dates (YYYY-MM-DD), the recipient's identity code and the search's purpose. */
const textFilters: ReadonlyArray<{
  name: SentFilterField;
  label: TranslationKey;
  hint?: TranslationKey;
  autocomplete?: string;
  maxLength: number;
}> = [
  { name: 'from', label: 'staff.sent.from', hint: 'staff.sent.dateHint', maxLength: 10 },
  { name: 'to', label: 'staff.sent.to', hint: 'staff.sent.dateHint', maxLength: 10 },
  {
    name: 'recipient',
    label: 'staff.sent.recipient',
    hint: 'staff.sent.recipientHint',
    autocomplete: 'off',
    maxLength: 11,
  },
  { name: 'purpose', label: 'staff.sent.purpose', maxLength: 200 },
];

function filterQuery(values: SentFilterValues, page: number): string {
  const query = new URLSearchParams();
  if (values.servicePk !== undefined) query.set('service', String(values.servicePk));
  if (values.stage) query.set('stage', values.stage);
  if (values.from) query.set('from', values.from);
  if (values.to) query.set('to', values.to);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The sent list's content, without the page frame: a posted form of filters (service, state, dates,
 * recipient with the search's purpose) and the messages newest first, with their state as a chip.
 * The pages of a search by recipient are that form's buttons, so the identity code is posted again
 * rather than put into a link.
 */
export function SentListBody(props: SentListBodyProps) {
  const { ctx, values, list, paths } = props;
  const { t, locale } = ctx;
  const problems = props.problems ?? [];
  const errorOf = (field: SentFilterField) => problems.filter((p) => p.field === field).map((p) => p.message);
  return (
    <div class="sent-list">
      <h1>{t('staff.sent.listTitle')}</h1>
      <ErrorSummary
        heading={t('staff.send.errorSummary')}
        errors={problems.map((problem) => ({ fieldId: `filter-${problem.field}`, message: problem.message }))}
      />
      <PostForm
        id="sent-filters"
        action={paths.sent}
        csrfToken={ctx.csrfToken}
        class="sent-list__filters"
        labelledBy="filters-heading"
      >
        <h2 id="filters-heading">{t('staff.sent.filters')}</h2>
        <SelectField id="filter-service" name="service" label={t('staff.send.service')}>
          <option value="">{t('staff.sent.allServices')}</option>
          <ServiceOptions services={props.services} selected={values.servicePk} locale={locale} />
        </SelectField>
        <SelectField id="filter-stage" name="stage" label={t('staff.sent.stage')}>
          <option value="">{t('staff.sent.allStages')}</option>
          {messageStages.map((stage) => (
            <option value={stage} selected={stage === values.stage}>
              {t(stageKeys[stage])}
            </option>
          ))}
        </SelectField>
        {textFilters.map((filter) => (
          <TextField
            id={`filter-${filter.name}`}
            name={filter.name}
            label={t(filter.label)}
            hint={filter.hint && t(filter.hint)}
            value={values[filter.name] ?? ''}
            error={errorOf(filter.name)}
            autocomplete={filter.autocomplete}
            maxLength={filter.maxLength}
          />
        ))}
        <ButtonRow>
          <button type="submit">{t('staff.sent.search')}</button>
        </ButtonRow>
      </PostForm>
      {list && list.rows.length === 0 && <p>{t('staff.sent.none')}</p>}
      {list && list.rows.length > 0 && (
        // Five columns do not fit a phone: the table scrolls sideways, by keyboard too.
        <ScrollTable labelledBy="sent-heading">
          <DataTable
            class="sent-list__table"
            caption={
              <caption id="sent-heading" class="visually-hidden">
                {t('staff.sent.listTitle')}
              </caption>
            }
            columns={[
              t('staff.sent.columns.title'),
              t('staff.sent.columns.service'),
              t('staff.sent.columns.recipient'),
              t('staff.sent.columns.created'),
              t('staff.sent.columns.stage'),
            ]}
          >
            {list.rows.map((row) => (
              <tr>
                <th scope="row">
                  <a href={paths.message(row.id)}>{row.title}</a>
                </th>
                <td>{serviceName(row.service, locale)}</td>
                <td>{row.recipient ?? t('staff.sent.noRecipient')}</td>
                <td>
                  <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, locale)}</time>
                </td>
                <td>
                  <TagList tags={[stageChip(ctx, row.stage)]} />
                </td>
              </tr>
            ))}
          </DataTable>
        </ScrollTable>
      )}
      {list && (
        <Paging
          label={t('staff.sent.paging')}
          list={list}
          href={(page) => `${paths.sent}${filterQuery(values, page)}`}
          form={values.recipient ? 'sent-filters' : undefined}
          pageLabel={(page) => t('staff.sent.page', { page })}
          previousLabel={t('staff.sent.newer')}
          nextLabel={t('staff.sent.older')}
        />
      )}
    </div>
  );
}

export const styles = css`
  .sent-list td,
  .sent-list th {
    vertical-align: top;
  }
  .sent-list__filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 0 var(--fi-spacing-m);
    align-items: end;
    border: 1px solid var(--fi-color-depth-light-1);
    border-radius: var(--fi-radius-basic);
    padding: var(--fi-spacing-m);
    margin: 0 0 var(--fi-spacing-l);
  }
  .sent-list__filters h2 {
    grid-column: 1 / -1;
    margin-top: 0;
  }
  .sent-list__filters .button-row {
    grid-column: 1 / -1;
  }
  .sent-list__table .tag-list {
    margin: 0;
  }
`;
