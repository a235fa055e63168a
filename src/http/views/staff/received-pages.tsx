import type { TranslationKey } from '../../../i18n/i18n.js';
import type {
  HandledFilter,
  ReceivedList,
  ReceivedListItem,
  ReceivedMessage,
  ReplyProblem,
} from '../../../modules/messages/index.js';
import { ButtonRow } from '../components/button-row.js';
import { ErrorSummary, type FieldError } from '../components/error-summary.js';
import { AttachmentList } from '../components/attachment-list.js';
import { DetailRow, TimeRow } from '../components/detail-row.js';
import { Icon } from '../components/icon.js';
import { ActionResult } from '../components/notice.js';
import { NavLinks } from '../components/nav-links.js';
import { Paging } from '../components/paging.js';
import { PostForm } from '../components/post-form.js';
import { RuledList } from '../components/ruled-list.js';
import { TagList, type Chip } from '../components/tag-list.js';
import { TextField } from '../components/text-field.js';
import { TextareaField } from '../components/textarea-field.js';
import { ThreadList } from '../components/thread-list.js';
import { citizenTypeName } from '../mailbox/citizen-type-name.js';
import { formatDateTime, localName } from '../mailbox/format.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';
import { StaffLayout, type StaffFrame } from './staff-layout.js';
import { HeadedSection } from '../components/headed-section.js';

export const receivedPath = '/virkailija/saapuneet';

/** The outcome of the previous action (post/redirect/get): a fixed list, so nothing is echoed. */
export type ReceivedNotice = 'sent' | 'handled' | 'unhandled';

const noticeKeys: Record<ReceivedNotice, TranslationKey> = {
  sent: 'staff.received.notice.sent',
  handled: 'staff.received.notice.handled',
  unhandled: 'staff.received.notice.unhandled',
};

const filterKeys: Record<HandledFilter, TranslationKey> = {
  unhandled: 'staff.received.filter.unhandled',
  handled: 'staff.received.filter.handled',
  all: 'staff.received.filter.all',
};

/** The list's address for a filter and page; the defaults (all, page 1) are left out. */
export function receivedListHref(filter: HandledFilter, page = 1): string {
  const query = new URLSearchParams();
  if (filter !== 'all') query.set('tila', filter);
  if (page > 1) query.set('sivu', String(page));
  const search = query.toString();
  return search ? `${receivedPath}?${search}` : receivedPath;
}

/** The sender as staff see them: the register's name and the masked identity code. */
function senderText(ctx: PageContext, item: ReceivedListItem): string {
  const name = item.senderName || ctx.t('staff.received.senderUnknown');
  return item.senderCode ? `${name} (${item.senderCode})` : name;
}

/** Type, state and attachments as chips; the state in words, the tone only repeats it. */
function itemChips(ctx: PageContext, item: ReceivedListItem): Chip[] {
  const { t } = ctx;
  const chips: Chip[] = [];
  if (item.citizenType) chips.push({ text: citizenTypeName(t, item.citizenType) });
  chips.push(
    item.handledAt
      ? { text: t('staff.received.handled'), icon: 'checkCircle' }
      : { text: t('staff.received.unhandled'), tone: 'new' },
  );
  if (item.attachmentCount > 0) {
    chips.push({
      text: t('staff.received.attachments', { count: item.attachmentCount }),
      icon: 'attachment',
    });
  }
  return chips;
}

/** One citizen's message in the list: sender and service, title, chips, date; unhandled ones marked. */
function ReceivedRow(props: { ctx: PageContext; item: ReceivedListItem }) {
  const { ctx, item } = props;
  const { t, locale } = ctx;
  return (
    <li class={item.handledAt ? 'received-list__item' : 'received-list__item received-list__item--unhandled'}>
      <p class="received-list__sender">
        <span class="visually-hidden">{`${t('staff.received.sender')}: `}</span>
        {senderText(ctx, item)}
        {' – '}
        {localName(item.serviceNames, locale)}
      </p>
      <h2 class="received-list__title">
        <a href={`${receivedPath}/${item.id}`}>{item.title}</a>
      </h2>
      <TagList tags={itemChips(ctx, item)} />
      <p class="received-list__date">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
      </p>
    </li>
  );
}

export interface ReceivedListPageProps {
  ctx: PageContext;
  frame: StaffFrame;
  list: ReceivedList;
  notice?: ReceivedNotice | undefined;
}

