import type { Locale } from '../../../i18n/i18n.js';
import { formatDate } from '../mailbox/format.js';
import { css } from '../styles/css.js';

export interface DailyVolumeChartProps {
  /** Unique on the page: the title's, description's and table's ids are made from it. */
  id: string;
  /** One entry per day, oldest first; `date` is a Helsinki calendar date (YYYY-MM-DD). */
  days: ReadonlyArray<{ date: string; count: number }>;
  /** The chart's accessible name and the table's caption ("Lähetetyt viestit päivittäin"). */
  title: string;
  /** What the chart shows in words (period, total, busiest day), read after the title. */
  description: string;
  /** The table's column headings. */
  dateHeading: string;
  countHeading: string;
  /** Formats the dates and numbers. */
  locale: Locale;
}

/**
 * Drawing units. The picture scales with its viewBox, so it is drawn for a narrow phone: at 320 px
 * the text is close to its nominal size, and on a wide screen the CSS caps its width.
 */
const width = 320;
const height = 180;
const plot = { left: 30, right: 10, top: 10, bottom: 24 };
const plotWidth = width - plot.left - plot.right;
const plotHeight = height - plot.top - plot.bottom;

const regional: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A calendar day as "10.3." / "10 Mar", for the axis (the table gives the full date). */
function shortDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(regional[locale], { timeZone: 'UTC', day: 'numeric', month: 'short' })
    .format(new Date(`${day}T00:00:00Z`))
    .replace(/\s+/g, ' ');
}

/** The axis maximum: the largest count rounded up to 1, 2 or 5 times a power of ten (at least 1). */
export function axisMaximum(largest: number): number {
  if (largest <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= largest) return step * power;
  }
  return 10 * power;
}

/** Grid lines at zero, the maximum and halfway when that is a whole number of messages. */
function ticks(maximum: number): number[] {
  return maximum % 2 === 0 ? [0, maximum / 2, maximum] : [0, maximum];
}

/**
 * A bar per day, drawn on the server as inline SVG (no script, no inline style: colours come from
 * the stylesheet's tokens), with the same numbers in a table beside it. The picture is one image to
 * assistive technology (role="img", named by its <title> and described by its <desc>); the table is
 * where the numbers are read one by one.
 */
export function DailyVolumeChart(props: DailyVolumeChartProps) {
  const { id, days, locale } = props;
  const titleId = `${id}-title`;
  const descriptionId = `${id}-desc`;
  const maximum = axisMaximum(Math.max(0, ...days.map((day) => day.count)));
  const slot = plotWidth / Math.max(days.length, 1);
  const barWidth = slot * 0.7;
  const y = (value: number) => plot.top + plotHeight - (value / maximum) * plotHeight;
  const number = new Intl.NumberFormat(regional[locale]);
  // Date labels on the last day and every seventh before it: always the same weekday.
  const labelled = (index: number) => (days.length - 1 - index) % 7 === 0;
  return (
    <div class="daily-chart">
      <svg
        class="daily-chart__picture"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        focusable="false"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descriptionId}>{props.description}</desc>
        {ticks(maximum).map((value) => (
          <g>
            <line
              class="daily-chart__grid"
              x1={plot.left}
              x2={width - plot.right}
              y1={y(value)}
              y2={y(value)}
            />
            <text class="daily-chart__label" x={plot.left - 4} y={y(value) + 3} text-anchor="end">
              {number.format(value)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = plot.left + index * slot + (slot - barWidth) / 2;
          return (
            <g>
              {day.count > 0 && (
                <rect
                  class="daily-chart__bar"
                  x={x.toFixed(2)}
                  y={y(day.count).toFixed(2)}
                  width={barWidth.toFixed(2)}
                  height={(plot.top + plotHeight - y(day.count)).toFixed(2)}
                />
              )}
              {labelled(index) && (
                <text
                  class="daily-chart__label"
                  x={(x + barWidth / 2).toFixed(2)}
                  y={height - 8}
                  text-anchor="middle"
                >
                  {shortDate(day.date, locale)}
                </text>
              )}
            </g>
          );
        })}
        <line
          class="daily-chart__axis"
          x1={plot.left}
          x2={width - plot.right}
          y1={plot.top + plotHeight}
          y2={plot.top + plotHeight}
        />
      </svg>
      <table class="daily-chart__table" id={`${id}-table`}>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.dateHeading}</th>
            <th scope="col" class="daily-chart__number">
              {props.countHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr>
              <th scope="row">
                <time dateTime={day.date}>{formatDate(day.date, locale)}</time>
              </th>
              <td class="daily-chart__number">{number.format(day.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const styles = css`
  .daily-chart {
    display: grid;
    gap: var(--fi-spacing-l);
    align-items: start;
  }
  @media (min-width: 48rem) {
    .daily-chart {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    }
  }
  .daily-chart__picture {
    display: block;
    width: 100%;
    max-width: 40rem;
    height: auto;
  }
  .daily-chart__bar {
    fill: var(--fi-color-highlight-base);
  }
  .daily-chart__grid {
    stroke: var(--fi-color-depth-light-2);
    stroke-width: 1;
  }
  .daily-chart__axis {
    stroke: var(--fi-color-depth-dark-1);
    stroke-width: 1;
  }
  .daily-chart__label {
    fill: var(--fi-color-black-base);
    font-size: 10px;
  }
  .daily-chart__table caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: var(--fi-spacing-xs);
  }
  .daily-chart__number {
    text-align: right;
  }
`;
