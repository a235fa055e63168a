import type { FolderItem } from '../../../modules/mailbox/index.js';
import { formatDate, formatDateTime, localName } from '../mailbox/format.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { Icon } from './icon.js';
import { RuledList } from './ruled-list.js';
import { TagList, type Chip } from './tag-list.js';

export interface MessageListProps {
  ctx: PageContext;
  /** Accessible name of the list ("Viestit"). */
  label: string;
  /** The messages in display order; the caller shows its own text when there are none. */
  items: FolderItem[];
}

/**
 * A folder's messages as rows to scan: the other party above the title, the date on the right
 * (below on a narrow screen) and the status as chips. An unread row stands out four ways, not by
 * colour alone: a bar at its edge, the unread-envelope icon, a bold title and the chip "Uusi".
 */
export function MessageList(props: MessageListProps) {
  return (
    <RuledList label={props.label}>
      {props.items.map((item) => (
        <MessageListItem ctx={props.ctx} item={item} />
      ))}
    </RuledList>
  );
}

/** The chips of one row, in the order a reader needs them. */
export function itemChips(ctx: PageContext, item: FolderItem): Chip[] {
  const { t, locale } = ctx;
  const chips: Array<Chip | null> = [
    item.unread ? { text: t('mailbox.item.unread'), tone: 'new' } : null,
    !item.unread && item.direction === 'to_citizen' ? { text: t('mailbox.item.read') } : null,
    item.verifiable ? { text: t('mailbox.item.verifiable'), icon: 'checkCircle' } : null,
    item.awaitingAcknowledgement
      ? { text: t('mailbox.item.unacknowledged'), tone: 'attention', icon: 'hourglass' }
      : null,
    item.deemedReceivedOn
      ? {
          text: t('mailbox.item.deemedReceived', { date: formatDate(item.deemedReceivedOn, locale) }),
          icon: 'calendar',
        }
      : null,
    item.hasAttachments ? { text: t('mailbox.item.attachments'), icon: 'attachment' } : null,
    item.replyable ? { text: t('mailbox.item.replyable'), icon: 'reply' } : null,
    item.restorableUntil
      ? {
          text: t('mailbox.item.restorableUntil', { date: formatDate(item.restorableUntil, locale) }),
          icon: 'clock',
        }
      : null,
  ];
  return chips.filter((chip): chip is Chip => chip !== null);
}

function MessageListItem(props: { ctx: PageContext; item: FolderItem }) {
  const { ctx, item } = props;
  const { t, locale } = ctx;
  const fromCitizen = item.direction === 'from_citizen';
  const title = item.unreadable
    ? t('mailbox.item.unavailableTitle')
    : (item.title ?? t('mailbox.item.sealedTitle'));
  const party = localName(item.organisation, locale);
  const service = item.service ? localName(item.service, locale) : undefined;
  return (
    <li class={item.unread ? 'message-list__item message-list__item--unread' : 'message-list__item'}>
      <Icon
        name={item.unread ? 'messageUnread' : fromCitizen ? 'mailSend' : 'message'}
        class="message-list__icon"
      />
      <div class="message-list__main">
        <p class="message-list__party">
          <span class="visually-hidden">{`${t(fromCitizen ? 'mailbox.item.to' : 'mailbox.item.from')}: `}</span>
          <span class="message-list__organisation">{party}</span>
          {service && (
            <>
              {' – '}
              <span class="message-list__service">{service}</span>
            </>
          )}
        </p>
        <h2 class="message-list__title">
          <a href={`/mailbox/messages/${item.id}`}>{title}</a>
        </h2>
        {item.awaitingAcknowledgement && (
          <p class="message-list__hint">{t('mailbox.item.awaitingAcknowledgement')}</p>
        )}
        <TagList tags={itemChips(ctx, item)} />
      </div>
      <p class="message-list__date">
        <time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt, locale)}</time>
      </p>
    </li>
  );
}

export const styles = css`
  .message-list__item {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: 0 var(--fi-spacing-s);
    padding: var(--fi-spacing-s) var(--fi-spacing-s) var(--fi-spacing-s) var(--fi-spacing-m);
    border-left: 4px solid transparent;
  }
  .message-list__item:hover {
    background: var(--fi-color-highlight-light-4);
  }
  .message-list__item--unread {
    border-left-color: var(--app-color-unread-marker);
    background: var(--fi-color-highlight-light-4);
  }
  .message-list__icon {
    width: 1.5rem;
    height: 1.5rem;
    margin-top: 0.2rem;
    color: var(--fi-color-depth-dark-1);
  }
  .message-list__item--unread .message-list__icon {
    color: var(--app-color-unread-marker);
  }
  .message-list__main {
    min-width: 0;
  }
  .message-list__party {
    margin: 0;
    font-size: var(--fi-font-size-body-text-small);
    color: var(--fi-color-black-light-1);
  }
  .message-list__organisation {
    font-weight: 600;
    color: var(--fi-color-black-base);
  }
  .message-list__service {
    color: var(--fi-color-black-light-1);
  }
  .message-list__item--unread .message-list__title {
    font-weight: 700;
  }
  .message-list__title a {
    text-decoration: none;
  }
  .message-list__title a:hover,
  .message-list__title a:focus-visible {
    text-decoration: underline;
  }
  /* The whole row is the title link's target; the link stays the only focusable element. */
  .message-list__title a::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .message-list__hint {
    margin: 0 0 var(--fi-spacing-xxs);
    font-size: var(--fi-font-size-body-text-small);
  }
  .message-list__date {
    margin: 0;
    font-size: var(--fi-font-size-body-text-small);
    color: var(--fi-color-black-light-1);
    white-space: nowrap;
    text-align: right;
  }
  .message-list__item--unread .message-list__date {
    color: var(--fi-color-black-base);
    font-weight: 600;
  }

  @media (max-width: 600px) {
    .message-list__item {
      grid-template-columns: auto 1fr;
      padding-left: var(--fi-spacing-xs);
      padding-right: var(--fi-spacing-xs);
    }
    .message-list__date {
      grid-column: 2;
      grid-row: 1;
      text-align: left;
    }
    .message-list__main {
      grid-column: 2;
    }
    .message-list__icon {
      grid-row: 1 / span 2;
    }
  }
`;
