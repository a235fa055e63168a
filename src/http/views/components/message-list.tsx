import type { FolderItem } from '../../../modules/mailbox/index.js';
import { formatDate, formatDateTime, localName } from '../mailbox/format.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { TagList } from './tag-list.js';

export interface MessageListProps {
  ctx: PageContext;
  /** Accessible name of the list ("Viestit"). */
  label: string;
  /** The messages in display order; the caller shows its own text when there are none. */
  items: FolderItem[];
}

/** A folder's messages: title link, the other party and time, and the item's status tags. */
export function MessageList(props: MessageListProps) {
  return (
    <ul class="message-list" aria-label={props.label}>
      {props.items.map((item) => (
        <MessageListItem ctx={props.ctx} item={item} />
      ))}
    </ul>
  );
}

function MessageListItem(props: { ctx: PageContext; item: FolderItem }) {
  const { ctx, item } = props;
  const { t, locale } = ctx;
  const fromCitizen = item.direction === 'from_citizen';
  const title = item.unreadable
    ? t('mailbox.item.unavailableTitle')
    : (item.title ?? t('mailbox.item.sealedTitle'));
  const party = localName(item.organisation, locale);
  const sender = item.service ? `${party} – ${localName(item.service, locale)}` : party;
  const tags = [
    item.unread ? t('mailbox.item.unread') : null,
    item.verifiable ? t('mailbox.item.verifiable') : null,
    item.awaitingAcknowledgement ? t('mailbox.item.awaitingAcknowledgement') : null,
    item.hasAttachments ? t('mailbox.item.attachments') : null,
    item.restorableUntil
      ? t('mailbox.item.restorableUntil', { date: formatDate(item.restorableUntil, locale) })
      : null,
  ].filter((tag): tag is string => tag !== null);
  return (
    <li class={item.unread ? 'message-list__item message-list__item--unread' : 'message-list__item'}>
      <h2 class="message-list__title">
        <a href={`/mailbox/messages/${item.id}`}>{item.unread ? <strong>{title}</strong> : title}</a>
      </h2>
      <p class="message-list__meta">
        {`${t(fromCitizen ? 'mailbox.item.to' : 'mailbox.item.from')}: ${sender}`}
        <br />
        <time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt, locale)}</time>
      </p>
      <TagList tags={tags} />
    </li>
  );
}

// The values restate what the list looks like today (browser defaults under the base layer); the
// citizen-side restyle gives the list its look here.
export const styles = css`
  .message-list {
    padding-left: 40px;
  }
  .message-list__item {
    display: list-item;
  }
  .message-list__item--unread {
    font-weight: inherit;
  }
  .message-list__title {
    line-height: 1.3;
  }
  .message-list__meta {
    margin: 1em 0;
  }
`;
