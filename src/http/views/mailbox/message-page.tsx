import type {
  FolderItem,
  MessageView,
  OpenedMessage,
  SealedMessage,
} from '../../../modules/mailbox/index.js';
import { ButtonRow } from '../components/button-row.js';
import { LinkButton } from '../components/link-button.js';
import { Notice as NoticeParagraph } from '../components/notice.js';
import { PostButton } from '../components/post-button.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { citizenTypeName } from './citizen-type-name.js';
import { formatDate, formatDateTime, formatSize, localName, mediaTypeLabel } from './format.js';
import { folderNameKeys } from './folder-names.js';
import { NoticeBox, ReadOnlyNotice, type Notice } from './notices.js';

export interface MessagePageProps {
  ctx: PageContext;
  message: MessageView;
  notice?: Notice | undefined;
  readOnly: boolean;
}

function folderOf(message: MessageView) {
  if (message.direction === 'from_citizen') return 'sent' as const;
  return message.deleted ? ('deleted' as const) : ('inbox' as const);
}

export function MessagePage(props: MessagePageProps) {
  const { ctx, message } = props;
  const { t } = ctx;
  const folder = folderOf(message);
  const title = message.sealed ? t('mailbox.item.sealedTitle') : message.title;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/mailbox/${folder}`}>
          {t('mailbox.message.backTo', { folder: t(folderNameKeys[folder]) })}
        </a>
      </p>
      <h1>{title}</h1>
      <NoticeBox ctx={ctx} notice={props.notice} />
      <ReadOnlyNotice ctx={ctx} readOnly={props.readOnly} />
      {message.sealed ? (
        <SealedContent ctx={ctx} message={message} readOnly={props.readOnly} />
      ) : (
        <OpenedContent ctx={ctx} message={message} readOnly={props.readOnly} />
      )}
    </Layout>
  );
}

/** Before acknowledgement: only the sender and the step "Kuittaa vastaanotetuksi". */
function SealedContent(props: { ctx: PageContext; message: SealedMessage; readOnly: boolean }) {
  const { ctx, message } = props;
  const { t, locale } = ctx;
  return (
    <>
      <dl class="message-details">
        <dt>{t('mailbox.message.sender')}</dt>
        <dd>{localName(message.organisation, locale)}</dd>
        <dt>{t('mailbox.message.received')}</dt>
        <dd>
          <time dateTime={message.receivedAt}>{formatDateTime(message.receivedAt, locale)}</time>
        </dd>
        <dt>{t('mailbox.message.deemedReceived')}</dt>
        <dd>{t('mailbox.message.deemedReceivedPending')}</dd>
      </dl>
      <section aria-labelledby="acknowledge-heading">
        <h2 id="acknowledge-heading">{t('mailbox.acknowledge.heading')}</h2>
        <p>{t('mailbox.acknowledge.intro')}</p>
        <p>{t('mailbox.acknowledge.effect')}</p>
        {!props.readOnly && (
          <PostButton action={`/mailbox/messages/${message.id}/acknowledge`} csrfToken={ctx.csrfToken}>
            {t('mailbox.acknowledge.button')}
          </PostButton>
        )}
      </section>
    </>
  );
}

function OpenedContent(props: { ctx: PageContext; message: OpenedMessage; readOnly: boolean }) {
  const { ctx, message } = props;
  const { t, locale } = ctx;
  const fromCitizen = message.direction === 'from_citizen';
  return (
    <>
      {message.deleted && message.restorableUntil && (
        <NoticeParagraph>
          {t('mailbox.message.deletedNotice', { date: formatDate(message.restorableUntil, locale) })}
        </NoticeParagraph>
      )}
      <dl class="message-details">
        <dt>{t(fromCitizen ? 'mailbox.message.recipient' : 'mailbox.message.sender')}</dt>
        <dd>{localName(message.organisation, locale)}</dd>
        <dt>{t('mailbox.message.service')}</dt>
        <dd>{localName(message.service, locale)}</dd>
        <dt>{t(fromCitizen ? 'mailbox.message.sent' : 'mailbox.message.received')}</dt>
        <dd>
          <time dateTime={message.receivedAt}>{formatDateTime(message.receivedAt, locale)}</time>
        </dd>
        {message.citizenType && (
          <>
            <dt>{t('mailbox.message.type')}</dt>
            <dd>{citizenTypeName(t, message.citizenType)}</dd>
          </>
        )}
        {message.acknowledgedAt && (
          <>
            <dt>{t('mailbox.message.acknowledgedAt')}</dt>
            <dd>
              <time dateTime={message.acknowledgedAt}>{formatDateTime(message.acknowledgedAt, locale)}</time>
            </dd>
          </>
        )}
        {message.deemedReceivedOn && (
          <>
            <dt>{t('mailbox.message.deemedReceived')}</dt>
            <dd>
              <time dateTime={message.deemedReceivedOn}>{formatDate(message.deemedReceivedOn, locale)}</time>
            </dd>
          </>
        )}
      </dl>
      {/*
        The only place message content becomes markup. bodyHtml comes from renderMessageBody
        (src/domain/message-body.ts), which escapes all text and emits only an allow-listed set of
        tags (p, h2–h6, lists, strong, br, https links); raw HTML in a body is never parsed.
      */}
      <div class="message-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
      <Attachments ctx={ctx} message={message} />
      <Thread ctx={ctx} items={message.thread} currentId={message.id} />
      <Actions ctx={ctx} message={message} readOnly={props.readOnly} />
    </>
  );
}

function Attachments(props: { ctx: PageContext; message: OpenedMessage }) {
  const { ctx, message } = props;
  const { t, locale } = ctx;
  if (message.attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('mailbox.message.attachments')}</h2>
      <p>{t('mailbox.message.downloadHint')}</p>
      <ul class="attachment-list">
        {message.attachments.map((attachment) => (
          <li>
            <a
              href={`/mailbox/messages/${message.id}/attachments/${encodeURIComponent(attachment.id)}`}
              download
            >
              {attachment.fileName}
            </a>{' '}
            {`(${mediaTypeLabel(attachment.mediaType)}, ${formatSize(attachment.sizeBytes, locale, t)})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Thread(props: { ctx: PageContext; items: FolderItem[]; currentId: number }) {
  const { ctx, items } = props;
  const { t, locale } = ctx;
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t('mailbox.message.thread')}</h2>
      <ol class="thread-list">
        {items.map((item) => {
          const label = item.unreadable
            ? t('mailbox.item.unavailableTitle')
            : (item.title ?? t('mailbox.item.sealedTitle'));
          const when = formatDateTime(item.receivedAt, locale);
          const who = localName(item.organisation, locale);
          const direction = t(item.direction === 'from_citizen' ? 'mailbox.item.to' : 'mailbox.item.from');
          return (
            <li>
              {item.id === props.currentId ? (
                <span aria-current="page">
                  {label} {t('mailbox.message.threadCurrent')}
                </span>
              ) : (
                <a href={`/mailbox/messages/${item.id}`}>{label}</a>
              )}
              {` – ${direction}: ${who}, `}
              <time dateTime={item.receivedAt}>{when}</time>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Actions(props: { ctx: PageContext; message: OpenedMessage; readOnly: boolean }) {
  const { ctx, message } = props;
  const { t } = ctx;
  if (message.direction === 'from_citizen') {
    return <p>{t('mailbox.message.cannotDeleteSent')}</p>;
  }
  if (props.readOnly) return null;
  const any = message.canReply || message.canDelete || message.canRestore;
  if (!any) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('mailbox.message.actions')}</h2>
      <ButtonRow>
        {message.canReply && (
          <LinkButton href={`/mailbox/messages/${message.id}/reply`}>{t('mailbox.message.reply')}</LinkButton>
        )}
        {message.canDelete && (
          <PostButton
            action={`/mailbox/messages/${message.id}/delete`}
            csrfToken={ctx.csrfToken}
            variant="secondary"
          >
            {t('mailbox.message.delete')}
          </PostButton>
        )}
        {message.canRestore && (
          <PostButton action={`/mailbox/messages/${message.id}/restore`} csrfToken={ctx.csrfToken}>
            {t('mailbox.message.restore')}
          </PostButton>
        )}
      </ButtonRow>
    </section>
  );
}

// The values restate what the message page looks like today (browser defaults under the base
// layer); the citizen-side restyle gives these parts their look here.
export const styles = css`
  .message-details {
    margin: 1em 0;
  }
  .message-body {
    display: block;
  }
  .attachment-list,
  .thread-list {
    padding-left: 40px;
  }
`;