/** GET /virkailija/saapuneet: citizens' messages to the case worker's services, not handled first. */
export function ReceivedListPage(props: ReceivedListPageProps) {
  const { ctx, list } = props;
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('staff.received.title')} frame={props.frame}>
      <ActionResult text={props.notice && t(noticeKeys[props.notice])} />
      <h1>{t('staff.received.title')}</h1>
      <p>{t('staff.received.intro')}</p>
      <NavLinks
        block="received-filter"
        label={t('staff.received.filter.legend')}
        links={(['all', 'unhandled', 'handled'] as const).map((filter) => ({
          href: receivedListHref(filter),
          text: t(filterKeys[filter]),
          current: filter === list.filter,
        }))}
      />
      {list.items.length === 0 ? (
        <p>{t('staff.received.empty')}</p>
      ) : (
        <RuledList class="received-list" label={t('staff.received.listLabel')}>
          {list.items.map((item) => (
            <ReceivedRow ctx={ctx} item={item} />
          ))}
        </RuledList>
      )}
      <Paging
        label={t('staff.received.paging')}
        list={list}
        href={(page) => receivedListHref(list.filter, page)}
        pageLabel={(page) => t('staff.received.page', { page })}
        previousLabel={t('staff.received.previous')}
        nextLabel={t('staff.received.next')}
      />
    </StaffLayout>
  );
}

/** What the reply form shows again after a refusal (or empty, with a fresh key, the first time). */
export interface ReplyFormValues {
  replyKey: string;
  title: string;
  body: string;
}

export interface ReceivedMessagePageProps {
  ctx: PageContext;
  frame: StaffFrame;
  message: ReceivedMessage;
  reply: ReplyFormValues;
  problems?: ReplyProblem[] | undefined;
  notice?: ReceivedNotice | undefined;
}

const problemKeys = {
  title: {
    required: 'staff.received.reply.problems.titleRequired',
    tooLong: 'staff.received.reply.problems.titleTooLong',
    deceptive: 'staff.received.reply.problems.titleDeceptive',
  },
  body: {
    required: 'staff.received.reply.problems.bodyRequired',
    tooLong: 'staff.received.reply.problems.bodyTooLong',
    deceptive: 'staff.received.reply.problems.bodyDeceptive',
  },
  form: {
    noMailbox: 'staff.received.reply.problems.noMailbox',
    serviceInactive: 'staff.received.reply.problems.serviceInactive',
  },
} as const satisfies Record<string, Partial<Record<ReplyProblem['code'], TranslationKey>>>;

function problemText(ctx: PageContext, problem: ReplyProblem): string {
  const keys: Partial<Record<ReplyProblem['code'], TranslationKey>> = problemKeys[problem.field];
  const key = keys[problem.code];
  return key ? ctx.t(key) : problem.code;
}

/** The field a problem belongs to; a problem of the whole form points at the body. */
const fieldIds = { title: 'reply-title', body: 'reply-body', form: 'reply-body' } as const;

