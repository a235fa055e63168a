import type { TranslationKey } from '../../../i18n/i18n.js';
import type { SentMessageDetails, TimelineEntry, TimelineEvent } from '../../../modules/messages/index.js';
import { LinkButton } from '../components/link-button.js';
import { TagList } from '../components/tag-list.js';
import { formatDateTime, formatSize, mediaTypeLabel } from '../mailbox/format.js';
import { DetailRow, TimeRow } from '../components/detail-row.js';
import type { PageContext } from '../page-context.js';
import { serviceName, type CaseWorkPaths } from './send-page.js';
import { stageChip, stageKeys } from './sent-list-page.js';
import { HeadedSection } from '../components/headed-section.js';

export interface SentMessageBodyProps {
  ctx: PageContext;
  paths: CaseWorkPaths;
  /** StaffMessaging.sentMessage (opening it was audited there). */
  message: SentMessageDetails;
}

/** Each timeline step's wording. */
const timelineKeys: Record<TimelineEvent, TranslationKey> = {
  accepted: 'staff.timeline.accepted',
  available: 'staff.timeline.available',
  notificationSent: 'staff.timeline.notificationSent',
  read: 'staff.timeline.read',
  acknowledged: 'staff.timeline.acknowledged',
  letterCreated: 'staff.timeline.letterCreated',
  printed: 'staff.timeline.printed',
  postiDelivered: 'staff.timeline.postiDelivered',
  postiReturned: 'staff.timeline.postiReturned',
  postiUnresolved: 'staff.timeline.postiUnresolved',
  failed: 'staff.timeline.failed',
};

const channelKeys: Record<NonNullable<TimelineEntry['channel']>, TranslationKey> = {
  email: 'staff.channels.email',
  sms: 'staff.channels.sms',
  paper: 'staff.channels.paper',
  planning: 'staff.channels.planning',
};

/**
 * A sent message's content, without the page frame: its details, the body as the citizen sees it,
 * its attachments and its timeline (the citizen message page's thread styling: a dot per step, the
 * latest filled).
 */
export function SentMessageBody(props: SentMessageBodyProps) {
  const { ctx, message, paths } = props;
  const { t, locale } = ctx;
  const last = message.timeline.length - 1;
  return (
    <div>
      <div class="message-header">
        <p class="message-header__sender">{serviceName(message.service, locale)}</p>
        <h1>{message.title}</h1>
        <TagList tags={[stageChip(ctx, message.stage)]} />
        <dl class="message-details" aria-label={t('staff.message.details')}>
          <DetailRow term={t('staff.message.service')}>{serviceName(message.service, locale)}</DetailRow>
          <DetailRow term={t('staff.message.recipient')}>
            {message.recipient ?? t('staff.sent.noRecipient')}
          </DetailRow>
          <TimeRow term={t('staff.message.created')} at={message.createdAt} locale={locale} />
          <DetailRow term={t('staff.message.stage')}>{t(stageKeys[message.stage])}</DetailRow>
          <DetailRow term={t('staff.message.kind')}>
            {t(message.verifiable ? 'staff.message.verifiable' : 'staff.message.normal')}
          </DetailRow>
          <DetailRow term={t('staff.message.channel')}>
            {t(message.channel === 'paper' ? 'staff.message.paper' : 'staff.message.electronic')}
          </DetailRow>
          <DetailRow term={t('staff.message.replies')}>
            {t(message.replyAllowed ? 'staff.message.repliesAllowed' : 'staff.message.repliesNotAllowed')}
          </DetailRow>
          <TimeRow
            term={t('staff.message.deemedReceived')}
            at={message.deemedReceivedOn}
            locale={locale}
            day
          />
          {message.externalId && (
            <DetailRow term={t('staff.message.externalId')}>{message.externalId}</DetailRow>
          )}
        </dl>
      </div>
      <HeadedSection id="timeline-heading" heading={t('staff.message.timeline')}>
        <ol class="thread-list">
          {message.timeline.map((entry, index) => (
            <li class={index === last ? 'thread-list__item thread-list__item--current' : 'thread-list__item'}>
              <p class="thread-list__when">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </p>
              <p class="thread-list__title">
                {t(timelineKeys[entry.event], {
                  channel: entry.channel ? t(channelKeys[entry.channel]) : '',
                })}
              </p>
            </li>
          ))}
        </ol>
      </HeadedSection>
      <HeadedSection id="content-heading" heading={t('staff.message.content')}>
        {/* bodyHtml comes from renderMessageBody (src/domain/message-body.ts): escaped, allow-listed tags. */}
        <div class="message-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
      </HeadedSection>
      {message.attachments.length > 0 && (
        <HeadedSection
          id="attachments-heading"
          heading={`${t('staff.message.attachments')} (${message.attachments.length})`}
        >
          <ul>
            {message.attachments.map((attachment) => (
              <li>
                {`${attachment.fileName} (${mediaTypeLabel(attachment.mediaType)}, ${formatSize(attachment.sizeBytes, locale, t)})`}
              </li>
            ))}
          </ul>
        </HeadedSection>
      )}
      <p>
        <LinkButton href={paths.sent} variant="secondary">
          {t('staff.message.back')}
        </LinkButton>
      </p>
    </div>
  );
}
