import { LinkButton } from '../components/link-button.js';
import { ActionResult, Notice as NoticeParagraph } from '../components/notice.js';
import type { PageContext } from '../page-context.js';

/** The wording of each action's result. */
const noticeKeys = {
  acknowledged: 'mailbox.notices.acknowledged',
  deleted: 'mailbox.notices.deleted',
  restored: 'mailbox.notices.restored',
  sent: 'mailbox.notices.sent',
} as const;

export type Notice = keyof typeof noticeKeys;

/** The result of the previous action, announced to screen readers as a status message. */
export function NoticeBox(props: { ctx: PageContext; notice?: Notice | undefined }) {
  return <ActionResult text={props.notice && props.ctx.t(noticeKeys[props.notice])} />;
}

/** A closed account: old messages stay readable, and the way back is offered right here. */
export function ReadOnlyNotice(props: { ctx: PageContext; readOnly: boolean }) {
  if (!props.readOnly) return null;
  const { t } = props.ctx;
  return (
    <NoticeParagraph block>
      <p>{t('mailbox.readOnly')}</p>
      <p>
        <LinkButton href="/account/open">{t('account.open.reopenTitle')}</LinkButton>
      </p>
    </NoticeParagraph>
  );
}