/** GET /virkailija/saapuneet/:id: the message, its files, its thread, the handled button and the reply form. */
export function ReceivedMessagePage(props: ReceivedMessagePageProps) {
  const { ctx, message } = props;
  const { t, locale } = ctx;
  const problems = props.problems ?? [];
  const errors: FieldError[] = problems.map((problem) => ({
    fieldId: fieldIds[problem.field],
    message: problemText(ctx, problem),
  }));
  const errorsOf = (field: 'title' | 'body') => {
    const texts = problems
      .filter((p) => p.field === field || (field === 'body' && p.field === 'form'))
      .map((p) => problemText(ctx, p));
    return texts.length > 0 ? texts : undefined;
  };
  const base = `${receivedPath}/${message.id}`;
  return (
    <StaffLayout ctx={ctx} title={message.title} frame={props.frame} hasErrors={errors.length > 0}>
      <p class="received-back">
        <a href={receivedPath}>
          <Icon name="chevronLeft" />
          {t('staff.received.opened.back')}
        </a>
      </p>
      <ActionResult text={props.notice && t(noticeKeys[props.notice])} />
      <div class="message-header">
        <p class="message-header__sender">{senderText(ctx, message)}</p>
        <h1>{message.title}</h1>
        <TagList tags={itemChips(ctx, message)} />
        <dl class="message-details" aria-label={t('staff.received.opened.details')}>
          <DetailRow term={t('staff.received.service')}>{localName(message.serviceNames, locale)}</DetailRow>
          <TimeRow term={t('staff.received.received')} at={message.createdAt} locale={locale} />
          {message.citizenType && (
            <DetailRow term={t('staff.received.type')}>{citizenTypeName(t, message.citizenType)}</DetailRow>
          )}
          <TimeRow term={t('staff.received.handled')} at={message.handledAt} locale={locale} />
        </dl>
      </div>
      <p class="received-audit-note">{t('staff.received.opened.auditNote')}</p>
      <div class="message-actions">
        <ButtonRow>
          <PostForm action={`${base}/kasitelty`} csrfToken={props.frame.csrfToken}>
            <input type="hidden" name="handled" value={message.handledAt ? '0' : '1'} />
            <button type="submit" class={message.handledAt ? 'button--secondary' : undefined}>
              {message.handledAt
                ? t('staff.received.opened.markUnhandled')
                : t('staff.received.opened.markHandled')}
            </button>
          </PostForm>
        </ButtonRow>
      </div>
      {/*
        The only place the citizen's text becomes markup: bodyHtml comes from renderMessageBody
        (src/domain/message-body.ts) as plain text, every character escaped.
      */}
      <div class="message-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
      {message.attachments.length > 0 && (
        <HeadedSection
          id="attachments-heading"
          heading={t('staff.received.opened.attachments', { count: message.attachments.length })}
        >
          <AttachmentList
            attachments={message.attachments}
            href={(attachment) => `${base}/liitteet/${encodeURIComponent(attachment.id)}`}
            download={t('staff.received.opened.download')}
            ctx={ctx}
          />
        </HeadedSection>
      )}
      <ThreadList
        heading={t('staff.received.opened.thread')}
        entries={message.thread.map((item) => {
          const fromCitizen = item.direction === 'from_citizen';
          return {
            id: item.id,
            at: item.createdAt,
            party: t(fromCitizen ? 'staff.received.opened.fromCitizen' : 'staff.received.opened.toCitizen'),
            title: item.title,
            // The case worker's own replies have no page of their own here.
            href: fromCitizen ? `${receivedPath}/${item.id}` : undefined,
          };
        })}
        currentId={message.id}
        currentLabel={t('staff.received.opened.current')}
        locale={locale}
      />
      <section class="received-reply" aria-labelledby="reply-heading">
        <h2 id="reply-heading">{t('staff.received.reply.heading')}</h2>
        <ErrorSummary heading={t('staff.received.reply.errorsHeading')} errors={errors} />
        <p>{t('staff.received.reply.intro')}</p>
        <PostForm action={`${base}/vastaa`} csrfToken={props.frame.csrfToken}>
          {/* The form's idempotency key: sending the same form twice sends one reply. */}
          <input type="hidden" name="replyKey" value={props.reply.replyKey} />
          <TextField
            id={fieldIds.title}
            name="title"
            label={t('staff.received.reply.title')}
            value={props.reply.title}
            required
            maxLength={256}
            error={errorsOf('title')}
          />
          <TextareaField
            id={fieldIds.body}
            name="body"
            label={t('staff.received.reply.body')}
            value={props.reply.body}
            rows={8}
            required
            maxLength={40_000}
            error={errorsOf('body')}
          />
          <ButtonRow>
            <button type="submit">
              <Icon name="reply" />
              {t('staff.received.reply.submit')}
            </button>
          </ButtonRow>
        </PostForm>
      </section>
    </StaffLayout>
  );
}

export const styles = css`
  .received-filter {
    margin: 0 0 var(--fi-spacing-m);
  }
  .received-filter__list {
    gap: var(--fi-spacing-xs) var(--fi-spacing-m);
  }
  .received-filter__link {
    display: inline-block;
    padding: var(--fi-spacing-xxs) var(--fi-spacing-s);
    border: 1px solid var(--fi-color-highlight-base);
    border-radius: var(--fi-radius-basic);
    font-weight: 600;
    text-decoration: none;
  }
  .received-filter__link[aria-current='page'] {
    background: var(--fi-color-highlight-base);
    color: var(--fi-color-white-base);
  }
  .received-list__item {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 var(--fi-spacing-s);
    padding: var(--fi-spacing-s) var(--fi-spacing-s) var(--fi-spacing-s) var(--fi-spacing-m);
    border-left: 4px solid transparent;
  }
  .received-list__item > * {
    grid-column: 1;
  }
  .received-list__item--unhandled {
    border-left-color: var(--app-color-unread-marker);
  }
  .received-list__item--unhandled .received-list__title {
    font-weight: 700;
  }
  .received-list__sender {
    margin: 0;
    color: var(--fi-color-black-light-1);
  }
  .received-list__date {
    grid-column: 2;
    grid-row: 1;
    margin: 0;
    white-space: nowrap;
  }
  /* A citizen's message type can be long (sv "Annat meddelande eller annan anmälan"): it wraps. */
  .received-list .chip {
    white-space: normal;
  }
  @media (max-width: 40em) {
    .received-list__item {
      grid-template-columns: minmax(0, 1fr);
    }
    .received-list__date {
      grid-column: 1;
      grid-row: auto;
    }
  }
  .received-back {
    margin-top: 0;
  }
  .received-back a {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xxs);
  }
  .received-audit-note {
    color: var(--app-color-hint-text);
    font-size: var(--fi-font-size-body-text-small);
  }
  .received-reply {
    margin-top: var(--fi-spacing-xl);
    border-top: 1px solid var(--fi-color-depth-light-1);
  }
`;
