import type { FolderOrder, FolderPage as FolderData } from '../../../modules/mailbox/index.js';
import { Icon, type IconName } from '../components/icon.js';
import { InlineList } from '../components/inline-list.js';
import { LinkButton } from '../components/link-button.js';
import { MessageList } from '../components/message-list.js';
import { Paging } from '../components/paging.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { folderNameKeys } from './folder-names.js';
import { NoticeBox, ReadOnlyNotice, type Notice } from './notices.js';

const emptyKeys = {
  inbox: 'mailbox.folder.emptyInbox',
  sent: 'mailbox.folder.emptySent',
  deleted: 'mailbox.folder.emptyDeleted',
} as const;

const emptyIcons: Record<FolderData['folder'], IconName> = {
  inbox: 'mailReceive',
  sent: 'mailSend',
  deleted: 'remove',
};

export interface FolderPageProps {
  ctx: PageContext;
  data: FolderData;
  notice?: Notice | undefined;
  readOnly: boolean;
}

const orderKeys = {
  newest: 'mailbox.folder.newestFirst',
  oldest: 'mailbox.folder.oldestFirst',
} as const satisfies Record<FolderOrder, string>;

/** A folder's address in an order and at a page; the defaults (newest first, page 1) are left out. */
export function folderHref(folder: FolderData['folder'], order: FolderOrder, page: number): string {
  const query = [order === 'oldest' ? 'order=oldest' : '', page > 1 ? `page=${page}` : '']
    .filter(Boolean)
    .join('&');
  return query ? `/mailbox/${folder}?${query}` : `/mailbox/${folder}`;
}

/**
 * Newest first / oldest first as two links (no script needed); the current order is marked. A new
 * order starts from its first page.
 */
export function SortControl(props: { ctx: PageContext; folder: FolderData['folder']; order: FolderOrder }) {
  const { t } = props.ctx;
  return (
    <div class="sort-control" role="group" aria-labelledby="sort-control-label">
      <span id="sort-control-label">{t('mailbox.folder.order')}</span>
      <InlineList class="sort-control__list">
        {(['newest', 'oldest'] as const).map((order) => (
          <li>
            <a
              class="sort-control__link"
              href={folderHref(props.folder, order, 1)}
              aria-current={order === props.order ? 'true' : undefined}
            >
              {t(orderKeys[order])}
            </a>
          </li>
        ))}
      </InlineList>
    </div>
  );
}

/** Saapuneet, Lähetetyt or Poistetut: newest (or oldest) first, a page at a time. */
export function FolderPage(props: FolderPageProps) {
  const { ctx, data } = props;
  const { t } = ctx;
  const title = t(folderNameKeys[data.folder]);
  const heading = data.page > 1 ? `${title} – ${t('mailbox.folder.page', { page: data.page })}` : title;
  const newestFirst = data.order === 'newest';
  return (
    <Layout ctx={ctx} title={heading} breadcrumbs={[{ label: title }]}>
      <div class="folder-head">
        <h1>{heading}</h1>
        {!props.readOnly && data.folder !== 'deleted' && (
          <LinkButton href="/mailbox/new" variant="secondary">
            <Icon name="message" />
            {t('account.nav.newMessage')}
          </LinkButton>
        )}
      </div>
      <NoticeBox ctx={ctx} notice={props.notice} />
      <ReadOnlyNotice ctx={ctx} readOnly={props.readOnly} />
      {data.folder === 'deleted' && <p>{t('mailbox.folder.deletedIntro')}</p>}
      {data.items.length === 0 ? (
        <div class="empty-state">
          <Icon name={emptyIcons[data.folder]} class="empty-state__icon" />
          <p>{t(emptyKeys[data.folder])}</p>
        </div>
      ) : (
        <>
          {(data.items.length > 1 || data.page > 1) && (
            <SortControl ctx={ctx} folder={data.folder} order={data.order} />
          )}
          <MessageList ctx={ctx} label={t('mailbox.folder.listLabel')} items={data.items} />
        </>
      )}
      <Paging
        label={t('mailbox.folder.paging')}
        list={data}
        href={(page) => folderHref(data.folder, data.order, page)}
        pageLabel={(page) => t('mailbox.folder.page', { page })}
        previousLabel={t(newestFirst ? 'mailbox.folder.previous' : 'mailbox.folder.next')}
        nextLabel={t(newestFirst ? 'mailbox.folder.next' : 'mailbox.folder.previous')}
      />
    </Layout>
  );
}

/**
 * The heading with the new-message step beside it, the order links, and the picture-and-sentence
 * of an empty folder.
 */
export const styles = css`
  .sort-control {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fi-spacing-xxs) var(--fi-spacing-s);
    margin: 0 0 var(--fi-spacing-s);
    font-size: var(--fi-font-size-body-text-small);
  }
  .sort-control__list {
    gap: var(--fi-spacing-xxs) var(--fi-spacing-s);
  }
  .sort-control__link {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  .folder-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--fi-spacing-xs) var(--fi-spacing-m);
    margin-bottom: var(--fi-spacing-s);
  }
  .folder-head h1 {
    margin: 0;
  }
  .folder-head .button {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
  }
  .empty-state {
    text-align: center;
    padding: var(--fi-spacing-xxl) var(--fi-spacing-m);
    border: 1px dashed var(--fi-color-depth-base);
    border-radius: var(--fi-radius-modal);
    background: var(--fi-color-depth-light-3);
    color: var(--fi-color-black-light-1);
  }
  .empty-state__icon {
    width: 3rem;
    height: 3rem;
    color: var(--fi-color-depth-dark-2);
    margin-bottom: var(--fi-spacing-s);
  }
  .empty-state p {
    margin: 0;
    font-size: var(--fi-font-size-lead-text);
  }
`;
