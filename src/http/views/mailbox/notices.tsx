import type { PageContext } from '../page-context.js';

export type Notice = 'acknowledged' | 'deleted' | 'restored' | 'sent';

/** The result of the previous action, announced to screen readers as a status message. */
export function NoticeBox(props: { ctx: PageContext; notice?: Notice | undefined }) {
  if (!props.notice) return null;
  return (
    <p class="notice notice--success" role="status">
      {props.ctx.t(`mailbox.notices.${props.notice}`)}
    </p>
  );
}

export function ReadOnlyNotice(props: { ctx: PageContext; readOnly: boolean }) {
  if (!props.readOnly) return null;
  return <p class="notice">{props.ctx.t('mailbox.readOnly')}</p>;
}
