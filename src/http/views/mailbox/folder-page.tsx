import type { FolderPage as FolderData } from '../../../modules/mailbox/index.js';
import { MessageList } from '../components/message-list.js';
import { Paging } from '../components/paging.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { folderNameKeys } from './folder-names.js';
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
  const title = t(folderNameKeys[data.folder]);
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
