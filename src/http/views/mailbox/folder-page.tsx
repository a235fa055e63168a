import type { FolderPage as FolderData } from '../../../modules/mailbox/index.js';
import { Icon, type IconName } from '../components/icon.js';
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

/** Saapuneet, Lähetetyt or Poistetut: newest first, a page at a time. */
export function FolderPage(props: FolderPageProps) {
  const { ctx, data } = props;
  const { t } = ctx;
  const title = t(folderNameKeys[data.folder]);
  const heading = data.page > 1 ? `${title} – ${t('mailbox.folder.page', { page: data.page })}` : title;
  return (
    <Layout ctx={ctx} title={heading}>
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
        <MessageList ctx={ctx} label={t('mailbox.folder.listLabel')} items={data.items} />
      )}
      <Paging
        label={t('mailbox.folder.paging')}
        page={data.page}
        hasNext={data.hasNext}
        href={(page) => (page === 1 ? `/mailbox/${data.folder}` : `/mailbox/${data.folder}?page=${page}`)}
        pageLabel={(page) => t('mailbox.folder.page', { page })}
        previousLabel={t('mailbox.folder.previous')}
        nextLabel={t('mailbox.folder.next')}
      />
    </Layout>
  );
}

/** The heading with the new-message step beside it, and the picture-and-sentence of an empty folder. */
export const styles = css`
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
