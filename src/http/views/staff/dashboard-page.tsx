import type { Locale } from '../../../i18n/i18n.js';
import type { Channel, Dashboard, Fraction, MessageStage } from '../../../modules/reporting/index.js';
import { DailyVolumeChart } from '../components/daily-volume-chart.js';
import { ButtonRow } from '../components/button-row.js';
import { SelectField } from '../components/select-field.js';
import { formatDate, localName } from '../mailbox/format.js';
import { DataTable } from '../components/data-table.js';
import { HeadedSection } from '../components/headed-section.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { StaffLayout, type StaffFrame } from './staff-layout.js';
import { ScrollTable } from '../components/scroll-table.js';

export interface DashboardBodyProps {
  ctx: PageContext;
  /** What DashboardService.forOrganisation returned for the organisation and the caller's services. */
  dashboard: Dashboard;
  /** The organisation's name in the reader's language. */
  organisationName: string;
  /**
   * The service filter (a GET form): the services the reader may see, by their service id and in
   * the reader's language, and the one shown ('' for all of them). Omitted for one service or none.
   */
  filter?: { services: Array<{ serviceId: string; name: string }>; chosen: string } | undefined;
}

/** The page takes what its body takes, and the staff frame. */
export type DashboardPageProps = DashboardBodyProps & { frame?: StaffFrame | undefined };

/** Chooses one service or all of them; the page reloads with `?service=`. */
function ServiceFilter(props: { ctx: PageContext; filter: NonNullable<DashboardBodyProps['filter']> }) {
  const { ctx, filter } = props;
  const { t } = ctx;
  return (
    <form method="get" action="/virkailija/tilastot" class="dashboard__filter">
      <SelectField id="dashboard-service" name="service" label={t('staff.dashboard.service')}>
        <option value="" selected={filter.chosen === ''}>
          {t('staff.dashboard.allServices')}
        </option>
        {filter.services.map((service) => (
          <option value={service.serviceId} selected={filter.chosen === service.serviceId}>
            {service.name}
          </option>
        ))}
      </SelectField>
      <ButtonRow>
        <button type="submit">{t('staff.dashboard.show')}</button>
      </ButtonRow>
    </form>
  );
}

/** The stages in the order a message goes through them, each with its label. */
const stageRows: ReadonlyArray<{
  stage: MessageStage;
  key:
    | 'dashboard.stages.accepted'
    | 'dashboard.stages.available'
    | 'dashboard.stages.read'
    | 'dashboard.stages.acknowledged'
    | 'dashboard.stages.onPaper'
    | 'dashboard.stages.failed';
}> = [
  { stage: 'accepted', key: 'dashboard.stages.accepted' },
  { stage: 'available', key: 'dashboard.stages.available' },
  { stage: 'read', key: 'dashboard.stages.read' },
  { stage: 'acknowledged', key: 'dashboard.stages.acknowledged' },
  { stage: 'onPaper', key: 'dashboard.stages.onPaper' },
  { stage: 'failed', key: 'dashboard.stages.failed' },
];

const channelKeys: Record<Channel, 'dashboard.channels.electronic' | 'dashboard.channels.paper'> = {
  electronic: 'dashboard.channels.electronic',
  paper: 'dashboard.channels.paper',
};

const regional: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** "40 % (2/5)", or "no messages" when there is nothing to divide by. */
function formatRate(ctx: PageContext, rate: Fraction): string {
  if (rate.denominator === 0) return ctx.t('dashboard.summary.noRate');
  const number = new Intl.NumberFormat(regional[ctx.locale]);
  const percent = new Intl.NumberFormat(regional[ctx.locale], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(rate.numerator / rate.denominator);
  return ctx.t('dashboard.summary.rate', {
    percent,
    numerator: number.format(rate.numerator),
    denominator: number.format(rate.denominator),
  });
}

/** The chart's description: the period's total and its busiest day, in words. */
function chartDescription(ctx: PageContext, days: Array<{ date: string; count: number }>): string {
  const number = new Intl.NumberFormat(regional[ctx.locale]);
  const total = days.reduce((sum, day) => sum + day.count, 0);
  if (total === 0) return ctx.t('dashboard.daily.descriptionEmpty');
  const busiest = days.reduce((best, day) => (day.count > best.count ? day : best));
  return ctx.t('dashboard.daily.description', {
    total: number.format(total),
    busiest: number.format(busiest.count),
    busiestDate: formatDate(busiest.date, ctx.locale),
  });
}

/** A headed section with a two-column table: what was counted, and how many. */
function CountTable(props: {
  id: string;
  heading: string;
  rowHeading: string;
  countHeading: string;
  rows: Array<{ label: string; count: string }>;
}) {
  return (
    <HeadedSection id={props.id} heading={props.heading}>
      <DataTable columns={[props.rowHeading, { text: props.countHeading, class: 'dashboard__number' }]}>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            <td class="dashboard__number">{row.count}</td>
          </tr>
        ))}
      </DataTable>
    </HeadedSection>
  );
}

/**
 * The dashboard's content, without the page frame: the summary figures, the messages by state and
 * by channel, one row per service, and the daily chart with its table, with the service filter
 * when there is a choice. DashboardPage wraps it in the staff layout.
 */
