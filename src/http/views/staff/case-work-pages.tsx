import { ActionResult } from '../components/notice.js';
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

/** The send form in the staff frame. */
export function StaffSendPage(props: SendFormBodyProps & { frame: StaffFrame }) {
  const { frame, ...body } = props;
  return (
    <StaffLayout
      ctx={props.ctx}
      title={props.ctx.t('staff.send.title')}
      frame={frame}
      hasErrors={props.problems.length > 0}
    >
      <SendFormBody {...body} />
    </StaffLayout>
  );
}

/** The sent list in the staff frame. */
export function StaffSentListPage(props: SentListBodyProps & { frame: StaffFrame }) {
  const { frame, ...body } = props;
  return (
    <StaffLayout
      ctx={props.ctx}
      title={props.ctx.t('staff.sent.listTitle')}
      frame={frame}
      hasErrors={(props.problems ?? []).length > 0}
    >
      <SentListBody {...body} />
    </StaffLayout>
  );
}

/**
 * A sent message in the staff frame; right after sending (post/redirect/get) with a notice of what
 * the form did: sent it, or, for a form sent before, nothing new.
 */
export function StaffSentMessagePage(
  props: SentMessageBodyProps & { frame: StaffFrame; sent?: 'created' | 'duplicate' | undefined },
) {
  const { frame, sent, ...body } = props;
  const { t } = props.ctx;
  return (
    <StaffLayout ctx={props.ctx} title={props.message.title} frame={frame}>
      <ActionResult
        text={
          sent &&
          t(sent === 'created' ? 'staff.sent.confirmation' : 'staff.sent.duplicate', { id: props.message.id })
        }
      />
      <SentMessageBody {...body} />
    </StaffLayout>
  );
}
