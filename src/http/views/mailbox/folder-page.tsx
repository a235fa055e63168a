import type { FolderItem, FolderPage as FolderData } from '../../../modules/mailbox/types.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { formatDate, formatDateTime, localName } from './format.js';
import { NoticeBox, ReadOnlyNotice, type Notice } from './notices.js';

const emptyKeys = {
  inbox: 'mailbox.folder.emptyInbox',
  sent: 'mailbox.folder.emptySent',
  deleted: 'mailbox.folder.emptyDeleted',
} as const;

export interface FolderPageProps {
  ctx: PageContext;
  data: FolderData;
  notice?: Notice | undefined;
  readOnly: boolean;
}

/** Saapuneet, Lähetetyt or Poistetut: newest first, a page at a time. */
export function FolderPage(props: FolderPageProps) {
  const { ctx, data } = props;
  const { t } = ctx;
  const title = t(`mailbox.folder.${data.folder}`);
  const heading = data.page > 1 ? `${title} – ${t('mailbox.folder.page', { page: data.page })}` : title;
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <NoticeBox ctx={ctx} notice={props.notice} />
      <ReadOnlyNotice ctx={ctx} readOnly={props.readOnly} />
      {data.folder === 'deleted' && <p>{t('mailbox.folder.deletedIntro')}</p>}
      {data.items.length === 0 ? (
        <p>{t(emptyKeys[data.folder])}</p>
      ) : (
        <ul class="message-list" aria-label={t('mailbox.folder.listLabel')}>
          {data.items.map((item) => (
            <MessageListItem ctx={ctx} item={item} />
          ))}
        </ul>
      )}
      <Paging ctx={ctx} data={data} />
    </Layout>
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
      {tags.length > 0 && (
        <ul class="inline-list message-list__tags">
          {tags.map((tag) => (
            <li>{tag}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Paging(props: { ctx: PageContext; data: FolderData }) {
  const { ctx, data } = props;
  const { t } = ctx;
  if (data.page === 1 && !data.hasNext) return null;
  const href = (page: number) =>
    page === 1 ? `/mailbox/${data.folder}` : `/mailbox/${data.folder}?page=${page}`;
  return (
    <nav class="paging" aria-label={t('mailbox.folder.paging')}>
      <ul class="inline-list">
        {data.page > 1 && (
          <li>
            <a href={href(data.page - 1)} rel="prev">
              {t('mailbox.folder.previous')}
            </a>
          </li>
        )}
        <li aria-current="page">{t('mailbox.folder.page', { page: data.page })}</li>
        {data.hasNext && (
          <li>
            <a href={href(data.page + 1)} rel="next">
              {t('mailbox.folder.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
