import type { ComponentChildren } from 'preact';
import type {
  FolderItem,
  MessageView,
  OpenedMessage,
  SealedMessage,
} from '../../../modules/mailbox/index.js';
import { ButtonRow } from '../components/button-row.js';
import { AttachmentList } from '../components/attachment-list.js';
import { DetailRow, TimeRow } from '../components/detail-row.js';
import { Icon } from '../components/icon.js';
import { LinkButton } from '../components/link-button.js';
import { Notice as NoticeParagraph } from '../components/notice.js';
import { PostButton } from '../components/post-button.js';
import { TagList, type Chip } from '../components/tag-list.js';
import { ThreadList } from '../components/thread-list.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { citizenTypeName } from './citizen-type-name.js';
import { formatDate, localName } from './format.js';
import { folderNameKeys } from './folder-names.js';
import { NoticeBox, ReadOnlyNotice, type Notice } from './notices.js';
import { HeadedSection } from '../components/headed-section.js';

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
    <Layout
      ctx={ctx}
      title={title}
      breadcrumbs={[{ label: t(folderNameKeys[folder]), href: `/mailbox/${folder}` }, { label: title }]}
    >
      <NoticeBox ctx={ctx} notice={props.notice} />
      <ReadOnlyNotice ctx={ctx} readOnly={props.readOnly} />
      {message.sealed ? (
        <SealedContent ctx={ctx} message={message} title={title} readOnly={props.readOnly} />
      ) : (
        <OpenedContent ctx={ctx} message={message} readOnly={props.readOnly} />
      )}
    </Layout>
  );
}

/** The chips under the title: the same facts the folder list shows. */
function messageChips(ctx: PageContext, message: MessageView): Chip[] {
  const { t } = ctx;
  const chips: Chip[] = [];
  if (message.verifiable) chips.push({ text: t('mailbox.item.verifiable'), icon: 'checkCircle' });
  if (message.sealed) {
    chips.push({ text: t('mailbox.item.unacknowledged'), tone: 'attention', icon: 'hourglass' });
  }
  if (!message.sealed && message.attachments.length > 0) {
    chips.push({ text: t('mailbox.item.attachments'), icon: 'attachment' });
  }
  if (!message.sealed && message.canReply) {
    chips.push({ text: t('mailbox.item.replyable'), icon: 'reply' });
  }
  return chips;
}

/** Sender, title and chips, then the details as term and value pairs. */
function MessageHeader(props: {
  ctx: PageContext;
  message: MessageView;
  title: string;
  children: ComponentChildren;
}) {
  const { ctx, message } = props;
  return (
    <div class="message-header">
      <p class="message-header__sender">{localName(message.organisation, ctx.locale)}</p>
      <h1>{props.title}</h1>
      <TagList tags={messageChips(ctx, message)} />
      <dl class="message-details" aria-label={ctx.t('mailbox.message.details')}>
        {props.children}
      </dl>
    </div>
  );
}

