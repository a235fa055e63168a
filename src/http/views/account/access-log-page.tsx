import type { TranslationKey } from '../../../i18n/i18n.js';
import type { AccessLogEntry, AccessLogPage, AccessLogWhose } from '../../../modules/audit/index.js';
import { localisedName } from '../../../modules/organisations/index.js';
import { NavLinks } from '../components/nav-links.js';
import { Paging } from '../components/paging.js';
import { RuledList } from '../components/ruled-list.js';
import { PublicPage } from '../public/public-page.js';
import { settingsCrumbs } from './settings-pages.js';
import { formatDateTime } from '../mailbox/format.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';

export function accessLogHref(whose: AccessLogWhose, page = 1): string {
  const query = [whose === 'own' ? 'view=own' : '', page > 1 ? `page=${page}` : ''].filter(Boolean);
  return `/settings/access-log${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** Each audit action the log names, in the reader's words: others' accesses and the citizen's own apart. */
const othersActionKeys: Record<string, TranslationKey> = {
  'staff.mailbox_checked': 'accessLog.actions.staffMailboxChecked',
  'staff.recipient_searched': 'accessLog.actions.staffRecipientSearched',
  'staff.message_opened': 'accessLog.actions.staffMessageOpened',
  'staff.message_sent': 'accessLog.actions.staffMessageSent',
  'staff.received_opened': 'accessLog.actions.staffReceivedOpened',
  'staff.attachment_downloaded': 'accessLog.actions.staffAttachmentDownloaded',
  'staff.received_handled': 'accessLog.actions.staffReceivedHandled',
  'staff.reply_sent': 'accessLog.actions.staffReplySent',
  'consent.recorded': 'accessLog.actions.consentRecorded',
  'consent.withdrawn': 'accessLog.actions.consentWithdrawn',
  'api.mailbox_checked': 'accessLog.actions.apiMailboxChecked',
  'api.message_sent': 'accessLog.actions.apiMessageSent',
  'api.citizen_message_read': 'accessLog.actions.apiCitizenMessageRead',
  'api.attachment_downloaded': 'accessLog.actions.apiAttachmentDownloaded',
  'api.message_state_read': 'accessLog.actions.apiMessageStateRead',
  'api.message_id_looked_up': 'accessLog.actions.apiMessageIdLookedUp',
  'person.export': 'accessLog.actions.personExport',
};

const ownActionKeys: Record<string, TranslationKey> = {
  'identification.succeeded': 'accessLog.ownActions.identificationSucceeded',
  'identification.logout': 'accessLog.ownActions.identificationLogout',
  'account.opened': 'accessLog.ownActions.accountOpened',
  'account.reopened': 'accessLog.ownActions.accountReopened',
  'account.settings_changed': 'accessLog.ownActions.accountSettingsChanged',
  'account.closed': 'accessLog.ownActions.accountClosed',
  'account.terms_accepted': 'accessLog.ownActions.accountTermsAccepted',
  'message.read': 'accessLog.ownActions.messageRead',
  'attachment.download': 'accessLog.ownActions.attachmentDownload',
  'message.send': 'accessLog.ownActions.messageSend',
  'message.reply': 'accessLog.ownActions.messageReply',
  'message.acknowledge': 'accessLog.ownActions.messageAcknowledge',
  'message.delete': 'accessLog.ownActions.messageDelete',
  'message.restore': 'accessLog.ownActions.messageRestore',
  'message.evidence.download': 'accessLog.ownActions.messageEvidenceDownload',
  'consent.withdrawn': 'accessLog.ownActions.consentWithdrawn',
};

function actionKey(action: string, whose: AccessLogWhose): TranslationKey {
  const keys = whose === 'own' ? ownActionKeys : othersActionKeys;
  return keys[action] ?? (whose === 'own' ? 'accessLog.ownActions.other' : 'accessLog.actions.other');
}

/** Coded purposes (a case worker opening a citizen's message) in words; others as the staff wrote them. */
const purposeKeys: Record<string, TranslationKey> = {
  'case-handling': 'accessLog.purposes.caseHandling',
};

function purposeText(ctx: PageContext, purpose: string | undefined): string {
  if (purpose === undefined) return ctx.t('accessLog.noPurpose');
  // A staff member's own words are shown as written (escaped like every text).
  const key = purposeKeys[purpose];
  return key === undefined ? purpose : ctx.t(key);
}

/** Who did it: a staff member and their organisation, an organisation's system, or the service. */
function actorText(ctx: PageContext, entry: AccessLogEntry): string {
  const { t, locale } = ctx;
  const organisation = entry.organisation ? localisedName(entry.organisation, locale) : undefined;
  switch (entry.actorType) {
    case 'staff':
      return [entry.staffName, organisation].filter(Boolean).join(', ');
    case 'organisation':
      return organisation ? `${organisation} (${t('accessLog.system')})` : t('accessLog.system');
    case 'operator':
      return t('accessLog.operator');
    case 'citizen':
      return t('accessLog.you');
    default:
      return t('accessLog.service');
  }
}

/** One access: when and what, and in others' accesses who did it and why. */
function AccessLogRow(props: { ctx: PageContext; whose: AccessLogWhose; entry: AccessLogEntry }) {
  const { ctx, whose, entry } = props;
  const { t } = ctx;
  return (
    <li class="access-log__entry">
      <p class="access-log__when">
        <span class="visually-hidden">{`${t('accessLog.when')}: `}</span>
        <time dateTime={entry.at}>{formatDateTime(entry.at, ctx.locale)}</time>
      </p>
      <p class="access-log__what">{t(actionKey(entry.action, whose))}</p>
      {whose === 'others' && (
        <dl class="access-log__facts">
          <dt>{t('accessLog.who')}</dt>
          <dd>{actorText(ctx, entry)}</dd>
          <dt>{t('accessLog.purpose')}</dt>
          <dd>{purposeText(ctx, entry.purpose)}</dd>
        </dl>
      )}
    </li>
  );
}

/**
 * "Kuka on katsonut tietojani": the accesses of organisations, their staff and the service's
 * operators to the person's account and messages, newest first, and apart from them the person's
 * own actions. Two views as links (no script), a page at a time.
 */
export function AccessLogPageView(props: { ctx: PageContext; whose: AccessLogWhose; log: AccessLogPage }) {
  const { ctx, whose, log } = props;
  const { t } = ctx;
  const captionKey = whose === 'own' ? 'accessLog.tableCaptionOwn' : 'accessLog.tableCaptionOthers';
  return (
    <PublicPage ctx={ctx} title={t('accessLog.title')} parents={settingsCrumbs(t)}>
      <p>{t('accessLog.intro')}</p>
      <NavLinks
        block="sort-control"
        label={t('accessLog.viewsLabel')}
        links={(['others', 'own'] as const).map((view) => ({
          href: accessLogHref(view),
          text: t(view === 'own' ? 'accessLog.own' : 'accessLog.others'),
          current: view === whose,
        }))}
      />
      <h2 id="access-log-list">{t(captionKey)}</h2>
      {log.entries.length === 0 ? (
        <p>{t('accessLog.empty')}</p>
      ) : (
        <RuledList labelledBy="access-log-list">
          {log.entries.map((entry) => (
            <AccessLogRow ctx={ctx} whose={whose} entry={entry} />
          ))}
        </RuledList>
      )}
      <Paging
        label={t('accessLog.pagingLabel')}
        list={log}
        href={(page) => accessLogHref(whose, page)}
        pageLabel={(page) => t('accessLog.page', { page })}
        previousLabel={t('accessLog.newer')}
        nextLabel={t('accessLog.older')}
      />
    </PublicPage>
  );
}

export const styles = css`
  .access-log__entry {
    padding: var(--fi-spacing-s) 0;
  }
  .access-log__when {
    margin: 0;
    color: var(--fi-color-black-light-1);
  }
  .access-log__what {
    margin: 0 0 var(--fi-spacing-xxs);
    font-weight: 600;
  }
  .access-log__facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0 var(--fi-spacing-s);
    margin: 0;
  }
  .access-log__facts dt {
    color: var(--fi-color-black-light-1);
  }
  .access-log__facts dd {
    margin: 0;
  }
`;