export function DashboardBody(props: DashboardBodyProps) {
  const { ctx, dashboard } = props;
  const { t, locale } = ctx;
  const { totals } = dashboard;
  const number = new Intl.NumberFormat(regional[locale]);
  const days = dashboard.daily.map((day) => ({ date: day.date, count: day.electronic + day.paper }));
  const fromCitizens = dashboard.daily.reduce((sum, day) => sum + day.fromCitizens, 0);
  const first = dashboard.daily[0]?.date ?? dashboard.today;
  const summary: Array<{ label: string; value: string }> = [
    { label: t('dashboard.summary.sent'), value: number.format(totals.sent) },
    { label: t('dashboard.summary.readRate'), value: formatRate(ctx, totals.readRate) },
    { label: t('dashboard.summary.acknowledgedRate'), value: formatRate(ctx, totals.acknowledgedRate) },
    { label: t('dashboard.summary.waiting'), value: number.format(totals.citizenMessagesWaiting) },
    { label: t('dashboard.summary.failedDeliveries'), value: number.format(totals.failedDeliveries) },
  ];
  return (
    <div class="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p class="dashboard__lead">
        {t('dashboard.organisation', { name: props.organisationName })}
        <br />
        {t('dashboard.today', { date: formatDate(dashboard.today, locale) })}
      </p>
      {props.filter && <ServiceFilter ctx={ctx} filter={props.filter} />}

      <HeadedSection id="dashboard-summary" heading={t('dashboard.summary.heading')}>
        <dl class="dashboard__figures">
          {summary.map((figure) => (
            <div class="dashboard__figure">
              <dt>{figure.label}</dt>
              <dd class="dashboard__value">{figure.value}</dd>
            </div>
          ))}
        </dl>
      </HeadedSection>

      <div class="dashboard__tables">
        <CountTable
          id="dashboard-stages"
          heading={t('dashboard.stages.heading')}
          rowHeading={t('dashboard.stages.stage')}
          countHeading={t('dashboard.stages.count')}
          rows={stageRows.map((row) => ({
            label: t(row.key),
            count: number.format(totals.byStage[row.stage]),
          }))}
        />
        <CountTable
          id="dashboard-channels"
          heading={t('dashboard.channels.heading')}
          rowHeading={t('dashboard.channels.channel')}
          countHeading={t('dashboard.stages.count')}
          rows={(Object.keys(channelKeys) as Channel[]).map((channel) => ({
            label: t(channelKeys[channel]),
            count: number.format(totals.byChannel[channel]),
          }))}
        />
      </div>

      {/* Not a landmark of its own: the scrolling table below is the region this heading names. */}
      <section>
        <h2 id="dashboard-services">{t('dashboard.services.heading')}</h2>
        {dashboard.services.length === 0 ? (
          <p>{t('dashboard.services.none')}</p>
        ) : (
          // Eight columns do not fit a phone: the table scrolls sideways, by keyboard too.
          <ScrollTable labelledBy="dashboard-services">
            <DataTable
              columns={[
                t('dashboard.services.service'),
                { text: t('dashboard.summary.sent'), class: 'dashboard__number' },
                { text: t('dashboard.channels.electronic'), class: 'dashboard__number' },
                { text: t('dashboard.channels.paper'), class: 'dashboard__number' },
                t('dashboard.summary.readRate'),
                t('dashboard.summary.acknowledgedRate'),
                { text: t('dashboard.summary.waiting'), class: 'dashboard__number' },
                { text: t('dashboard.summary.failedDeliveries'), class: 'dashboard__number' },
              ]}
            >
              {dashboard.services.map((service) => (
                <tr>
                  <th scope="row">{localName(service.names, locale)}</th>
                  <td class="dashboard__number">{number.format(service.counts.sent)}</td>
                  <td class="dashboard__number">{number.format(service.counts.byChannel.electronic)}</td>
                  <td class="dashboard__number">{number.format(service.counts.byChannel.paper)}</td>
                  <td>{formatRate(ctx, service.counts.readRate)}</td>
                  <td>{formatRate(ctx, service.counts.acknowledgedRate)}</td>
                  <td class="dashboard__number">{number.format(service.counts.citizenMessagesWaiting)}</td>
                  <td class="dashboard__number">{number.format(service.counts.failedDeliveries)}</td>
                </tr>
              ))}
            </DataTable>
          </ScrollTable>
        )}
      </section>

      <HeadedSection id="dashboard-daily" heading={t('dashboard.daily.heading')}>
        <DailyVolumeChart
          id="daily-volume"
          days={days}
          title={t('dashboard.daily.title', {
            from: formatDate(first, locale),
            to: formatDate(dashboard.today, locale),
          })}
          description={chartDescription(ctx, days)}
          dateHeading={t('dashboard.daily.date')}
          countHeading={t('dashboard.daily.count')}
          locale={locale}
        />
        <p>{t('dashboard.daily.fromCitizens', { count: number.format(fromCitizens) })}</p>
      </HeadedSection>
    </div>
  );
}

/** The dashboard in the staff pages' frame. */
export function DashboardPage(props: DashboardPageProps) {
  return (
    <StaffLayout ctx={props.ctx} title={props.ctx.t('dashboard.title')} frame={props.frame}>
      <DashboardBody {...props} />
    </StaffLayout>
  );
}

export const styles = css`
  .dashboard__filter {
    margin-top: var(--fi-spacing-l);
  }
  .dashboard h2 {
    margin-top: var(--fi-spacing-xl);
  }
  .dashboard__lead {
    color: var(--app-color-hint-text);
  }
  .dashboard__figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--fi-spacing-s);
    margin: 0;
  }
  .dashboard__figure {
    border: 1px solid var(--fi-color-depth-light-2);
    border-radius: var(--fi-radius-basic);
    padding: var(--fi-spacing-s);
  }
  .dashboard__figure dd {
    margin: 0;
  }
  .dashboard__value {
    font-size: var(--fi-font-size-heading-3);
    line-height: var(--fi-line-height-heading-3);
    font-weight: 600;
  }
  .dashboard__tables {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 0 var(--fi-spacing-l);
  }
  .dashboard__number {
    text-align: right;
  }
`;
