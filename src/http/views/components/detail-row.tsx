import type { ComponentChildren } from 'preact';
import type { Locale } from '../../../i18n/i18n.js';
import { formatDate, formatDateTime } from '../mailbox/format.js';

/** One term and its value in a description list of details (a message's sender, date, type …). */
export function DetailRow(props: { term: string; children: ComponentChildren }) {
  return (
    <div class="message-details__row">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/**
 * A detail that is a point in time, in the reader's format: an instant in Helsinki time, or with
 * `day` a calendar date. No row at all when there is none (not acknowledged, not handled yet …).
 */
export function TimeRow(props: {
  term: string;
  at: string | null | undefined;
  locale: Locale;
  day?: boolean;
}) {
  if (!props.at) return null;
  const format = props.day ? formatDate : formatDateTime;
  return (
    <DetailRow term={props.term}>
      <time dateTime={props.at}>{format(props.at, props.locale)}</time>
    </DetailRow>
  );
}
