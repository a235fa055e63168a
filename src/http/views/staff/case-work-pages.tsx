import type { ComponentChildren } from 'preact';
import { ActionResult } from '../components/notice.js';
import type { PageContext } from '../page-context.js';
import { SendFormBody, type CaseWorkPaths, type SendFormBodyProps } from './send-page.js';
import { SentListBody, type SentListBodyProps } from './sent-list-page.js';
import { SentMessageBody, type SentMessageBodyProps } from './sent-message-page.js';
import { StaffLayout, type StaffFrame } from './staff-layout.js';

/** Where the case-work pages are mounted (routes/staff/send-routes.ts). */
export const caseWorkPaths: CaseWorkPaths = {
  send: '/virkailija/laheta',
  sent: '/virkailija/lahetetyt',
  message: (id) => `/virkailija/lahetetyt/${id}`,
};

/**
 * A case-work body in the staff frame under its title; a form that came back with problems (the
 * send form, the sent list's filters) marks the page's title as an error page.
 */
function inStaffFrame(
  props: { ctx: PageContext; frame: StaffFrame; problems?: readonly unknown[] | undefined },
  title: string,
  body: ComponentChildren,
) {
  return (
    <StaffLayout
      ctx={props.ctx}
      title={title}
      frame={props.frame}
      hasErrors={(props.problems ?? []).length > 0}
    >
      {body}
    </StaffLayout>
  );
}

/** The send form in the staff frame. */
export function StaffSendPage(props: SendFormBodyProps & { frame: StaffFrame }) {
  return inStaffFrame(props, props.ctx.t('staff.send.title'), <SendFormBody {...props} />);
}

/** The sent list in the staff frame. */
export function StaffSentListPage(props: SentListBodyProps & { frame: StaffFrame }) {
  return inStaffFrame(props, props.ctx.t('staff.sent.listTitle'), <SentListBody {...props} />);
}

/**
 * A sent message in the staff frame; right after sending (post/redirect/get) with a notice of what
 * the form did: sent it, or, for a form sent before, nothing new.
 */
export function StaffSentMessagePage(
  props: SentMessageBodyProps & { frame: StaffFrame; sent?: 'created' | 'duplicate' | undefined },
) {
  const { t } = props.ctx;
  const { sent, message } = props;
  const notice =
    sent && t(sent === 'created' ? 'staff.sent.confirmation' : 'staff.sent.duplicate', { id: message.id });
  return inStaffFrame(
    props,
    message.title,
    <>
      <ActionResult text={notice} />
      <SentMessageBody {...props} />
    </>,
  );
}
