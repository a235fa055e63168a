import type { ComponentChildren } from 'preact';

/** One term and its value in a description list of details (a message's sender, date, type …). */
export function DetailRow(props: { term: string; children: ComponentChildren }) {
  return (
    <div class="message-details__row">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
