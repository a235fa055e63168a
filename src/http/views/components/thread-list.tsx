import type { Locale } from '../../../i18n/i18n.js';
import { formatDateTime } from '../mailbox/format.js';
import { css } from '../styles/css.js';
import { HeadedSection } from './headed-section.js';

export interface ThreadEntry {
  id: number;
  /** When the message was sent or received (an instant). */
  at: string;
  /** Who it went to or came from, after the time ("Lähettäjä: Ylitornion kunta"). */
  party: string;
  title: string;
  /** Where the message opens; without one the title is plain text. */
  href?: string | undefined;
}

export interface ThreadListProps {
  heading: string;
  /** The conversation, oldest first. */
  entries: readonly ThreadEntry[];
  /** The message on the page: marked current and not linked. */
  currentId: number;
  /** Said after the current message's title ("(tämä viesti)"). */
  currentLabel: string;
  locale: Locale;
}

/**
 * A conversation as a timeline, a dot for each message and the current one filled: the citizen's
 * message page and the case worker's received message share it. Nothing when there is no thread.
 */
export function ThreadList(props: ThreadListProps) {
  if (props.entries.length === 0) return null;
  return (
    <HeadedSection id="thread-heading" heading={props.heading}>
      <ol class="thread-list">
        {props.entries.map((entry) => {
          const current = entry.id === props.currentId;
          return (
            <li class={current ? 'thread-list__item thread-list__item--current' : 'thread-list__item'}>
              <p class="thread-list__when">
                <time dateTime={entry.at}>{formatDateTime(entry.at, props.locale)}</time>
                {' · '}
                {entry.party}
              </p>
              <p class="thread-list__title">
                {current ? (
                  <span aria-current="page">
                    {entry.title} {props.currentLabel}
                  </span>
                ) : entry.href ? (
                  <a href={entry.href}>{entry.title}</a>
                ) : (
                  entry.title
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </HeadedSection>
  );
}

export const styles = css`
  .thread-list {
    list-style: none;
    margin: 0;
    padding: 0 0 0 var(--fi-spacing-l);
    border-left: 2px solid var(--fi-color-depth-light-1);
    margin-left: var(--fi-spacing-xs);
  }
  .thread-list__item {
    position: relative;
    padding: 0 0 var(--fi-spacing-m);
  }
  .thread-list__item::before {
    content: '';
    position: absolute;
    left: calc(-1 * var(--fi-spacing-l) - 8px);
    top: 0.35em;
    width: 14px;
    height: 14px;
    border-radius: 50%;
    border: 2px solid var(--fi-color-highlight-base);
    background: var(--fi-color-white-base);
  }
  .thread-list__item--current::before {
    background: var(--fi-color-highlight-base);
  }
  .thread-list__when {
    margin: 0;
    font-size: var(--fi-font-size-body-text-small);
    color: var(--fi-color-black-light-1);
  }
  .thread-list__title {
    margin: 0;
  }
`;