/** Before acknowledgement: only the sender and the step "Kuittaa vastaanotetuksi". */
function SealedContent(props: {
  ctx: PageContext;
  message: SealedMessage;
  title: string;
  readOnly: boolean;
}) {
  const { ctx, message } = props;
  const { t, locale } = ctx;
  return (
    <>
      <MessageHeader ctx={ctx} message={message} title={props.title}>
        <DetailRow term={t('mailbox.message.sender')}>{localName(message.organisation, locale)}</DetailRow>
        <TimeRow term={t('mailbox.message.received')} at={message.receivedAt} locale={locale} />
        <DetailRow term={t('mailbox.message.deemedReceived')}>
          {t('mailbox.message.deemedReceivedPending')}
        </DetailRow>
      </MessageHeader>
      <section class="acknowledge-panel" aria-labelledby="acknowledge-heading">
        <h2 id="acknowledge-heading">
          <Icon name="hourglass" class="acknowledge-panel__icon" />
          {t('mailbox.acknowledge.heading')}
        </h2>
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
      <MessageHeader ctx={ctx} message={message} title={message.title}>
        <DetailRow term={t(fromCitizen ? 'mailbox.message.recipient' : 'mailbox.message.sender')}>
          {localName(message.organisation, locale)}
        </DetailRow>
        <DetailRow term={t('mailbox.message.service')}>{localName(message.service, locale)}</DetailRow>
        <TimeRow
          term={t(fromCitizen ? 'mailbox.message.sent' : 'mailbox.message.received')}
          at={message.receivedAt}
          locale={locale}
        />
        <TimeRow
          term={t('mailbox.message.deemedReceived')}
          at={message.deemedReceivedOn}
          locale={locale}
          day
        />
        <TimeRow term={t('mailbox.message.acknowledgedAt')} at={message.acknowledgedAt} locale={locale} />
        {message.citizenType && (
          <DetailRow term={t('mailbox.message.type')}>{citizenTypeName(t, message.citizenType)}</DetailRow>
        )}
      </MessageHeader>
      <Actions ctx={ctx} message={message} readOnly={props.readOnly} />
      {/*
        The only place message content becomes markup. bodyHtml comes from renderMessageBody
        (src/domain/message-body.ts), which escapes all text and emits only an allow-listed set of
        tags (p, h2–h6, lists, strong, br, https links); raw HTML in a body is never parsed.
      */}
      <div class="message-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
      <Attachments ctx={ctx} message={message} />
      {!fromCitizen && <Evidence ctx={ctx} message={message} />}
      <Thread ctx={ctx} items={message.thread} currentId={message.id} />
    </>
  );
}

function Attachments(props: { ctx: PageContext; message: OpenedMessage }) {
  const { ctx, message } = props;
  const { t } = ctx;
  if (message.attachments.length === 0) return null;
  return (
    <HeadedSection
      id="attachments-heading"
      heading={`${t('mailbox.message.attachments')} (${message.attachments.length})`}
    >
      <p class="attachments__hint">{t('mailbox.message.downloadHint')}</p>
      <AttachmentList
        attachments={message.attachments}
        href={(attachment) =>
          `/mailbox/messages/${message.id}/attachments/${encodeURIComponent(attachment.id)}`
        }
        download={t('mailbox.message.download')}
        ctx={ctx}
      />
    </HeadedSection>
  );
}

/** The signed delivery evidence of an organisation's message: the same bundle its sender can get. */
function Evidence(props: { ctx: PageContext; message: OpenedMessage }) {
  const { t } = props.ctx;
  return (
    <HeadedSection id="evidence-heading" heading={t('mailbox.message.evidenceHeading')}>
      <p>{t('mailbox.message.evidenceIntro')}</p>
      <p>
        <a href={`/mailbox/messages/${props.message.id}/evidence`} download>
          <Icon name="download" />
          {t('mailbox.message.evidenceDownload')}
        </a>
      </p>
    </HeadedSection>
  );
}

/** The conversation, oldest first (see ThreadList). */
function Thread(props: { ctx: PageContext; items: FolderItem[]; currentId: number }) {
  const { t, locale } = props.ctx;
  return (
    <ThreadList
      heading={t('mailbox.message.thread')}
      entries={props.items.map((item) => ({
        id: item.id,
        at: item.receivedAt,
        party: `${t(item.direction === 'from_citizen' ? 'mailbox.item.to' : 'mailbox.item.from')}: ${localName(item.organisation, locale)}`,
        title: item.unreadable
          ? t('mailbox.item.unavailableTitle')
          : (item.title ?? t('mailbox.item.sealedTitle')),
        href: `/mailbox/messages/${item.id}`,
      }))}
      currentId={props.currentId}
      currentLabel={t('mailbox.message.threadCurrent')}
      locale={locale}
    />
  );
}

/**
 * What the reader can do, together above the text: reply (the main step, first), print (a button
 * that only appears where script runs, /assets/print.js; elsewhere the browser's own print works
 * the same) and delete or restore.
 */
