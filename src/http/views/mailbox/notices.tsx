import { Notice as NoticeParagraph } from '../components/notice.js';
import type { PageContext } from '../page-context.js';

export type Notice = 'acknowledged' | 'deleted' | 'restored' | 'sent';

/** The result of the previous action, announced to screen readers as a status message. */
export function NoticeBox(props: { ctx: PageContext; notice?: Notice | undefined }) {
  if (!props.notice) return null;
  return (
    <NoticeParagraph tone="success" status>
      {props.ctx.t(`mailbox.notices.${props.notice}`)}
    </NoticeParagraph>
  );
}

export function ReadOnlyNotice(props: { ctx: PageContext; readOnly: boolean }) {
  if (!props.readOnly) return null;
  return <NoticeParagraph>{props.ctx.t('mailbox.readOnly')}</NoticeParagraph>;
}