function Actions(props: { ctx: PageContext; message: OpenedMessage; readOnly: boolean }) {
  const { ctx, message } = props;
  const { t } = ctx;
  const fromCitizen = message.direction === 'from_citizen';
  const editable = !fromCitizen && !props.readOnly;
  return (
    <section class="message-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading" class="visually-hidden">
        {t('mailbox.message.actions')}
      </h2>
      <ButtonRow>
        {editable && message.canReply && (
          <LinkButton href={`/mailbox/messages/${message.id}/reply`}>
            <Icon name="reply" />
            {t('mailbox.message.reply')}
          </LinkButton>
        )}
        <button type="button" class="button--secondary print-button" hidden>
          <Icon name="print" />
          {t('mailbox.message.print')}
        </button>
        {editable && message.canDelete && (
          <PostButton
            action={`/mailbox/messages/${message.id}/delete`}
            csrfToken={ctx.csrfToken}
            variant="secondary"
          >
            <Icon name="remove" />
            {t('mailbox.message.delete')}
          </PostButton>
        )}
        {editable && message.canRestore && (
          <PostButton action={`/mailbox/messages/${message.id}/restore`} csrfToken={ctx.csrfToken}>
            {t('mailbox.message.restore')}
          </PostButton>
        )}
      </ButtonRow>
      {fromCitizen && <p class="message-actions__note">{t('mailbox.message.cannotDeleteSent')}</p>}
      {/* This page's only script, our own file (the CSP allows no other): it shows the print button. */}
      <script src="/assets/print.js" defer />
    </section>
  );
}

export const styles = css`
  .message-header {
    border-bottom: 1px solid var(--fi-color-depth-light-1);
    padding-bottom: var(--fi-spacing-m);
    margin-bottom: var(--fi-spacing-m);
  }
  .message-header__sender {
    margin: 0;
    font-weight: 600;
    color: var(--fi-color-black-light-1);
  }
  .message-header h1 {
    margin-top: 0;
    margin-bottom: var(--fi-spacing-xs);
  }
  .message-details {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--fi-spacing-s) var(--fi-spacing-l);
    margin: var(--fi-spacing-m) 0 0;
    padding: var(--fi-spacing-s) var(--fi-spacing-m);
    background: var(--fi-color-depth-light-3);
    border-radius: var(--fi-radius-basic);
  }
  .message-details__row {
    min-width: 0;
  }
  .message-details dt {
    font-size: var(--fi-font-size-body-text-small);
    color: var(--fi-color-black-light-1);
  }
  .message-details dd {
    margin: 0;
    font-weight: 600;
  }
  .message-actions {
    margin: 0 0 var(--fi-spacing-l);
  }
  .message-actions .button-row {
    margin-top: 0;
  }
  .message-actions .button,
  .message-actions button {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
  }
  .message-actions form {
    margin: 0;
  }
  .print-button[hidden] {
    display: none;
  }
  .message-actions__note {
    margin-top: var(--fi-spacing-s);
    color: var(--fi-color-black-light-1);
  }
  .message-body {
    max-width: var(--app-measure);
    font-size: var(--fi-font-size-body-text);
    line-height: 1.6;
  }
  .message-body h2,
  .message-body h3 {
    margin-top: var(--fi-spacing-l);
  }
  .message-body p,
  .message-body ul,
  .message-body ol {
    margin: 0 0 var(--fi-spacing-m);
  }
  .attachments__hint {
    color: var(--fi-color-black-light-1);
  }
  .acknowledge-panel {
    border: 2px solid var(--fi-color-warning-base);
    background: var(--fi-color-warning-light-1);
    padding: var(--fi-spacing-m) var(--fi-spacing-l);
    border-radius: var(--fi-radius-basic);
    max-width: var(--app-measure);
  }
  .acknowledge-panel h2 {
    margin-top: 0;
    display: flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
  }
  .acknowledge-panel__icon {
    width: 1.25em;
    height: 1.25em;
  }

  @media (max-width: 480px) {
    .message-details {
      grid-template-columns: 1fr;
      padding: var(--fi-spacing-s);
    }
    .acknowledge-panel {
      padding: var(--fi-spacing-s);
    }
    .attachment__download {
      width: 100%;
      justify-content: center;
    }
  }

  @media print {
    .breadcrumbs,
    .message-actions,
    .attachments__hint,
    .attachment__download {
      display: none;
    }
    .message-details {
      background: none;
      padding: 0;
    }
    .message-body {
      max-width: none;
    }
  }
`;
